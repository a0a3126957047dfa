// An accounting file sent over Teams, read and mapped to the förbund's budget posts in the reading child process
// (isolated.ts): what comes back is checked here with zod before anything uses it.
import { z } from 'zod';
import type { Forbund } from '../domain';
import { fileKind, LedgerFileError } from '../domain/ledger';
import { mapLedger, type UtfallImport } from '../domain/utfall';
import { IsolatedError, ISOLATED_LIMITS, runIsolated, type IsolatedFailure } from './isolated';
import { readLedgerBytes } from './ledger-rows';

const text = z.object({ sv: z.string(), en: z.string() });
const kr = z.number().int();

/** An UtfallImport as it crosses a process boundary or comes back from the database. */
export const utfallImportSchema = z.object({
    year: z.number().int().min(1990).max(2100),
    periods: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)).max(12),
    lines: z
        .array(
            z.object({
                period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
                target: z.enum(['post', 'intakt', 'konto']),
                key: z.string().max(64),
                kr,
            }),
        )
        .max(100_000),
    unmapped: z.array(z.object({ konto: z.string().max(64), kr })).max(10_000),
    cumulative: z.boolean(),
    warnings: z.array(text).max(100),
}) satisfies z.ZodType<UtfallImport>;

/** What a read accounting file gives: the import it would store and what the file says about itself. */
export const ledgerReadingSchema = z.object({
    imp: utfallImportSchema,
    fileKind: z.string().max(20),
    generated: z.string().max(10).optional(),
    company: z.string().max(200).optional(),
});
export type LedgerReading = z.output<typeof ledgerReadingSchema>;

export const ledgerAnswer = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), reading: ledgerReadingSchema }),
    z.object({ ok: z.literal(false), kind: z.string(), text }),
]);

/** In the child: reads the bytes and maps them, answering the reading or the file's error in sv and en. */
export async function ledgerJob(buf: Uint8Array, forbund: Forbund, now: Date): Promise<z.input<typeof ledgerAnswer>> {
    try {
        const ledger = await readLedgerBytes(buf);
        const imp = mapLedger(forbund, ledger, now);
        return {
            ok: true,
            reading: { imp, fileKind: fileKind(ledger), generated: ledger.generated, company: ledger.company },
        };
    } catch (err) {
        if (err instanceof LedgerFileError) return { ok: false, kind: err.kind, text: err.text };
        throw err;
    }
}

const ISOLATED_TEXT: Record<IsolatedFailure, { sv: string; en: string }> = {
    timeout: { sv: 'Filen tog för lång tid att läsa.', en: 'The file took too long to read.' },
    memory: {
        sv: 'Filen kräver mer minne än tillåtet att läsa.',
        en: 'The file needs more memory than allowed to read.',
    },
    unreadable: { sv: 'Filen kunde inte läsas.', en: 'The file could not be read.' },
};

/** The child's ledger answer as a reading; throws LedgerFileError for a file that cannot be used. */
export function ledgerFromAnswer(raw: unknown): LedgerReading {
    const r = ledgerAnswer.safeParse(raw);
    if (!r.success) throw new LedgerFileError('layout', ISOLATED_TEXT.unreadable);
    if (!r.data.ok) throw new LedgerFileError('layout', r.data.text);
    return r.data.reading;
}

export function ledgerRefusal(err: unknown): LedgerFileError {
    if (err instanceof IsolatedError) return new LedgerFileError('layout', ISOLATED_TEXT[err.reason]);
    throw err;
}

export async function readLedgerIsolated(
    buf: Buffer,
    forbund: Forbund,
    now: Date,
    limits = ISOLATED_LIMITS,
): Promise<LedgerReading> {
    const raw = await runIsolated({ job: 'ledger', buf, forbund, now }, limits).catch((err: unknown) => {
        throw ledgerRefusal(err);
    });
    return ledgerFromAnswer(raw);
}
