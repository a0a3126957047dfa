// Scores answers against the corpus contract (test/qa/README.md): kinds, exact numbers, listed items, quoted words,
// language — and classifies every miss, so a misread (a figure for something not asked) is never hidden in accuracy.
// Part 2's cases add earlier turns (follow-ups) and the roster, reports and decisions an answer may use.
import { z } from 'zod';
import type { Forbund } from '../domain';
import { respond } from './respond';
import { fold } from './text';
import type { Answer, AnswerContext, Question } from './types';
import { readInContext } from './follow-on';

const ExpectSchema = z.object({
    kind: z.enum(['number', 'list', 'clarify', 'not_stated', 'out_of_scope', 'finding', 'quote']),
    value: z.union([z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
    unit: z.enum(['kr', 'tkr', '%', 'antal']).optional(),
    /** quote: words the quoted passage must contain. */
    words: z.array(z.string().min(1)).optional(),
    /** quote: (part of) the heading of the section quoted. */
    section: z.string().min(1).optional(),
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
    /** Open uppdrag from beslut: owner is a roster slug or a part id, due YYYY-MM-DD, body a body id (styrelse). */
    uppdrag: z
        .array(
            z.object({
                what: z.string().min(1),
                owner: z.string().min(1),
                due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
                body: z.string().default('styrelse'),
            }),
        )
        .optional(),
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
    given: GivenSchema.optional(),
    expect: ExpectSchema,
    /** Where the answer lives: the structured model, the plan's text, the roster, reports or decisions. */
    source: z.enum(['model', 'text', 'roster', 'reports', 'decisions']).default('model'),
    /** Marks a case that is known to miss (never as a misread) and why; it stays in the corpus until it passes. */
    pending: z.string().min(1).optional(),
    note: z.string().optional(),
});
export type Case = z.infer<typeof CaseSchema>;
export const CorpusSchema = z.array(CaseSchema);

/** Why an answer misses its expectation, or undefined when it matches. */
export function mismatch(c: Case, a: Answer, lang: string): string | undefined {
    const e = c.expect;
    if (lang !== c.lang) return `language ${lang}, expected ${c.lang}`;
    if (e.kind === 'quote') {
        // A model answer that carries the same words is as good as the quote (the model is the better source).
        if (a.kind !== 'quote' && a.kind !== 'list') return `kind ${a.kind}`;
        const text = fold(a.text);
        const missing = (e.words ?? []).filter((w) => !text.includes(fold(w)));
        if (missing.length) return `missing words ${JSON.stringify(missing)}`;
        if (a.kind === 'quote' && e.section && !fold(a.section ?? '').includes(fold(e.section)))
            return `section "${a.section}"`;
        return undefined;
    }
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

/**
 * What kind of miss: `misread` = the answer gives a figure that is not the one asked for (another measure, entity
 * or year, or a figure where none was asked); `notStatedInText` = "not stated"/"can't answer" for something the
 * plan does state; `other` = anything else (a needless clarify, a list missing an item, the wrong language).
 */
export type Verdict = 'hit' | 'misread' | 'notStatedInText' | 'other';

function verdict(c: Case, a: Answer, miss: string | undefined): Verdict {
    if (!miss) return 'hit';
    const e = c.expect;
    if (a.kind === 'number') return 'misread';
    if (a.kind === 'finding' && e.kind === 'finding' && typeof e.value === 'number' && a.value !== e.value)
        return 'misread';
    const refused = a.kind === 'not_stated' || a.kind === 'out_of_scope';
    const stated = e.kind !== 'not_stated' && e.kind !== 'out_of_scope' && e.kind !== 'clarify';
    if (refused && stated) return 'notStatedInText';
    return 'other';
}

/** Noon Stockholm time on the case's date, so the calendar year is never off by a time zone. */
const caseNow = (c: Case) => new Date(`${c.now}T12:00:00+01:00`);

export type Result = { c: Case; a: Answer; miss?: string; verdict: Verdict };
/** What a case's answer may consult: the förbund's plan text, and what the case's `given` holds. */
export type ContextOf = (c: Case, f: Forbund) => AnswerContext;

/** A case's identity in the baseline: förbund, date, earlier turns, what it is given (reports, decisions), question. */
export const caseKey = (c: Case) =>
    [c.forbund, c.now, ...(c.before ?? []), ...(c.given ? [JSON.stringify(c.given)] : []), c.q].join('|');

/** Runs every case through understand (with its earlier turns) + respond. */
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
        const a = respond(q, f, now, contextOf(c, f));
        const miss = mismatch(c, a, q.lang);
        return { c, a, miss, verdict: verdict(c, a, miss) };
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

export type Tally = { n: number; hit: number; misread: number; notStatedInText: number; other: number };

/** Hits, misreads, not-stated-but-in-text and other misses per group, sorted by key. */
export function tallyBy(results: Result[], key: (r: Result) => string): [string, Tally][] {
    const out = new Map<string, Tally>();
    for (const r of results) {
        const k = key(r);
        const t = out.get(k) ?? { n: 0, hit: 0, misread: 0, notStatedInText: 0, other: 0 };
        t.n++;
        t[r.verdict]++;
        out.set(k, t);
    }
    return [...out].sort(([a], [b]) => a.localeCompare(b));
}

/** The committed baseline (test/qa/baseline.json): which cases passed, and the tallies then. */
export const BaselineSchema = z.object({
    passing: z.array(z.string()),
    byForbund: z.record(
        z.object({
            n: z.number(),
            hit: z.number(),
            misread: z.number(),
            notStatedInText: z.number(),
            other: z.number(),
        }),
    ),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function baselineOf(results: Result[]): Baseline {
    return {
        passing: results
            .filter((r) => !r.miss)
            .map((r) => caseKey(r.c))
            .sort(),
        byForbund: Object.fromEntries(tallyBy(results, (r) => r.c.forbund)),
    };
}

/** Cases that passed in the baseline and miss now. */
export function regressions(results: Result[], baseline: Baseline): Result[] {
    const passed = new Set(baseline.passing);
    return results.filter((r) => r.miss && passed.has(caseKey(r.c)));
}
