// Scores answers against the corpus contract (test/qa/corpus.json, corpus-part2.json): kinds, exact numbers, listed
// items, language; part 2 adds earlier turns (follow-ups) and the roster, reports and decisions an answer may use.
import { z } from 'zod';
import type { Forbund } from '../domain';
import { answer } from './answer';
import { fold } from './text';
import type { Answer, AnswerContext, Question } from './types';
import { readInContext } from './follow-on';

const ExpectSchema = z.object({
    kind: z.enum(['number', 'list', 'clarify', 'not_stated', 'out_of_scope', 'finding']),
    value: z.union([z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
    unit: z.enum(['kr', 'tkr', '%', 'antal']).optional(),
});
const GivenSchema = z.object({
    decisions: z
        .array(
            z.object({
                year: z.number().int(),
                status: z.enum(['förslag', 'preliminär', 'fastställd']),
                ref: z.string(),
            }),
        )
        .optional(),
    /** A named set of submitted monthly reports (test/qa/reports-part2.json) and how the conversation may see them. */
    reports: z.string().optional(),
    view: z.enum(['full', 'shared']).optional(),
});
export type Given = z.infer<typeof GivenSchema>;
export const CaseSchema = z.object({
    q: z.string().min(1),
    forbund: z.string().min(1),
    now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    lang: z.enum(['sv', 'en']),
    /** Earlier messages of the same person in the same conversation (a follow-up). */
    before: z.array(z.string().min(1)).optional(),
    category: z.string().optional(),
    source: z.enum(['model', 'text', 'roster', 'reports', 'decisions']).optional(),
    given: GivenSchema.optional(),
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
    if (Array.isArray(e.value)) {
        const values = a.values ?? [];
        const missing = e.value.filter((it) =>
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
/** What a case's answer may consult: built from the förbund's data and the case's `given`. */
export type ContextOf = (c: Case, f: Forbund) => AnswerContext;

/** Runs every case through understand (with its earlier turns) + answer. */
export function evaluate(
    corpus: Case[],
    forbund: ReadonlyMap<string, Forbund>,
    contextOf: ContextOf = () => ({}),
): Result[] {
    return corpus.map((c) => {
        const f = forbund.get(c.forbund);
        if (!f) throw new Error(`unknown förbund "${c.forbund}" in the corpus`);
        const now = caseNow(c);
        let prev: Question | undefined;
        for (const turn of c.before ?? []) prev = readInContext(turn, f, now, prev);
        const q = readInContext(c.q, f, now, prev);
        const a = answer(q, f, now, contextOf(c, f));
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
