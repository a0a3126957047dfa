// Reads an SIE file (the Swedish accounting exchange format, sie.se) into period amounts per konto and objekt.
// No kept npm parser for SIE exists (searched npm and GitHub); this reads only what utfall needs: #FORMAT, #SIETYP,
// #PROGRAM, #GEN, #FNAMN, #KPTYP, #RAR, #PSALDO (types 2 and 3) and #VER/#TRANS (type 4). Transaction texts are
// never kept: a type 4 file's #TRANS lines are summed per konto, objekt and month as they are read.
import { decodeCp437 } from './cp437';
import { LedgerFileError, readLedger, type LedgerEntry, type LedgerFile } from './ledger';

type Token = string | string[];

/** Splits one SIE line into fields: plain words, "quoted strings" (with \" escapes) and {object lists}. */
export function sieFields(line: string): Token[] {
    const out: Token[] = [];
    let i = 0;
    const word = (): string => {
        if (line[i] === '"') {
            let s = '';
            i++;
            while (i < line.length && line[i] !== '"') {
                if (line[i] === '\\' && i + 1 < line.length) i++;
                s += line[i++];
            }
            i++;
            return s;
        }
        const start = i;
        while (i < line.length && !/[\s{}]/.test(line[i])) i++;
        return line.slice(start, i);
    };
    while (i < line.length) {
        if (/\s/.test(line[i])) i++;
        else if (line[i] === '{') {
            i++;
            const list: string[] = [];
            while (i < line.length && line[i] !== '}') {
                if (/\s/.test(line[i])) i++;
                else list.push(word());
            }
            i++;
            out.push(list);
        } else out.push(word());
    }
    return out;
}

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;
/** An SIE amount ("-1234.5") as integer öre; undefined when it is not a plain decimal-point number. */
export function sieOre(s: string): number | undefined {
    if (!AMOUNT.test(s)) return undefined;
    const [whole, frac = ''] = s.replace('-', '').split('.');
    const ore = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return s.startsWith('-') ? -ore : ore;
}

const str = (t: Token | undefined): string => (typeof t === 'string' ? t : '');
const pairs = (t: Token | undefined): string[] => {
    const list = Array.isArray(t) ? t : [];
    const out: string[] = [];
    for (let k = 0; k + 1 < list.length; k += 2) out.push(`${list[k]}:${list[k + 1]}`);
    return out;
};
const isoDay = (d: string) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined);
const isoMonth = (p: string) => (/^\d{4}(0[1-9]|1[0-2])$/.test(p) ? `${p.slice(0, 4)}-${p.slice(4, 6)}` : undefined);

/** The text of an SIE file: PC8 (code page 437) is the standard's one encoding; any other #FORMAT is refused. */
export function decodeSie(bytes: Uint8Array): string {
    const head = String.fromCharCode(...bytes.subarray(0, 4096));
    const declared = /^#FORMAT\s+(\S+)/m.exec(head)?.[1];
    if (declared !== undefined && declared.toUpperCase() !== 'PC8')
        throw new LedgerFileError('encoding', {
            sv: `Okänd teckenkodning "#FORMAT ${declared}". SIE-filer ska vara i PC8 (IBM-teckentabell 437); exportera filen igen med standardinställningarna.`,
            en: `Unknown character encoding "#FORMAT ${declared}". SIE files must be PC8 (IBM code page 437); export the file again with the default settings.`,
        });
    return decodeCp437(bytes);
}

/**
 * Parses an SIE 2, 3 or 4 file. Amounts follow the accounts' signs (debit positive, credit negative), in öre.
 * #PSALDO gives the period's amount (types 2 and 3; with {} the konto's total, with objekt a breakdown);
 * #TRANS lines (type 4) are summed per konto, objekt and month, and then the file's #PSALDO lines are not used.
 */
export function parseSie(bytes: Uint8Array): LedgerFile {
    const text = decodeSie(bytes);
    const file: LedgerFile = { kind: 'sie', years: [], entries: [], warnings: [], balanceKonton: 0 };
    const psaldo: LedgerEntry[] = [];
    const trans = new Map<string, LedgerEntry>();
    const seen = new Map<string, number>();
    const balance = new Set<string>();
    let verDate: string | undefined;
    let inVer = false;
    const bad = (lineNo: number, sv: string, en: string) =>
        new LedgerFileError('amount', { sv: `Rad ${lineNo}: ${sv}`, en: `Line ${lineNo}: ${en}` });
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, idx) => {
        const lineNo = idx + 1;
        const line = raw.trim();
        if (line === '{') return;
        if (line === '}') {
            inVer = false;
            return;
        }
        if (!line.startsWith('#')) return;
        const [label, ...f] = sieFields(line);
        switch (str(label).toUpperCase()) {
            case '#SIETYP':
                file.sieType = Number(str(f[0]));
                break;
            case '#PROGRAM':
                file.program = [str(f[0]), str(f[1])].filter(Boolean).join(' ');
                break;
            case '#GEN':
                file.generated = isoDay(str(f[0]));
                break;
            case '#FNAMN':
                file.company = str(f[0]);
                break;
            case '#KPTYP':
                file.kontoplan = str(f[0]);
                break;
            case '#RAR': {
                const start = isoDay(str(f[1]));
                const end = isoDay(str(f[2]));
                if (start && end) file.years.push({ index: Number(str(f[0])), start, end });
                break;
            }
            case '#PSALDO': {
                const [yearNo, period, konto, objekt, amount] = f;
                const month = isoMonth(str(period));
                const ore = sieOre(str(amount));
                if (!month)
                    throw new LedgerFileError('period', {
                        sv: `Rad ${lineNo}: perioden "${str(period)}" är ingen månad (ÅÅÅÅMM).`,
                        en: `Line ${lineNo}: the period "${str(period)}" is not a month (YYYYMM).`,
                    });
                if (ore === undefined)
                    throw bad(
                        lineNo,
                        `beloppet "${str(amount)}" för konto ${str(konto)} är inget tal (SIE skriver t.ex. -1234.50).`,
                        `the amount "${str(amount)}" for account ${str(konto)} is not a number (SIE writes e.g. -1234.50).`,
                    );
                if (!isResultKonto(str(konto))) {
                    balance.add(str(konto));
                    return;
                }
                const key = `${str(yearNo)}|${month}|${str(konto)}|${pairs(objekt).join(',')}`;
                const before = seen.get(key);
                if (before !== undefined)
                    throw new LedgerFileError('duplicate', {
                        sv: `Rad ${lineNo}: konto ${str(konto)} period ${month} står redan på rad ${before}. En period får bara förekomma en gång per konto; exportera filen igen.`,
                        en: `Line ${lineNo}: account ${str(konto)} period ${month} is already on line ${before}. A period may occur only once per account; export the file again.`,
                    });
                seen.set(key, lineNo);
                psaldo.push({ konto: str(konto), objekt: pairs(objekt), period: month, ore });
                break;
            }
            case '#VER':
                verDate = isoDay(str(f[2]));
                inVer = true;
                break;
            case '#TRANS': {
                if (!inVer) return;
                const [konto, objekt, amount, transDate] = f;
                const ore = sieOre(str(amount));
                if (ore === undefined)
                    throw bad(
                        lineNo,
                        `beloppet "${str(amount)}" för konto ${str(konto)} är inget tal (SIE skriver t.ex. -1234.50).`,
                        `the amount "${str(amount)}" for account ${str(konto)} is not a number (SIE writes e.g. -1234.50).`,
                    );
                const day = isoDay(str(transDate)) ?? verDate;
                if (!day)
                    throw new LedgerFileError('period', {
                        sv: `Rad ${lineNo}: transaktionen saknar datum (varken #TRANS eller #VER har ett).`,
                        en: `Line ${lineNo}: the transaction has no date (neither #TRANS nor #VER gives one).`,
                    });
                if (!isResultKonto(str(konto))) {
                    balance.add(str(konto));
                    return;
                }
                const o = pairs(objekt);
                const key = `${str(konto)}|${o.join(',')}|${day.slice(0, 7)}`;
                const e = trans.get(key) ?? { konto: str(konto), objekt: o, period: day.slice(0, 7), ore: 0 };
                e.ore += ore;
                trans.set(key, e);
                break;
            }
            // #RTRANS (added later) is always followed by the same line as #TRANS, and #BTRANS was removed: both skipped.
            default:
                break;
        }
    });
    file.balanceKonton = balance.size;
    file.entries = trans.size > 0 ? [...trans.values()] : psaldo;
    file.source = trans.size > 0 ? 'transaktioner' : 'periodsaldon';
    if (trans.size > 0 && psaldo.length > 0)
        file.warnings.push({
            sv: 'Filen har både transaktioner och periodsaldon; utfallet är summan av transaktionerna.',
            en: 'The file has both transactions and period balances; the outcome is the sum of the transactions.',
        });
    return file;
}

/** BAS: classes 3–8 are the result accounts (intäkter 3, kostnader 4–7, finansiellt 8); 1–2 are the balance sheet. */
export function isResultKonto(konto: string): boolean {
    return /^[3-8]\d{3,}$/.test(konto);
}

/** Reads an SIE or CSV accounting file (see ledger.ts for the CSV layout). */
export const readAccountingFile = (bytes: Uint8Array): LedgerFile => readLedger(bytes, parseSie);
