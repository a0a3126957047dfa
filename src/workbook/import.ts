// Reads a workbook (exceljs) and stores it: the command line's and the benches' way in.
import { WORKBOOK_LIMITS } from './guard';
import { readWorkbook } from './read';
import { storeWorkbook, type ImportDeps, type ImportResult } from './store';

export type { ImportDeps, ImportResult } from './store';

/** Checks `buf` and stores it; throws WorkbookError (nothing written) when the workbook is refused. */
export async function importWorkbook(
    deps: ImportDeps,
    buf: Buffer,
    fileName: string,
    opts: { by: string; activate?: boolean; from?: string },
    limits = WORKBOOK_LIMITS,
): Promise<ImportResult> {
    return storeWorkbook(deps, await readWorkbook(buf, fileName, limits), fileName, opts);
}
