// An agenda write from a card: the caller must be an agenda writer for the meeting's förbund; refusals show no agenda.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ZodType, ZodTypeDef } from 'zod';
import type { ActionKey } from '../cards/action-key';
import { registerAction, type ActionOutcome, type Refused } from '../cards/execute';
import type { Lang } from '../lang';
import { refusalCard } from '../refusal';
import type { TurnInfo } from '../turn';
import { asWriter } from './access';
import { meetingForbund, meetingVersion } from '../meeting/keys';
import { knownState, meetingIdOf, type MeetingState } from '../meeting/state';
import { actionLang } from '../meeting/words';

/** What every editor write starts from: the turn, the card's language, the meeting and the allowed writer. */
export type EditorTurn = {
    ctx: TurnContext;
    info: TurnInfo;
    lang: Lang;
    st: MeetingState;
    w: Extract<Awaited<ReturnType<typeof asWriter>>, { ok: true }>;
};

/** Registers a write verb on a meeting's agenda: loads the meeting, checks the writer, then runs `prepare`. */
export function registerEditorAction<T extends { key: ActionKey; lang?: string }>(
    app: Application<TurnState>,
    ad: BotDeps,
    h: {
        verb: string;
        schema: ZodType<T, ZodTypeDef, unknown>;
        prepare: (turn: EditorTurn, data: T) => Promise<(() => ActionOutcome) | Refused>;
    },
): void {
    registerAction(app, ad, {
        verb: h.verb,
        schema: h.schema,
        version: meetingVersion(ad),
        forbundOf: meetingForbund(ad),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownState(ad, meetingIdOf(data.key.record));
            const w = await asWriter(ctx, ad, info, st.f.id, lang);
            if (!w.ok) return { refused: refusalCard(lang, w.text) };
            return h.prepare({ ctx, info, lang, st, w }, data);
        },
    });
}
