// Checks an expanded card the way Teams will meet it: the official parser, version 1.5, and the 80 KB message budget.
import * as AC from 'adaptivecards';
import { chartProblems } from './charts';

export const MAX_CARD_BYTES = 80 * 1024;

/** Problems found in a card (empty when it is fine). */
export function checkCard(card: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, expected 1.5`);
    const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (size > MAX_CARD_BYTES) problems.push(`serialized size ${size} B is over ${MAX_CARD_BYTES} B`);
    const json = JSON.stringify(card);
    if (json.includes('${')) problems.push('an unexpanded ${…} binding is left in the card');
    const parsed = new AC.AdaptiveCard();
    const ctx = new AC.SerializationContext();
    parsed.parse(card, ctx);
    problems.push(...chartProblems(card));
    for (let i = 0; i < ctx.eventCount; i++) {
        const message = ctx.getEventAt(i).message;
        // Charts are checked by chartProblems(); the renderer falls back for them, which is what it should do.
        if (/^Unknown element type "Chart\./.test(message)) continue;
        problems.push(`parse: ${message}`);
    }
    for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
    return problems;
}
