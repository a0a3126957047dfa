// The error a malformed förbund data file raises: names the file, the JSON path and the reason.

/** One problem in a data file, at a JSON path like `years[0].posts[3].amount`. */
export type DataIssue = { path: string; reason: string };

/** Thrown when a förbund data file does not validate; `message` names file, path and reason. */
export class ForbundDataError extends Error {
    override readonly name = 'ForbundDataError';
    constructor(
        readonly file: string,
        readonly issues: DataIssue[],
    ) {
        super(issues.map((i) => `${file}: ${i.path || '(rot)'}: ${i.reason}`).join('\n'));
    }
}

/** `['years', 0, 'posts', 3]` → `years[0].posts[3]`. */
export function jsonPath(path: readonly (string | number)[]): string {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
