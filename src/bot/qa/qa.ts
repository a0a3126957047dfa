// Chat Q&A: every message no earlier route took is answered from the förbund's plan; "qa.ask" buttons re-ask.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { ask, type Answer, type AnswerContext } from '../../qa';
import { registerView } from '../cards/view';
import type { BotDeps } from '../deps';
import { say, sendReply, type Reply } from '../reply';
import { onMessage } from '../on-message';
import { utfallLookup } from '../utfall';

/** The verb of every "ask this" button (help examples, clarify options). */
export const QA_ASK = 'qa.ask';
const AskSchema = z.object({ q: z.string().trim().min(1).max(500) });

/** Per-förbund answer context (e.g. the board's recorded budget decisions); none by default. */
export type QaContext = (forbund: Forbund) => AnswerContext;

/** The reply for an answer: its markdown text and card. */
export function qaReply(a: Answer): Reply {
    return { text: a.text, ...(a.card && { card: a.card }) };
}

async function reply(ctx: TurnContext, deps: BotDeps, context: QaContext, f: Forbund, text: string): Promise<void> {
    const started = performance.now();
    // The plan's own text (through the förbund repository) is quoted where the structured data has no answer.
    const a = ask(text, f, deps.now(), {
        plan: deps.forbund.planText(f.id),
        utfall: utfallLookup(deps, f.id),
        ...context(f),
    });
    deps.log.debug('qa answered', { forbund: f.id, kind: a.kind, ms: Math.round(performance.now() - started) });
    await sendReply(ctx, qaReply(a));
}

/** Registers the Q&A catch-all message route and the `qa.ask` button; call it after every other message route. */
export function registerQa(app: Application<TurnState>, deps: BotDeps, context: QaContext = () => ({})): void {
    // The plan is a public document: anyone in a conversation of the förbund may ask it again by button.
    registerView(app, deps, {
        verb: QA_ASK,
        schema: AskSchema,
        load: (_data, info) => info.forbund && { f: info.forbund },
        canSee: () => true,
        render: async ({ f }, { lang }, data, ctx) => {
            await reply(ctx, deps, context, f, data.q);
            // A message response leaves the card as it was; the answer arrives as a new message.
            return say(lang, 'Svaret kommer som ett nytt meddelande.', 'The answer follows as a new message.');
        },
    });
    onMessage(
        app,
        deps,
        () => true,
        (ctx, turn) => reply(ctx, deps, context, turn.forbund, turn.text),
    );
}
