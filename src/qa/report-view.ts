// Submitted reports as a conversation may see them: the full follow-up, or the shared conversation's suppressed
// table (the same one the follow-up card shows), and the months with an avvikelse (their text only in full).
import type { Forbund } from '../domain';
import { fullFigures } from '../domain/report-figures';
import { followUp } from '../domain/report-followup';
import type { FollowUpRules } from '../domain/report-status';
import { sharedFollowUp } from '../domain/report-suppression';
import type { MonthlyReport } from '../domain/reports';
import type { ReportView } from './types';

/** The view of `insatsId`'s reports for `year`; undefined when none are submitted. */
export function reportView(
    f: Forbund,
    insatsId: string,
    year: number,
    reports: MonthlyReport[],
    december: MonthlyReport | undefined,
    rules: FollowUpRules,
    full: boolean,
): ReportView | undefined {
    const insats = f.insatser.find((i) => i.id === insatsId);
    const ofYear = reports.filter((r) => r.month.startsWith(`${year}-`));
    if (!insats || ofYear.length === 0) return undefined;
    const figures = full
        ? fullFigures(followUp(f, insats, year, ofYear, december, rules), false)
        : sharedFollowUp(f, insats, year, ofYear, december, rules);
    if (!figures) return undefined;
    const avvikelser = ofYear
        .filter((r) => r.avvikelse)
        .map((r) => ({ month: r.month, ...(full && { text: r.avvikelse }) }));
    return { figures, avvikelser };
}
