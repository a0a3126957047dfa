// Validates a submitted monthly report: whole non-negative counts, then the cross-field rules between them.
import { z } from 'zod';
import type { Forbund, Insats } from './schema';
import {
    GENDERS,
    lastDayOf,
    OUTCOMES,
    TEXT_MAX,
    monthProblem,
    referrers,
    sumOf,
    surveyIndicators,
    total,
    tracksTimeBefore,
    type MonthlyReport,
} from './reports';

/** What went wrong with one field; the bot words it in the user's language. */
export type ReportErrorCode =
    | 'not-a-number'
    | 'not-whole'
    | 'negative'
    | 'too-large'
    | 'too-long'
    | 'bad-month'
    | 'month-future'
    | 'month-not-ended'
    | 'month-outside-plan'
    | 'outcomes-sum'
    | 'referrers-sum'
    | 'positive-over-answered'
    | 'pagaende-previous'
    | 'pagaende-next'
    | 'opening-negative'
    | 'finished-over-available'
    | 'days-without-finished';
/** One error at a field path like `nya.kvinnor` or `utfall`, with the figures the message needs. */
export type ReportFieldError = { field: string; code: ReportErrorCode; params: Record<string, number | string> };

export type ReportContext = {
    forbund: Forbund;
    insats: Insats;
    now: Date;
    /** The latest report of the month before, when there is one. */
    previous?: MonthlyReport;
    /** The latest report of the month after, when there is one (a resubmission must still lead into it). */
    next?: MonthlyReport;
};
export type ReportResult = { ok: true; report: MonthlyReport } | { ok: false; errors: ReportFieldError[] };

const MAX_COUNT = 100_000;
const issue = (ctx: z.RefinementCtx, path: (string | number)[], code: ReportErrorCode, params = {}) =>
    ctx.addIssue({ code: 'custom', path, message: code, params });

const count = z.union([z.number(), z.string(), z.null(), z.undefined()]).transform((v, ctx) => {
    const s = String(v ?? '')
        .replace(/\s/g, '')
        .replace(',', '.');
    if (s === '') return 0;
    const n = Number(s);
    if (!/^[-+]?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n)) return (issue(ctx, [], 'not-a-number'), z.NEVER);
    if (!Number.isInteger(n)) return (issue(ctx, [], 'not-whole'), z.NEVER);
    if (n < 0) return (issue(ctx, [], 'negative'), z.NEVER);
    if (n > MAX_COUNT) return (issue(ctx, [], 'too-large', { max: MAX_COUNT }), z.NEVER);
    return n;
});
const text = z
    .union([z.string(), z.null(), z.undefined()])
    .transform((v) => (v ?? '').trim() || undefined)
    .refine((v) => (v ?? '').length <= TEXT_MAX, { message: 'too-long', params: { max: TEXT_MAX } });
// A group the form left out entirely reads as all zeros, like its empty fields.
const genders = z.object({ kvinnor: count, man: count, annat: count }).default({});
const keyed = (keys: string[], shape: z.ZodTypeAny) =>
    z.object(Object.fromEntries(keys.map((k) => [k, shape]))).default({});

/** The zod schema for a submit to `ctx.insats`; input is the form's values nested by field path. */
export function reportSchema(ctx: ReportContext) {
    const indicators = surveyIndicators(ctx.insats).map((i) => i.id);
    return (
        z
            .object({
                month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bad-month'),
                nya: genders,
                avslutade: genders,
                pagaende: genders,
                utfall: keyed([...OUTCOMES], count),
                rem: keyed(referrers(ctx.forbund), count),
                dagar: count,
                dagarFore: tracksTimeBefore(ctx.forbund) ? count : z.unknown().transform(() => undefined),
                ind: keyed(indicators, z.object({ besvarade: count, positiva: count }).default({})),
                kommentar: text,
                avvikelse: text,
            })
            // The cross-field rules run only once every field is a valid count (a pipe stops on field errors).
            .pipe(z.custom<MonthlyReport>().superRefine((r, c) => crossFieldRules(r, ctx, c)))
    );
}

function crossFieldRules(r: MonthlyReport, ctx: ReportContext, c: z.RefinementCtx) {
    const problem = monthProblem(ctx.forbund, r.month, ctx.now);
    if (problem) issue(c, ['month'], monthErrorCode(problem), { last: lastDayOf(r.month) });
    const avslutade = total(r.avslutade);
    if (sumOf(r.utfall) !== avslutade) issue(c, ['utfall'], 'outcomes-sum', { sum: sumOf(r.utfall), avslutade });
    if (sumOf(r.rem) !== total(r.nya)) issue(c, ['rem'], 'referrers-sum', { sum: sumOf(r.rem), nya: total(r.nya) });
    for (const [id, v] of Object.entries(r.ind)) {
        if (v.positiva > v.besvarade) issue(c, ['ind', id, 'positiva'], 'positive-over-answered', v);
    }
    if (avslutade === 0 && (r.dagar > 0 || (r.dagarFore ?? 0) > 0))
        issue(c, [r.dagar > 0 ? 'dagar' : 'dagarFore'], 'days-without-finished');
    for (const g of GENDERS) {
        const expected = ctx.previous && ctx.previous.pagaende[g] + r.nya[g] - r.avslutade[g];
        // An error names what would be consistent, never a negative count.
        if (ctx.previous && expected !== undefined && expected < 0) {
            const available = ctx.previous.pagaende[g] + r.nya[g];
            issue(c, ['avslutade', g], 'finished-over-available', {
                avslutade: r.avslutade[g],
                previous: ctx.previous.pagaende[g],
                nya: r.nya[g],
                available,
            });
        } else if (ctx.previous && r.pagaende[g] !== expected) {
            issue(c, ['pagaende', g], 'pagaende-previous', { expected, previous: ctx.previous.pagaende[g] });
        } else if (!ctx.previous && r.pagaende[g] - r.nya[g] + r.avslutade[g] < 0) {
            issue(c, ['pagaende', g], 'opening-negative', { min: r.nya[g] - r.avslutade[g] });
        }
        if (ctx.next && expected === undefined) {
            const next = ctx.next.pagaende[g] - ctx.next.nya[g] + ctx.next.avslutade[g];
            if (r.pagaende[g] !== next)
                issue(c, ['pagaende', g], 'pagaende-next', { expected: next, month: ctx.next.month });
        }
    }
}

/** The error code for a month problem. */
export const monthErrorCode = (p: NonNullable<ReturnType<typeof monthProblem>>): ReportErrorCode =>
    p === 'future' ? 'month-future' : p === 'not-ended' ? 'month-not-ended' : 'month-outside-plan';

/** Validates a submit; errors come back as values, one per field, never thrown. */
export function validateReport(input: unknown, ctx: ReportContext): ReportResult {
    const parsed = reportSchema(ctx).safeParse(input);
    if (parsed.success) return { ok: true, report: parsed.data };
    const errors = parsed.error.issues.map((i): ReportFieldError => {
        const known = i.code === 'custom' || i.code === 'invalid_string';
        return {
            field: i.path.join('.'),
            code: (known ? i.message : 'not-a-number') as ReportErrorCode,
            params: i.code === 'custom' ? (i.params ?? {}) : {},
        };
    });
    // One message per field: the first rule that failed there.
    return { ok: false, errors: errors.filter((e, k) => errors.findIndex((x) => x.field === e.field) === k) };
}

/** Fields whose values differ between two versions (dotted paths), for the history. */
export function changedFields(before: MonthlyReport, after: MonthlyReport): string[] {
    const flat = (o: unknown, p = ''): [string, unknown][] =>
        o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k)) : [[p, o]];
    const a = new Map(flat(before));
    const b = new Map(flat(after));
    return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
