// Registers the reminder chat: add a one-off deadline, list deadlines, mark one done (sv and en).
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { turnInfo } from '../turn';
import { addDeadline } from './add';
import { markDone } from './done';
import { answerList } from './list';
import { ADD, BUDGET_DONE, DONE, LIST } from './words';

/** Registers the routes; each matches only its own phrases, so other messages reach later routes. */
export function registerReminders(app: Application<TurnState>, deps: BotDeps): void {
    const text = (ctx: TurnContext) => turnInfo(ctx, deps).text;
    app.message(
        async (ctx) => ADD.test(text(ctx)),
        (ctx) => addDeadline(ctx, deps),
    );
    app.message(
        async (ctx) => LIST.test(text(ctx)),
        (ctx) => answerList(ctx, deps),
    );
    app.message(
        async (ctx) => BUDGET_DONE.test(text(ctx)) || DONE.test(text(ctx)),
        (ctx) => markDone(ctx, deps),
    );
}
