// Parses a förbund data file: zod shape, cross-references, then printed column totals against their parts.
import { ForbundDataError, jsonPath, type DataIssue } from './errors';
import { claimChecks } from './findings';
import { formatClaimValue } from './format';
import { integrityIssues } from './integrity';
import { COLUMN_KINDS, ForbundSchema, type Forbund } from './schema';

/** Column totals that disagree with their parts: a transcription error, not a finding. */
function columnIssues(f: Forbund): DataIssue[] {
    return claimChecks(f)
        .filter((c) => c.status === 'avviker' && COLUMN_KINDS.includes(c.claim.kind))
        .map((c) => ({
            path: `claims[${f.claims.indexOf(c.claim)}].value`,
            reason:
                `tryckt ${c.claim.kind} ${c.claim.year} är ${formatClaimValue(c.claim.value)}, ` +
                `men delarna i years[${f.years.findIndex((y) => y.year === c.claim.year)}] ger ${c.derived ? formatClaimValue(c.derived) : '?'}`,
        }));
}

/**
 * Validates one förbund data file. Throws ForbundDataError naming `file`, the JSON path and the reason on a
 * malformed value, a broken reference or a column whose parts do not sum to its printed total. A roll-forward
 * mismatch between years is not an error: `findings` reports it.
 */
export function parseForbund(json: unknown, file: string): Forbund {
    const parsed = ForbundSchema.safeParse(json);
    if (!parsed.success) {
        throw new ForbundDataError(
            file,
            parsed.error.issues.map((i) => ({ path: jsonPath(i.path), reason: i.message })),
        );
    }
    const integrity = integrityIssues(parsed.data);
    if (integrity.length > 0) throw new ForbundDataError(file, integrity);
    const columns = columnIssues(parsed.data);
    if (columns.length > 0) throw new ForbundDataError(file, columns);
    return parsed.data;
}
