// Chat Q&A: every message no earlier route took is answered from the förbund's plan; "qa.ask" buttons re-ask.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { ask, type Answer, type AnswerContext } from '../../qa';
import type { BotDeps } from '../deps';
import { say, sendReply, type Reply } from '../reply';
import { turnInfo } from '../turn';

/** The verb of every "ask this" button (help examples, clarify options). */
export const QA_ASK = 'qa.ask';
const AskSchema = z.object({ q: z.string().trim().min(1).max(500) });

/** Per-förbund answer context (e.g. the board's recorded budget decisions); none by default. */
export type QaContext = (forbund: Forbund) => AnswerContext;

/** The reply for an answer: its markdown text and card. */
export function qaReply(a: Answer): Reply {
    return { text: a.text, ...(a.card && { card: a.card }) };
}

async function reply(ctx: TurnContext, deps: BotDeps, context: QaContext, text: string): Promise<void> {
    const f = turnInfo(ctx, deps).forbund!;
    const started = performance.now();
    const a = ask(text, f, deps.now(), context(f));
    deps.log.debug('qa answered', { forbund: f.id, kind: a.kind, ms: Math.round(performance.now() - started) });
    await sendReply(ctx, qaReply(a));
}

/** Registers the Q&A catch-all message route and the `qa.ask` button; call it after every other message route. */
export function registerQa(app: Application<TurnState>, deps: BotDeps, context: QaContext = () => ({})): void {
    app.adaptiveCards.actionExecute(QA_ASK, async (ctx, _state, raw) => {
        const info = turnInfo(ctx, deps);
        const data = AskSchema.safeParse(raw);
        if (!data.success || !info.forbund) {
            deps.log.warn('qa.ask submit rejected', { issues: data.error?.issues.length ?? 0 });
            return say(
                info.lang,
                'Frågan på knappen kunde inte läsas.',
                'The question on the button could not be read.',
            );
        }
        await reply(ctx, deps, context, data.data.q);
        // A message response leaves the card as it was; the answer arrives as a new message.
        return say(info.lang, 'Svaret kommer som ett nytt meddelande.', 'The answer follows as a new message.');
    });
    app.activity(ActivityTypes.Message, async (ctx) => {
        const info = turnInfo(ctx, deps);
        if (info.forbund) await reply(ctx, deps, context, info.text);
    });
}
