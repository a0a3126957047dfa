// A read accounting file (SIE or CSV) as period amounts per konto, and the CSV fallback layout.
//
// Sign convention, as in the accounts: debit is positive and credit negative, so kostnader are positive and intäkter
// negative. The report turns intäkter round and shows both as positive amounts. Amounts are per month; a file that
// gives cumulative amounts (year to date) is converted by `fromCumulative`, and the preview says so.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Text } from './deadline-types';

const RowsSchema = z.array(z.array(z.string()));

/** One amount of a konto (with its objekt, "dimension:objekt") for one month, in öre. */
export type LedgerEntry = { konto: string; objekt: string[]; period: string; ore: number };

export type LedgerFile = {
    kind: 'sie' | 'csv' | 'xlsx';
    sieType?: number;
    program?: string;
    /** The day the file was made (#GEN), yyyy-MM-dd. */
    generated?: string;
    company?: string;
    kontoplan?: string;
    /** #RAR: 0 is the file's current year, −1 the one before. */
    years: { index: number; start: string; end: string }[];
    /** What the amounts were read from. */
    source?: 'periodsaldon' | 'transaktioner' | 'rader';
    entries: LedgerEntry[];
    /** Balance sheet konton (classes 1–2) in the file: not utfall, so not read. */
    balanceKonton: number;
    warnings: Text[];
};

/** `not-ledger`: the file has no ledger layout at all (no header row, no sheet), so it may be something else. */
export type LedgerErrorKind = 'encoding' | 'amount' | 'period' | 'duplicate' | 'layout' | 'year' | 'not-ledger';

/** A file that cannot be imported as it is; the message says what to change. Nothing is stored. */
export class LedgerFileError extends Error {
    override readonly name = 'LedgerFileError';
    constructor(
        readonly kind: LedgerErrorKind,
        readonly text: Text,
    ) {
        super(text.sv);
    }
}

const KRONOR = /^-?\d{1,3}( ?\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$/;
/** "−12 345,50" (decimal comma, space or no thousands separator, - or − minus) as öre; undefined when not. */
export function csvOre(raw: string): number | undefined {
    const s = raw
        .trim()
        .replace(/\u2212/g, '-')
        .replace(/\u00a0/g, ' ');
    if (!KRONOR.test(s)) return undefined;
    const [whole, frac = ''] = s.replace('-', '').replace(/ /g, '').split(',');
    const ore = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return s.startsWith('-') ? -ore : ore;
}

const HEADS = { konto: ['konto'], period: ['period', 'månad', 'manad'], belopp: ['belopp', 'utfall'] };

/**
 * The CSV fallback: a header row with `konto;period;belopp` (optionally `objekt`, as "1:10"), period as YYYY-MM,
 * belopp in kronor with a decimal comma, signs as in the accounts. A konto and period (and objekt) once only.
 */
export function parseLedgerCsv(text: string): LedgerFile {
    return ledgerFromRows(
        RowsSchema.parse(
            parse(text.replace(/^\uFEFF/, ''), {
                delimiter: text.includes(';') ? ';' : ',',
                skip_empty_lines: true,
                trim: true,
                relax_column_count: true,
            }),
        ),
        'csv',
    );
}

/** The CSV layout's rows (a header row first), from a CSV file or the first sheet of an xlsx workbook. */
export function ledgerFromRows(rows: readonly string[][], kind: 'csv' | 'xlsx'): LedgerFile {
    const what = kind === 'csv' ? 'CSV-filen' : 'Arbetsboken';
    const whatEn = kind === 'csv' ? 'The CSV file' : 'The workbook';
    const head = (rows[0] ?? []).map((h) => h.toLowerCase());
    const col = (names: string[]) => head.findIndex((h) => names.includes(h));
    const [k, p, b, o] = [col(HEADS.konto), col(HEADS.period), col(HEADS.belopp), col(['objekt'])];
    if (k < 0 || p < 0 || b < 0)
        throw new LedgerFileError('not-ledger', {
            sv: `${what} ska ha rubrikraden "konto;period;belopp" (period som ÅÅÅÅ-MM, belopp med decimalkomma).`,
            en: `${whatEn} needs the header row "konto;period;belopp" (period as YYYY-MM, amount with a decimal comma).`,
        });
    const seen = new Map<string, number>();
    const balance = new Set<string>();
    const entries: LedgerEntry[] = [];
    rows.slice(1).forEach((r, i) => {
        const line = i + 2;
        const [konto, period, belopp] = [r[k] ?? '', r[p] ?? '', r[b] ?? ''];
        const objekt = o >= 0 && r[o] ? [r[o]] : [];
        if (!/^\d{4,}$/.test(konto))
            throw new LedgerFileError('layout', {
                sv: `Rad ${line}: kontot "${konto}" är inget kontonummer.`,
                en: `Line ${line}: the account "${konto}" is not an account number.`,
            });
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
            throw new LedgerFileError('period', {
                sv: `Rad ${line}: perioden "${period}" ska skrivas ÅÅÅÅ-MM, t.ex. 2026-03.`,
                en: `Line ${line}: the period "${period}" must be written YYYY-MM, e.g. 2026-03.`,
            });
        const ore = csvOre(belopp);
        if (ore === undefined)
            throw new LedgerFileError('amount', {
                sv: `Rad ${line}: beloppet "${belopp}" för konto ${konto} är inget belopp (skriv t.ex. 12 345,50).`,
                en: `Line ${line}: the amount "${belopp}" for account ${konto} is not an amount (write e.g. 12 345,50).`,
            });
        const key = `${konto}|${period}|${objekt.join(',')}`;
        const before = seen.get(key);
        if (before !== undefined)
            throw new LedgerFileError('duplicate', {
                sv: `Rad ${line}: konto ${konto} period ${period} står redan på rad ${before}. Varje konto och period en gång.`,
                en: `Line ${line}: account ${konto} period ${period} is already on line ${before}. Each account and period once.`,
            });
        seen.set(key, line);
        if (/^[12]/.test(konto)) balance.add(konto);
        else entries.push({ konto, objekt, period, ore });
    });
    return { kind, years: [], source: 'rader', entries, balanceKonton: balance.size, warnings: [] };
}

/** Year-to-date amounts to monthly ones: each month minus the month before it in the same year (per konto, objekt). */
export function fromCumulative(entries: readonly LedgerEntry[]): LedgerEntry[] {
    const sorted = [...entries].sort((a, b) => a.period.localeCompare(b.period));
    const last = new Map<string, { year: string; ore: number }>();
    return sorted.map((e) => {
        const key = `${e.konto}|${e.objekt.join(',')}`;
        const before = last.get(key);
        const year = e.period.slice(0, 4);
        last.set(key, { year, ore: e.ore });
        return { ...e, ore: before && before.year === year ? e.ore - before.ore : e.ore };
    });
}

const SIE_HEAD = /^#(FLAGGA|FORMAT|SIETYP|PROGRAM)\b/;

/** The kind of file as the import names it: "SIE 4", "CSV". */
export function fileKind(file: LedgerFile): string {
    return file.kind === 'sie' ? `SIE ${file.sieType ?? '?'}` : file.kind.toUpperCase();
}

/** Reads an accounting file: SIE when it starts with an SIE label, otherwise the CSV layout (UTF-8). */
export function readLedger(bytes: Uint8Array, parseSie: (b: Uint8Array) => LedgerFile): LedgerFile {
    const head = String.fromCharCode(...bytes.subarray(0, 200)).trimStart();
    if (SIE_HEAD.test(head)) return parseSie(bytes);
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new LedgerFileError('encoding', {
            sv: 'CSV-filen är inte sparad som UTF-8. Spara den som "CSV UTF-8" och försök igen.',
            en: 'The CSV file is not saved as UTF-8. Save it as "CSV UTF-8" and try again.',
        });
    }
    return parseLedgerCsv(text);
}
