// Expands a JSON card template from templates/ with typed data; the only way the bot makes card JSON.
import type { AdaptiveCard } from '@microsoft/teams-ai';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TEMPLATES_DIR } from '../paths';
import type { CardName, CardSpec, StoredCard } from './templates';

const cardShape = z.object({ type: z.literal('AdaptiveCard'), version: z.string() }).passthrough();
const cache = new Map<string, ACData.Template>();

function template(name: CardName): ACData.Template {
    let t = cache.get(name);
    if (!t) {
        const json = cardShape.parse(JSON.parse(readFileSync(join(TEMPLATES_DIR, `${name}.json`), 'utf8')));
        t = new ACData.Template(json);
        cache.set(name, t);
    }
    return t;
}

export type { AnyCardSpec, CardName, CardSpec, StoredCard } from './templates';

// Expansion runs adaptive-expressions over every binding; the same answer card (the EK forecast, help) is asked for
// again and again, so recent expansions are kept. Expanded cards are only ever serialized, never mutated.
const expanded = new LRUCache<string, AdaptiveCard>({ max: 300 });

/**
 * Expands a template with data (or a card stored with a press, for its replay). Fields missing from data render as
 * empty (never as `${…}` text).
 */
export function expandCard(spec: CardSpec | StoredCard): AdaptiveCard {
    const key = `${spec.template}\u0000${JSON.stringify(spec.data)}`;
    let card = expanded.get(key);
    if (!card) {
        // The template passed cardShape when it was read, and expansion keeps its root type.
        card = template(spec.template).expand({ $root: spec.data }) as AdaptiveCard;
        expanded.set(key, card);
    }
    return card;
}

/** Expands a template into a Bot Framework attachment. */
export function cardAttachment(spec: CardSpec): Attachment {
    return CardFactory.adaptiveCard(expandCard(spec));
}
