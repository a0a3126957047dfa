// Monthly insats reports: the stored shape, month arithmetic and which fields an insats reports. Pure.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { z } from 'zod';
import { TIME_ZONE } from './format';
import type { Forbund, Indicator, Insats, Nyckeltal } from './schema';
import { REPORT_OUTCOMES } from './schema-goals';

export const GENDERS = ['kvinnor', 'man', 'annat'] as const;
export type Gender = (typeof GENDERS)[number];
/** Avslutade by outcome; `af` is "aktualiserad hos Arbetsförmedlingen / står till arbetsmarknadens förfogande". */
export const OUTCOMES = REPORT_OUTCOMES;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes a "to work or studies" goal counts as success (arbete, studier, AF). */
export const WORK_OUTCOMES: readonly Outcome[] = ['arbete', 'studier', 'af'];
/** The remitterande part for anyone not sent by one of the förbund's parter. */
export const OTHER_REFERRER = 'annan';
export const TEXT_MAX = 2000;

const n = z.number().int().nonnegative();
const genders = z.strictObject({ kvinnor: n, man: n, annat: n });
export type Genders = z.output<typeof genders>;

/** A report as stored (already validated at submit); used to parse JSON read back from the database. */
export const StoredReportSchema = z.strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    nya: genders,
    avslutade: genders,
    pagaende: genders,
    utfall: z.strictObject({ arbete: n, studier: n, af: n, rehab: n, ovrigt: n }),
    rem: z.record(z.string(), n),
    dagar: n,
    dagarFore: n.optional(),
    ind: z.record(z.string(), z.strictObject({ besvarade: n, positiva: n })),
    kommentar: z.string().max(TEXT_MAX).optional(),
    avvikelse: z.string().max(TEXT_MAX).optional(),
});
export type MonthlyReport = z.output<typeof StoredReportSchema>;

/** Sum of a gender split. */
export const total = (g: Genders): number => g.kvinnor + g.man + g.annat;
/** Sum of the values of a record of counts. */
export const sumOf = (r: Record<string, number>): number => Object.values(r).reduce((s, v) => s + v, 0);

/** Indicators reported as survey counts (answered/positive): those with a percentage target, like Navet's five. */
export function surveyIndicators(insats: Insats): Indicator[] {
    return insats.indicators.filter((i) => i.unit === 'procent');
}

/** The förbund's nyckeltal computed as a share of avslutade (its data says which outcomes), if it declares one. */
export function shareNyckeltal(f: Forbund): (Nyckeltal & { report: { share: Outcome[] } }) | undefined {
    return f.goals.nyckeltal.find(
        (k): k is Nyckeltal & { report: { share: Outcome[] } } => !!k.report && 'share' in k.report,
    );
}

/** The outcomes the förbund's share nyckeltal counts; undefined when it declares none. */
export const keyFigureOutcomes = (f: Forbund): readonly Outcome[] | undefined => shareNyckeltal(f)?.report.share;

/** The förbund's nyckeltal that averages a day count of the reports. */
export const daysNyckeltal = (f: Forbund, field: 'dagar' | 'dagarFore'): Nyckeltal | undefined =>
    f.goals.nyckeltal.find((k) => !!k.report && 'meanDays' in k.report && k.report.meanDays === field);

/** Whether the insatser report days in arbetslöshet/offentlig försörjning before the insats (a declared nyckeltal). */
export const tracksTimeBefore = (f: Forbund): boolean => daysNyckeltal(f, 'dagarFore') !== undefined;

/** Remitterande choices: the förbund's parter plus "annan". */
export const referrers = (f: Forbund): string[] => [...f.parter.map((p) => p.id), OTHER_REFERRER];

/** `2025-10` for a date, in Stockholm time. */
export const monthOf = (d: Date): string => format(new TZDate(d.getTime(), TIME_ZONE), 'yyyy-MM');

/** The month `delta` months from `month` (`2025-01`, −1 → `2024-12`). */
export function addMonths(month: string, delta: number): string {
    const [y, m] = month.split('-').map(Number);
    const i = y * 12 + (m - 1) + delta;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export const yearOfMonth = (month: string): number => Number(month.slice(0, 4));
export const monthNumber = (month: string): number => Number(month.slice(5, 7));

/**
 * Why a month cannot be reported, or undefined when it can: not in the future, inside a plan year, and at its last
 * day or later (Stockholm time) – the current month is reportable from its last day.
 */
export function monthProblem(
    f: Forbund,
    month: string,
    now: Date,
): 'future' | 'outside-plan' | 'not-ended' | undefined {
    const current = monthOf(now);
    if (month > current) return 'future';
    if (!f.years.some((y) => y.year === yearOfMonth(month))) return 'outside-plan';
    if (month === current && dayOfMonth(now) < lastDayOf(month)) return 'not-ended';
    return undefined;
}

/** The day of the month in Stockholm time. */
const dayOfMonth = (d: Date): number => Number(format(new TZDate(d.getTime(), TIME_ZONE), 'd'));
/** The number of the month's last day (`2024-02` → 29). */
export const lastDayOf = (month: string): number =>
    new Date(Date.UTC(yearOfMonth(month), monthNumber(month), 0)).getUTCDate();

/** The opening level implied by a month's report: pågående − nya + avslutade, per gender. */
export function openingOf(r: MonthlyReport): Genders {
    const g = (k: Gender) => r.pagaende[k] - r.nya[k] + r.avslutade[k];
    return { kvinnor: g('kvinnor'), man: g('man'), annat: g('annat') };
}
