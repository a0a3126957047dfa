// The first sheet of an .xlsx workbook as rows of text, for the utfall import's CSV layout (konto, period, belopp).
// Numbers become text as the CSV layout writes them (decimal comma); a date cell in the period column becomes YYYY-MM.
import JSZip from 'jszip';
import { ledgerFromRows, LedgerFileError, type LedgerFile } from '../domain/ledger';
import { readAccountingFile } from '../domain/sie';

const unxml = (s: string) =>
    s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unxml(m[1])).join('');
const column = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** An Excel day number (1900 system) as YYYY-MM. */
const serialMonth = (n: number) =>
    new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000).toISOString().slice(0, 7);

/** Reads the workbook's first sheet; throws LedgerFileError when the file is no workbook. */
export async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
    let zip: JSZip;
    try {
        zip = await JSZip.loadAsync(bytes);
    } catch {
        throw new LedgerFileError('not-ledger', {
            sv: 'Filen går inte att läsa som en Excel-arbetsbok (.xlsx).',
            en: 'The file cannot be read as an Excel workbook (.xlsx).',
        });
    }
    const shared = [
        ...((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g),
    ].map((m) => texts(m[1]));
    const first = Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))[0];
    const sheet = first ? await zip.file(first)?.async('string') : undefined;
    if (!sheet)
        throw new LedgerFileError('not-ledger', {
            sv: 'Arbetsboken har inget blad att läsa.',
            en: 'The workbook has no sheet to read.',
        });
    const rows: { value: string; number?: number }[][] = [];
    for (const row of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
        const cells: { value: string; number?: number }[] = [];
        for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const attrs = c[1];
            const body = c[2] ?? '';
            const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
            const type = /\bt="(\w+)"/.exec(attrs)?.[1];
            const v = unxml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
            const at = ref ? column(ref) : cells.length;
            while (cells.length < at) cells.push({ value: '' });
            if (type === 's') cells[at] = { value: shared[Number(v)] ?? '' };
            else if (type === 'inlineStr') cells[at] = { value: texts(body) };
            else if (type === 'str' || type === 'b' || type === 'e' || v === '') cells[at] = { value: v };
            else cells[at] = { value: v, number: Number(v) };
        }
        rows.push(cells);
    }
    const head = (rows[0] ?? []).map((c) => c.value.trim().toLowerCase());
    const period = head.findIndex((h) => h === 'period' || h === 'månad' || h === 'manad');
    return rows.map((cells, r) =>
        cells.map((c, i) => {
            if (c.number === undefined || !Number.isFinite(c.number) || r === 0) return c.value;
            if (i === period)
                return /^(19|20)\d\d(0[1-9]|1[0-2])$/.test(c.value)
                    ? `${c.value.slice(0, 4)}-${c.value.slice(4)}`
                    : serialMonth(c.number);
            return Number.isInteger(c.number) ? String(c.number) : c.number.toFixed(2).replace('.', ',');
        }),
    );
}

/** Reads an accounting file: an .xlsx workbook (a zip, PK…) by its first sheet in the CSV layout, else SIE or CSV. */
export async function readLedgerBytes(bytes: Uint8Array): Promise<LedgerFile> {
    const isXlsx = Buffer.from(bytes.subarray(0, 4)).equals(Buffer.from('PK\x03\x04', 'latin1'));
    return isXlsx ? ledgerFromRows(await xlsxRows(bytes), 'xlsx') : readAccountingFile(bytes);
}
