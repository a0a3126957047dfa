// Sends a reply: text for notifications and the terminal, plus an optional Adaptive Card from a template.
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { cardAttachment, type CardSpec } from '../cards/render';
import type { Lang } from './lang';

export type Reply = { text: string; card?: CardSpec };
/** A reply that always carries its card (the views a card action answers with). */
export type CardReply = Reply & { card: CardSpec };

/** Builds the outgoing message activity for a reply. */
export function replyActivity(reply: Reply): Partial<Activity> {
    return {
        type: ActivityTypes.Message,
        text: reply.text,
        textFormat: 'markdown',
        attachments: reply.card ? [cardAttachment(reply.card)] : undefined,
    };
}

/** Sends the reply in the current conversation. */
export async function sendReply(ctx: TurnContext, reply: Reply): Promise<void> {
    await ctx.sendActivity(replyActivity(reply));
}

/** A plain message card (title, text, optional facts) used for confirmations and refusals on card actions. */
export function messageCard(title: string, text: string, facts: { title: string; value: string }[] = []): CardSpec {
    return { template: 'message', data: { title, text, facts } };
}

/** Picks the sentence for the user's language. */
export const say = (lang: Lang, sv: string, en: string) => (lang === 'en' ? en : sv);
