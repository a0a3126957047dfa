// What a corpus case's answer may consult: the förbund's seed roster, the case's recorded budget decisions and a
// named set of submitted reports, shown in full or as a shared conversation's suppressed table.
import { z } from 'zod';
import { DEFAULT_RULES } from '../domain/report-status';
import { StoredReportSchema } from '../domain/reports';
import type { ContextOf } from './eval';
import { reportView } from './report-view';

export const ReportSetsSchema = z.record(
    z.string(),
    z.object({ insats: z.string(), reports: z.array(StoredReportSchema) }),
);
export type ReportSets = z.infer<typeof ReportSetsSchema>;

/** The eval's context: roster from the data file, decisions and reports from the case. */
export function evalContext(sets: ReportSets): ContextOf {
    return (c, f) => {
        const set = c.given?.reports ? sets[c.given.reports] : undefined;
        if (c.given?.reports && !set) throw new Error(`unknown report set "${c.given.reports}"`);
        return {
            roster: () => f.roster.map((p) => ({ name: p.name, roles: p.roles })),
            budgetDecision: (year) => c.given?.decisions?.find((d) => d.year === year),
            reports: (insatsId, year) =>
                set && set.insats === insatsId
                    ? reportView(f, insatsId, year, set.reports, undefined, DEFAULT_RULES, c.given?.view !== 'shared')
                    : undefined,
        };
    };
}
