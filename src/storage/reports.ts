// Report versions in SQLite: append-only rows per insats and month; JSON read back is parsed with zod.
import { z } from 'zod';
import { DEFAULT_RULES, FollowUpRulesSchema, type FollowUpRules } from '../domain/report-status';
import { StoredReportSchema, type MonthlyReport } from '../domain/reports';
import { must } from '../domain/must';
import type { Db } from './db';

/** One stored version of a month's report. */
export type ReportVersion = {
    forbundId: string;
    insatsId: string;
    month: string;
    version: number;
    report: MonthlyReport;
    submittedBy: string;
    submittedAt: Date;
    sample: boolean;
};

const rowSchema = z.object({
    forbund_id: z.string(),
    insats_id: z.string(),
    month: z.string(),
    version: z.number().int().positive(),
    data: z.string().transform((s) => StoredReportSchema.parse(JSON.parse(s))),
    submitted_by: z.string(),
    submitted_at: z.string().datetime(),
    sample: z.number().int(),
});
const toVersion = (row: unknown): ReportVersion => {
    const r = rowSchema.parse(row);
    return {
        forbundId: r.forbund_id,
        insatsId: r.insats_id,
        month: r.month,
        version: r.version,
        report: r.data,
        submittedBy: r.submitted_by,
        submittedAt: new Date(r.submitted_at),
        sample: r.sample === 1,
    };
};
// The latest version of each (insats, month): no later version of the same month exists.
const LATEST = `NOT EXISTS (SELECT 1 FROM report_versions l WHERE l.forbund_id = v.forbund_id
    AND l.insats_id = v.insats_id AND l.month = v.month AND l.version > v.version)`;

/** Repository over report_versions (and the follow-up rule setting). */
export function createReports(db: Db) {
    /** Every version of a month's report, oldest first: who sent what, when. */
    const history = (forbundId: string, insatsId: string, month: string): ReportVersion[] =>
        db
            .prepare(
                'SELECT * FROM report_versions WHERE forbund_id = ? AND insats_id = ? AND month = ? ORDER BY version',
            )
            .all(forbundId, insatsId, month)
            .map(toVersion);
    /** The latest version of a month's report, or undefined when none is stored. */
    const latest = (forbundId: string, insatsId: string, month: string): ReportVersion | undefined =>
        history(forbundId, insatsId, month).at(-1);

    return {
        history,
        latest,
        /** How many versions of the month's report are stored (0 when none): the version a card's action key carries. */
        versionCount(forbundId: string, insatsId: string, month: string): number {
            const count = db
                .prepare<[string, string, string], number>(
                    'SELECT count(*) FROM report_versions WHERE forbund_id = ? AND insats_id = ? AND month = ?',
                )
                .pluck()
                .get(forbundId, insatsId, month);
            return must(count, 'the row count(*) always returns');
        },
        /** Appends the next version of `report.month` for the insats and returns it. */
        insert(v: {
            forbundId: string;
            insatsId: string;
            report: MonthlyReport;
            submittedBy: string;
            at: Date;
            sample?: boolean;
        }): ReportVersion {
            const report = StoredReportSchema.parse(v.report);
            db.prepare(
                `INSERT INTO report_versions (forbund_id, insats_id, month, version, data, submitted_by, submitted_at, sample)
                 SELECT ?, ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ? FROM report_versions
                 WHERE forbund_id = ? AND insats_id = ? AND month = ?`,
            ).run(
                v.forbundId,
                v.insatsId,
                report.month,
                JSON.stringify(report),
                v.submittedBy,
                v.at.toISOString(),
                v.sample ? 1 : 0,
                v.forbundId,
                v.insatsId,
                report.month,
            );
            return must(latest(v.forbundId, v.insatsId, report.month), `report ${report.month} just stored`);
        },
        /** The latest version of every month of `year` (all insatser, or one), ordered by insats and month. */
        latestForYear(forbundId: string, year: number, insatsId?: string): ReportVersion[] {
            return db
                .prepare(
                    `SELECT * FROM report_versions v WHERE forbund_id = ? AND month LIKE ? AND (? IS NULL OR insats_id = ?)
                     AND ${LATEST} ORDER BY insats_id, month`,
                )
                .all(forbundId, `${year}-%`, insatsId ?? null, insatsId ?? null)
                .map(toVersion);
        },
        /** The insatser that have a report for `month`. */
        insatserReported(forbundId: string, month: string): Set<string> {
            const ids = db
                .prepare<[string, string], string>(
                    'SELECT DISTINCT insats_id FROM report_versions WHERE forbund_id = ? AND month = ?',
                )
                .pluck()
                .all(forbundId, month);
            return new Set(ids);
        },
        /** The follow-up status rule: the `report.followup-rules` setting (JSON) when present, else the defaults. */
        followUpRules(): FollowUpRules {
            const json = db
                .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
                .pluck()
                .get('report.followup-rules');
            return json ? FollowUpRulesSchema.parse(JSON.parse(json)) : DEFAULT_RULES;
        },
    };
}
export type Reports = ReturnType<typeof createReports>;
