// What a corpus case's answer may consult: the förbund's seed roster, the case's recorded budget decisions and a
// named set of submitted reports, shown in full or as a shared conversation's suppressed table.
import { z } from 'zod';
import type { Forbund } from '../domain';
import { fullFigures } from '../domain/report-figures';
import { followUp } from '../domain/report-followup';
import { sharedFollowUp } from '../domain/report-suppression';
import { StoredReportSchema, type MonthlyReport } from '../domain/reports';
import type { ContextOf } from './eval';
import type { ReportView } from './types';

export const ReportSetsSchema = z.record(
    z.string(),
    z.object({ insats: z.string(), reports: z.array(StoredReportSchema) }),
);
export type ReportSets = z.infer<typeof ReportSetsSchema>;

/** The report view a conversation gets: every figure in full, or the suppressed shared table. */
export function reportView(
    f: Forbund,
    insatsId: string,
    year: number,
    reports: MonthlyReport[],
    december: MonthlyReport | undefined,
    full: boolean,
): ReportView | undefined {
    const insats = f.insatser.find((i) => i.id === insatsId);
    const ofYear = reports.filter((r) => r.month.startsWith(`${year}-`));
    if (!insats || ofYear.length === 0) return undefined;
    const figures = full
        ? fullFigures(followUp(f, insats, year, ofYear, december), false)
        : sharedFollowUp(f, insats, year, ofYear, december);
    if (!figures) return undefined;
    const avvikelser = ofYear
        .filter((r) => r.avvikelse)
        .map((r) => ({ month: r.month, ...(full && { text: r.avvikelse }) }));
    return { figures, avvikelser };
}

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
                    ? reportView(f, insatsId, year, set.reports, undefined, c.given?.view !== 'shared')
                    : undefined,
        };
    };
}
