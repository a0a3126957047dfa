// Registers chat routes. A linked route only matches in a conversation that belongs to a förbund: beforeTurn in
// application.ts has already answered the others with the link prompt.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { BotDeps } from './deps';
import { linkedTurn, turnInfo, type LinkedTurn, type TurnInfo } from './turn';

/** A RegExp is tested against the message text as Teams sent it (mention removed); a function gets the turn. */
type Match<T> = RegExp | ((turn: T) => boolean);

const matches = <T>(m: Match<T>, ctx: TurnContext, turn: T) =>
    m instanceof RegExp ? m.test(ctx.activity.text ?? '') : m(turn);

/** A message route for linked conversations: the handler gets the turn with its förbund. */
export function onMessage(
    app: Application<TurnState>,
    deps: BotDeps,
    match: Match<LinkedTurn>,
    handler: (ctx: TurnContext, turn: LinkedTurn) => Promise<void>,
): void {
    app.message(
        async (ctx) => {
            if (ctx.activity.type !== ActivityTypes.Message) return false;
            const turn = linkedTurn(ctx, deps);
            return turn !== undefined && matches(match, ctx, turn);
        },
        async (ctx) => {
            const turn = linkedTurn(ctx, deps);
            if (turn) await handler(ctx, turn);
        },
    );
}

/** A message route that also runs before the conversation is linked (onboarding, linking). */
export function onSetupMessage(
    app: Application<TurnState>,
    deps: BotDeps,
    match: RegExp,
    handler: (ctx: TurnContext, info: TurnInfo) => Promise<void>,
): void {
    app.message(
        async (ctx) => ctx.activity.type === ActivityTypes.Message && matches(match, ctx, turnInfo(ctx, deps)),
        (ctx) => handler(ctx, turnInfo(ctx, deps)),
    );
}
