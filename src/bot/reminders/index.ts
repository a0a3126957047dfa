// Registers the reminder chat: add a one-off deadline, list deadlines, mark one done (sv and en).
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { authorize, type Person } from '../../domain/access';
import { onMessage } from '../on-message';
import { refusalText } from '../refusal';
import { sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { addDeadline } from './add';
import { markDone } from './done';
import { answerList } from './list';
import { ADD, BUDGET_DONE, DONE, LIST } from './words';

/** Registers the routes; each matches only its own phrases, so other messages reach later routes. */
export function registerReminders(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(app, deps, (t) => ADD.test(t.text), changing(deps, addDeadline));
    onMessage(
        app,
        deps,
        (t) => LIST.test(t.text),
        (ctx, t) => answerList(ctx, deps, t),
    );
    onMessage(app, deps, (t) => BUDGET_DONE.test(t.text) || DONE.test(t.text), changing(deps, markDone));
}

/** A change to the deadlines: only for those who may change them (the förbundschef), refused before anything else. */
function changing(
    deps: BotDeps,
    handler: (ctx: TurnContext, deps: BotDeps, turn: LinkedTurn, person: Person) => Promise<void>,
) {
    return async (ctx: TurnContext, turn: LinkedTurn) => {
        const access = authorize(await turn.caller(), turn.forbund.id, { kind: 'deadline.change' });
        if (!access.ok) return sendReply(ctx, { text: refusalText(turn.lang, access) });
        await handler(ctx, deps, turn, access.person);
    };
}
