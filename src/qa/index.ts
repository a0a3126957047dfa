// The Q&A core's public API: understand a message, answer it, and score answers against expectations.
export { answer, topics } from './answer';
export { understand } from './understand';
export type { Answer, AnswerContext, AnswerKind, Question, Unit } from './types';

import type { Forbund } from '../domain';
import { respond } from './respond';
import type { Answer, AnswerContext } from './types';
import { understand } from './understand';

export { respond } from './respond';

/** understand + respond in one call (the plan's text in `ctx.plan` is quoted where the data has no answer). */
export function ask(text: string, f: Forbund, now: Date, ctx: AnswerContext = {}): Answer {
    return respond(understand(text, f, now), f, now, ctx);
}
