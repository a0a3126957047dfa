// Per-insats summaries of the monthly reports: the chef's reporting state and the Uppföljning Finsam figures. Pure.
import { followUp } from './report-followup';
import { DEFAULT_RULES, type FollowUpRules, type Status } from './report-status';
import { addMonths, lastDayOf, monthOf, total, type Genders, type MonthlyReport } from './reports';
import type { Forbund, Insats, InsatsType } from './schema';
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './format';

/** The latest month that can be reported at `now`: the current one from its last day, else the one before. */
export function lastReportableMonth(now: Date): string {
    const current = monthOf(now);
    const day = new TZDate(now.getTime(), TIME_ZONE).getDate();
    return day >= lastDayOf(current) ? current : addMonths(current, -1);
}

/** The months of `year` that should have a report at `now` (none for a year outside the plan). */
export function expectedMonths(f: Forbund, year: number, now: Date): string[] {
    if (!f.years.some((y) => y.year === year)) return [];
    const last = lastReportableMonth(now);
    const out: string[] = [];
    for (let m = `${year}-01`; m <= last && m.startsWith(`${year}-`); m = addMonths(m, 1)) out.push(m);
    return out;
}

/** A month's latest version as the summaries need it. */
export type VersionInfo = { report: MonthlyReport; version: number; submittedAt: Date; sample: boolean };

/** Where an insats's reports stand in a year: its latest month, the months still missing and the deltagare status. */
export type ReportingState = {
    insats: Insats;
    year: number;
    last?: { month: string; version: number; submittedAt: Date };
    /** Months that should have a report at `now` and have none, oldest first. */
    missing: string[];
    /** Deltagare so far; `atLeast` when months are missing between the reports; `since` the opening month. */
    deltagare?: { value: number; atLeast: boolean; since?: string };
    /** The bot's status word for the deltagare target, when the plan sets one and it can be judged. */
    status?: Status;
    /** Whether any of the year's latest versions are the fictional demo rows. */
    sample: boolean;
};

/** The reporting state of one insats for `year` from the latest version of each month (and last December's). */
export function reportingState(
    f: Forbund,
    insats: Insats,
    year: number,
    versions: VersionInfo[],
    december: MonthlyReport | undefined,
    now: Date,
    rules: FollowUpRules = DEFAULT_RULES,
): ReportingState {
    const ofYear = versions.filter((v) => v.report.month.startsWith(`${year}-`));
    const sorted = [...ofYear].sort((a, b) => a.report.month.localeCompare(b.report.month));
    const have = new Set(sorted.map((v) => v.report.month));
    const last = sorted.at(-1);
    const base = {
        insats,
        year,
        missing: expectedMonths(f, year, now).filter((m) => !have.has(m)),
        sample: ofYear.some((v) => v.sample),
    };
    if (!last) return base;
    const fu = followUp(
        f,
        insats,
        year,
        sorted.map((v) => v.report),
        december,
        rules,
    );
    return {
        ...base,
        last: { month: last.report.month, version: last.version, submittedAt: last.submittedAt },
        deltagare: { value: total(fu.deltagare), atLeast: fu.atLeast, since: fu.openingMonth },
        status: fu.deltagareCheck?.status,
    };
}

/** What Uppföljning Finsam asks of an insats for a year, by insats type, with how complete the bot's figures are. */
export type UppfoljningRow = {
    insats: Insats;
    type: InsatsType;
    year: number;
    /** Participants during the year: per gender for an individinsats; `total` is what a strukturinsats reports. */
    deltagare: Genders;
    total: number;
    /** Whether the figures are lower bounds (months missing before or between the reports). */
    atLeast: boolean;
    missing: string[];
    lastMonth?: string;
    sample: boolean;
};

/** The Uppföljning Finsam figures of each insats for `year`, in the order of the förbund's data. */
export function uppfoljningFinsamRows(
    f: Forbund,
    year: number,
    versionsOf: (insatsId: string) => VersionInfo[],
    decemberOf: (insatsId: string) => MonthlyReport | undefined,
    now: Date,
): UppfoljningRow[] {
    return f.insatser.map((insats) => {
        const versions = versionsOf(insats.id).filter((v) => v.report.month.startsWith(`${year}-`));
        const reports = versions.map((v) => v.report);
        const december = decemberOf(insats.id);
        const fu = followUp(f, insats, year, reports, december);
        const have = new Set(reports.map((r) => r.month));
        const missing = expectedMonths(f, year, now).filter((m) => !have.has(m));
        return {
            insats,
            type: insats.type,
            year,
            deltagare: fu.deltagare,
            total: total(fu.deltagare),
            // Without January (or last December) the opening is a later month's: people who left before are not in it.
            // More can come until December is reported: a year not yet complete is a lower bound too.
            atLeast:
                fu.atLeast || fu.openingMonth !== `${year}-01` || missing.length > 0 || fu.lastMonth !== `${year}-12`,
            missing,
            lastMonth: fu.lastMonth,
            sample: versions.some((v) => v.sample),
        };
    });
}
