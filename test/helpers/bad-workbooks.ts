// The bad workbooks of the workbook import (part 1): each case makes one from the example workbook and names the
// precise Swedish errors (sheet, cell, reason) it must get, whether read on the command line or sent in Teams.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/workbook/write';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'data', 'templates', 'exempel.json'), 'utf8')) as Record<
    string,
    unknown
>;

/** The example workbook with `edit` applied to it in exceljs. */
export async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(EXAMPLE)) as unknown as ArrayBuffer);
    edit(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
}
const set = (sheet: string, cell: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
    wb.getWorksheet(sheet)!.getCell(cell).value = value;
};
/** The example workbook's zip with `edit` applied to its parts. */
export async function zipped(edit: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await writeWorkbook(EXAMPLE));
    await edit(zip);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Rewrites the uncompressed size a zip declares for `name` (local and central headers) to 1 kB. */
function lyingSizes(buf: Buffer, name: string): Buffer {
    const out = Buffer.from(buf);
    const fileName = Buffer.from(name);
    for (let i = 0; i < out.length - 46; i++) {
        const sig = out.readUInt32LE(i);
        if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + fileName.length).equals(fileName))
            out.writeUInt32LE(1024, i + 22);
        if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + fileName.length).equals(fileName))
            out.writeUInt32LE(1024, i + 24);
    }
    return out;
}

export type BadWorkbook = { what: string; file?: string; make: () => Promise<Buffer>; errors: (string | RegExp)[] };
export const BAD_WORKBOOKS: BadWorkbook[] = [
    {
        what: 'an amount written as a word',
        make: () => edited(set('Budget', 'D2', 'tre')),
        errors: ['Budget!D2: ”tre” är inte ett belopp'],
    },
    {
        what: 'an amount with decimals, a bad ja/nej, a share that is no number and a date that does not exist',
        make: () =>
            edited((wb) => {
                set('Budget', 'D3', 1500.5)(wb);
                set('Parter', 'E2', 'kanske')(wb);
                wb.getWorksheet('Eget kapital')!.getCell('B2').value = 'mycket';
                set('Roster', 'A20', 'ny-person')(wb);
                set('Roster', 'B20', 'Ny Person')(wb);
                set('Roster', 'D20', 'nej')(wb);
                set('Roster', 'E20', 'ledamot')(wb);
                set('Roster', 'F20', 'exempelby')(wb);
                set('Roster', 'H20', '2027-02-30')(wb);
            }),
        errors: [
            'Parter!E2: ”kanske” ska vara ja eller nej',
            'Budget!D3: ”1500.5” är inte ett belopp i hela kronor',
            'Eget kapital!B2: ”mycket” är inte en andel (t.ex. 20 %)',
            'Roster!H20: ”2027-02-30” är inte ett datum (åååå-mm-dd)',
        ],
    },
    {
        what: 'a value outside a drop-down list',
        make: () => edited(set('Parter', 'C3', 'landsting')),
        errors: ['Parter!C3: ”landsting” är inte ett av: stat, region, kommun'],
    },
    {
        what: 'a missing sheet',
        make: () =>
            edited((wb) => {
                wb.removeWorksheet(wb.getWorksheet('Budget')!.id);
            }),
        errors: ['Budget: bladet ”Budget” saknas i arbetsboken'],
    },
    {
        what: 'a missing column',
        make: () =>
            edited((wb) => {
                wb.getWorksheet('Budget')!.spliceColumns(4, 1);
            }),
        errors: ['Budget!1: kolumnen ”belopp” saknas'],
    },
    {
        what: 'a required field left empty',
        make: () => edited(set('Budget', 'E2', null)),
        errors: ['Budget!E2: saknas'],
    },
    {
        what: 'an income line of a part that is not on the Parter sheet',
        make: () => edited(set('Intäkter', 'B3', 'okand-kommun')),
        errors: ['Intäkter!B3: okänd part "okand-kommun"'],
    },
    {
        what: 'a post for a year that is not on the Budgetår sheet',
        make: () => edited(set('Budget', 'A2', 2031)),
        errors: ['Budget!A2: år ”2031” finns inte på bladet Budgetår'],
    },
    {
        what: 'a printed total that disagrees with its parts',
        make: () => edited(set('Tryckta belopp', 'D3', 1900000)),
        errors: [/^Tryckta belopp!D3: tryckt sum-costs 2026 är 1 900 000 kr, men delarna .* ger 1 950 000 kr$/],
    },
    {
        what: 'a macro workbook by name',
        file: 'plan.xlsm',
        make: () => writeWorkbook(EXAMPLE),
        errors: ['arbetsboken: arbetsböcker med makron (.xlsm) tas inte emot; spara som Excel-arbetsbok (.xlsx)'],
    },
    {
        what: 'a macro workbook saved as .xlsx (a vbaProject part)',
        make: () => zipped((zip) => void zip.file('xl/vbaProject.bin', Buffer.from('macro'))),
        errors: [
            'arbetsboken: arbetsboken innehåller makron (vbaProject); spara som Excel-arbetsbok (.xlsx) utan makron',
        ],
    },
    {
        what: 'an encrypted workbook (Excel wraps it in an OLE compound file)',
        make: () =>
            Promise.resolve(
                Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
            ),
        errors: [
            'arbetsboken: arbetsboken är krypterad (lösenordsskyddad) eller i det gamla .xls-formatet; spara den som .xlsx utan lösenord',
        ],
    },
    {
        what: 'a file that is no workbook at all',
        make: () => Promise.resolve(Buffer.from('id;namn\nx;y\n')),
        errors: ['arbetsboken: filen är ingen Excel-arbetsbok (.xlsx)'],
    },
    {
        what: 'an oversized file',
        make: () => Promise.resolve(Buffer.alloc(6 * 1024 * 1024)),
        errors: ['arbetsboken: filen är 6 MB, mer än de 5 MB en arbetsbok får vara'],
    },
    {
        what: 'a zip bomb (a small file that inflates to 45 MB)',
        make: () => zipped((zip) => void zip.file('xl/media/image1.png', Buffer.alloc(45 * 1024 * 1024))),
        errors: ['arbetsboken: arbetsboken packas upp till 46 MB, mer än 40 MB (en zip-bomb?) och öppnas inte'],
    },
    {
        what: 'a zip bomb whose headers claim a small size (caught while inflating)',
        make: async () =>
            lyingSizes(
                await zipped((zip) => void zip.file('xl/media/image1.png', Buffer.alloc(45 * 1024 * 1024))),
                'xl/media/image1.png',
            ),
        errors: ['arbetsboken: arbetsboken packas upp till mer än 40 MB (en zip-bomb?) och öppnas inte'],
    },
];
