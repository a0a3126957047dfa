// Plausibility of a valid report against the insats's own history and plan: far-off values are confirmed, not stored silently.
import { yearTarget } from './report-status';
import type { Forbund, Insats } from './schema';
import { total, yearOfMonth, type MonthlyReport } from './reports';

/** How many times the largest month so far a month may reach before it is questioned. */
export const HISTORY_FACTOR = 3;
/** The smallest "largest month" the factor is applied to, so a quiet start does not make every month odd. */
const HISTORY_FLOOR = 5;

export type PlausibilityField = 'nya' | 'avslutade' | 'pagaende';
/** One value far outside what the insats has reported or planned; `limit` is what the value was compared with. */
export type PlausibilityWarning = {
    field: PlausibilityField;
    code: 'over-year-target' | 'over-history';
    value: number;
    limit: number;
};

/**
 * The warnings for `report` given the latest versions of the insats's other months (`others`, any year; the month
 * itself is ignored): more new participants in a month than the plan's yearly target, or a count more than
 * HISTORY_FACTOR × its largest month so far.
 */
export function plausibilityWarnings(
    f: Forbund,
    insats: Insats,
    report: MonthlyReport,
    others: MonthlyReport[],
): PlausibilityWarning[] {
    const history = others.filter((r) => r.month !== report.month);
    const out: PlausibilityWarning[] = [];
    const target = yearTarget(f, insats.id, yearOfMonth(report.month), 'antal')?.target;
    const nya = total(report.nya);
    if (target !== undefined && nya > target)
        out.push({ field: 'nya', code: 'over-year-target', value: nya, limit: target });
    for (const field of ['nya', 'avslutade', 'pagaende'] as const) {
        if (!history.length || out.some((w) => w.field === field)) continue;
        const largest = Math.max(HISTORY_FLOOR, ...history.map((r) => total(r[field])));
        const value = total(report[field]);
        if (value > HISTORY_FACTOR * largest) out.push({ field, code: 'over-history', value, limit: largest });
    }
    return out;
}

/** A fingerprint of the warnings: "Spara ändå" stores only the very values that were warned about. */
export const warningsKey = (ws: PlausibilityWarning[]): string =>
    ws.map((w) => `${w.field}:${w.code}:${w.value}`).join(',');
