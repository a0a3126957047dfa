// Scores answers against the corpus contract (test/qa/corpus.json): kinds, exact numbers, listed items, language.
import { z } from 'zod';
import type { Forbund } from '../domain';
import { answer } from './answer';
import { fold } from './text';
import type { Answer } from './types';
import { understand } from './understand';

const ExpectSchema = z.object({
    kind: z.enum(['number', 'list', 'clarify', 'not_stated', 'out_of_scope', 'finding']),
    value: z.union([z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
    unit: z.enum(['kr', 'tkr', '%', 'antal']).optional(),
});
export const CaseSchema = z.object({
    q: z.string().min(1),
    forbund: z.string().min(1),
    now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    lang: z.enum(['sv', 'en']),
    expect: ExpectSchema,
    note: z.string().optional(),
});
export type Case = z.infer<typeof CaseSchema>;
export const CorpusSchema = z.array(CaseSchema);

/** Why an answer misses its expectation, or undefined when it matches. */
export function mismatch(c: Case, a: Answer, lang: string): string | undefined {
    const e = c.expect;
    if (lang !== c.lang) return `language ${lang}, expected ${c.lang}`;
    if (a.kind !== e.kind) return `kind ${a.kind}`;
    if (e.kind === 'list') {
        const items = Array.isArray(e.value) ? e.value : [];
        const values = a.values ?? [];
        const missing = items.filter((it) =>
            typeof it === 'number'
                ? !values.some((v) => v === it)
                : !values.some((v) => fold(String(v)).includes(fold(it))),
        );
        return missing.length
            ? `missing ${JSON.stringify(missing)} in ${JSON.stringify(values).slice(0, 160)}`
            : undefined;
    }
    if (typeof e.value === 'number' && a.value !== e.value) return `value ${a.value}`;
    if (e.unit && typeof e.value === 'number' && a.unit !== e.unit) return `unit ${a.unit}`;
    return undefined;
}

/** Noon Stockholm time on the case's date, so the calendar year is never off by a time zone. */
const caseNow = (c: Case) => new Date(`${c.now}T12:00:00+01:00`);

export type Result = { c: Case; a: Answer; miss?: string };

/** Runs every case through understand + answer. */
export function evaluate(corpus: Case[], forbund: ReadonlyMap<string, Forbund>): Result[] {
    return corpus.map((c) => {
        const f = forbund.get(c.forbund);
        if (!f) throw new Error(`unknown förbund "${c.forbund}" in the corpus`);
        const now = caseNow(c);
        const q = understand(c.q, f, now);
        const a = answer(q, f, now);
        return { c, a, miss: mismatch(c, a, q.lang) };
    });
}

/** Accuracy grouped by a key: `{ key: [hits, total] }`. */
export function accuracyBy(results: Result[], key: (r: Result) => string): Map<string, [number, number]> {
    const out = new Map<string, [number, number]>();
    for (const r of results) {
        const k = key(r);
        const [hit, n] = out.get(k) ?? [0, 0];
        out.set(k, [hit + (r.miss ? 0 : 1), n + 1]);
    }
    return out;
}
