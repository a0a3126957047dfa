// The HTTP request's logger travels with its turn, so what the turn logs carries the request id the caller was shown.
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';

const KEY = Symbol('requestLog');

/** Hands the request's logger to the turn it starts. */
export function setRequestLog(ctx: TurnContext, log: Logger): void {
    ctx.turnState.set(KEY, log);
}

/** The logger of the request that started this turn, or `fallback` when there is none (a proactive turn). */
export function requestLog(ctx: TurnContext, fallback: Logger): Logger {
    return ctx.turnState.get<Logger | undefined>(KEY) ?? fallback;
}
