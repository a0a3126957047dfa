// The buttons of a file waiting on a decision (a workbook or plan preview, a ledger reading, the kind question): the
// row the card names, stale once decided, refused outside its förbund, and pressed only by the role the decision needs.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { ZodType, ZodTypeDef } from 'zod';
import { authorize, type Action, type Person } from '../../domain/access';
import { registerAction, type ActionOutcome, type Refused } from '../cards/execute';
import { pressLang } from '../cards/scope';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { messageCard, say } from '../reply';
import type { TurnInfo } from '../turn';

type Waiting = { id: number; forbundId: string; status: string };

export type WaitingPress<T, W> = {
    data: T;
    row: W;
    person: Person;
    info: TurnInfo;
    lang: Lang;
    /** The card title, in the presser's language. */
    title: string;
};

export function registerWaitingDecision<T extends { key: string }, W extends Waiting>(
    app: Application<TurnState>,
    deps: BotDeps,
    h: {
        verb: string;
        schema: ZodType<T, ZodTypeDef, unknown>;
        /** The waiting row a card's record names; undefined when there is none of this kind. */
        load: (record: string) => W | undefined;
        /** What the presser must be allowed to do in the row's förbund. */
        action: Action;
        title: [sv: string, en: string];
        missing: [sv: string, en: string];
        decide: (press: WaitingPress<T, W>) => (() => ActionOutcome) | Refused;
    },
): void {
    registerAction(app, deps, {
        verb: h.verb,
        schema: h.schema,
        version: (record) => {
            const row = h.load(record);
            return row && (row.status === 'väntar' ? 0 : 1);
        },
        forbundOf: (record) => h.load(record)?.forbundId,
        prepare: async (ctx, info, data) => {
            const lang = pressLang(data, info);
            const title = say(lang, ...h.title);
            const row = h.load(data.key.split('|')[0]);
            if (!row) return { refused: messageCard(title, say(lang, ...h.missing)) };
            const person = await deps.identity.resolve(ctx, info.user, row.forbundId);
            const access = authorize(person, row.forbundId, h.action);
            if (!access.ok) return { refused: messageCard(title, refusalText(lang, access)) };
            return h.decide({ data, row, person: access.person, info, lang, title });
        },
    });
}
