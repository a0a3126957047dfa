// The Q&A core's public API: understand a message, answer it, and score answers against expectations.
export { answer, topics } from './answer';
export { understand } from './understand';
export type { Answer, AnswerContext, AnswerKind, Question, Unit } from './types';

import type { Forbund } from '../domain';
import { answer } from './answer';
import type { Answer, AnswerContext } from './types';
import { understand } from './understand';

/** understand + answer in one call. */
export function ask(text: string, f: Forbund, now: Date, ctx: AnswerContext = {}): Answer {
    return answer(understand(text, f, now), f, now, ctx);
}
