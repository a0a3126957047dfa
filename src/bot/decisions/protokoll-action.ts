// A write on a protokoll card (`protokoll:<id>` key): stale versions are refused, then `prepare` gets the closed
// meeting and the caller already looked up.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ZodType, ZodTypeDef } from 'zod';
import type { Person } from '../../domain/access';
import type { ActionKey } from '../cards/action-key';
import { registerAction, type ActionOutcome, type Refused } from '../cards/execute';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { meetingForbund } from '../meeting/keys';
import { actionLang } from '../meeting/words';
import type { TurnInfo } from '../turn';
import { knownClosedState, recordId, type ClosedState } from './state';

/** What every protokoll write starts from; `person` is undefined when the caller is not on the roster. */
export type ProtokollTurn = { ctx: TurnContext; info: TurnInfo; lang: Lang; st: ClosedState; person?: Person };

/** The version of the protokoll a `protokoll:<id>` key names: an edit makes older justering cards stale. */
export const protokollVersion = (dd: BotDeps) => (record: string) => {
    const id = recordId('protokoll', record);
    return id === undefined ? undefined : dd.protokoll.latest(id)?.version;
};

/** What a protokoll card's result claims: the version and how far its justering has come (both move on). */
export const protokollTruth = (dd: BotDeps) => (record: string) => {
    const id = recordId('protokoll', record) ?? 0;
    return `${dd.protokoll.latest(id)?.version}|${dd.protokoll.events(id).length}`;
};

export function registerProtokollAction<T extends { key: ActionKey; lang?: string }>(
    app: Application<TurnState>,
    dd: BotDeps,
    h: {
        verb: string;
        schema: ZodType<T, ZodTypeDef, unknown>;
        prepare: (turn: ProtokollTurn, data: T) => Promise<(() => ActionOutcome) | Refused>;
    },
): void {
    registerAction(app, dd, {
        verb: h.verb,
        schema: h.schema,
        version: protokollVersion(dd),
        forbundOf: meetingForbund(dd, 'protokoll'),
        truth: protokollTruth(dd),
        prepare: async (ctx, info, data) => {
            const st = knownClosedState(dd, recordId('protokoll', data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            return h.prepare({ ctx, info, lang: actionLang(ctx, info, data), st, person }, data);
        },
    });
}
