// The error a refused workbook raises: each problem names the sheet and cell (Budget!D7) and the reason in Swedish.

/** One problem: `where` is a cell ("Budget!D7"), a sheet ("Budget") or "arbetsboken". */
export type WorkbookIssue = { where: string; reason: string };

export class WorkbookError extends Error {
    override readonly name = 'WorkbookError';
    constructor(readonly issues: WorkbookIssue[]) {
        super(issues.map((i) => `${i.where}: ${i.reason}`).join('\n'));
    }
}

/** Throws a WorkbookError for the whole file. */
export function refuse(reason: string): never {
    throw new WorkbookError([{ where: 'arbetsboken', reason }]);
}
