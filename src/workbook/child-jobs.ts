// The jobs the reading child process (read-child.ts) does: each reads untrusted bytes a user sent in Teams.
import type { Forbund } from '../domain';
import type { WorkbookIssue } from './errors';
import { SHEETS } from './sheets';

export type ChildJob =
    /** A förbund workbook: answers the data-file document and the roster rows, or the sheet/cell issues. */
    | { job: 'workbook'; buf: Uint8Array; name: string }
    /** An accounting file (SIE, the ledger CSV, or an xlsx in the CSV layout) mapped to the förbund's budget posts. */
    | { job: 'ledger'; buf: Uint8Array; forbund: Forbund; now: Date }
    /**
     * A file the content does not place by its first bytes: read as a workbook, and when it is not one of ours (no
     * Förbund sheet, no xlsx at all) as an accounting file too; answers `{ workbook, ledger? }`.
     */
    | { job: 'every'; buf: Uint8Array; name: string; forbund: Forbund; now: Date };

const FORBUND_SHEET = SHEETS[0].name;

/**
 * A refused workbook that is still one of ours: it has the Förbund sheet, or was refused for what it is (macros, a
 * password, its size) rather than for not being an xlsx workbook. Its sheet/cell errors are then the answer.
 */
export function isOurWorkbook(issues: readonly WorkbookIssue[]): boolean {
    return !issues.some(
        (i) =>
            (i.where === FORBUND_SHEET && /saknas i arbetsboken$/.test(i.reason)) ||
            (i.where === 'arbetsboken' && /^(filen är ingen Excel-arbetsbok|kan inte läsas som \.xlsx)/.test(i.reason)),
    );
}
