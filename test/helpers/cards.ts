// Reading the cards the bot sent, as Teams would: the card of a message, its buttons anywhere in it, a button by title.
import assert from 'node:assert/strict';
import type { Sent } from './bot';

export type Card = Record<string, any>;

/** The Adaptive Card of a message sent to the connector. */
export const cardOf = (s: Sent): Card => s.body.attachments[0].content;

/** A card as one string, for matching text anywhere in it. */
export const textOf = (card: unknown) => JSON.stringify(card);

/** Every action of a card: in ActionSets at any depth, then the card's own actions. */
export function buttons(card: Card): Card[] {
    const inBody = (els: Card[]): Card[] =>
        els.flatMap((e) => (e.type === 'ActionSet' ? e.actions : e.items ? inBody(e.items) : []));
    return [...inBody(card.body ?? []), ...(card.actions ?? [])];
}

/** The button titled `title` (for agenda item `itemId` when given); fails the test, naming the buttons, if absent. */
export function button(card: Card, title: string, itemId?: number): Card {
    const b = buttons(card).find((x) => x.title === title && (itemId === undefined || x.data?.itemId === itemId));
    assert.ok(
        b,
        `no button "${title}" (${itemId ?? ''}) in ${buttons(card)
            .map((x) => x.title)
            .join(',')}`,
    );
    return b;
}
