// Lists every card to look at: each template in templates/ with each sample case in test/fixtures/cards/<template>.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, TEMPLATES_DIR } from '../paths';
import { storedCardSchema, type StoredCard } from './templates';

/** Where the sample data for each template lives (one object, or an array of cases). */
export const CARD_FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'cards');

/** One template expanded with one sample case; `name` is `<template>-<n>` with n counted from 1. */
export type CardCase = { template: string; name: string; spec: StoredCard };

/** Every template × every sample case, in file order, plus the templates that have no sample data yet. */
export function cardCases(): { cases: CardCase[]; withoutData: string[] } {
    const templates = readdirSync(TEMPLATES_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json'))
        .sort();
    const cases: CardCase[] = [];
    const withoutData: string[] = [];
    for (const template of templates) {
        const file = join(CARD_FIXTURES_DIR, `${template}.json`);
        if (!existsSync(file)) {
            withoutData.push(template);
            continue;
        }
        const raw = JSON.parse(readFileSync(file, 'utf8')) as object | object[];
        (Array.isArray(raw) ? raw : [raw]).forEach((data, i) =>
            cases.push({ template, name: `${template}-${i + 1}`, spec: storedCardSchema.parse({ template, data }) }),
        );
    }
    return { cases, withoutData };
}
