// Checks an uploaded workbook before exceljs inflates it: size, zip structure, macros, encryption and zip bombs.
import JSZip from 'jszip';
import { z } from 'zod';
import { refuse } from './errors';

export const WORKBOOK_LIMITS = {
    /** The file as uploaded; a förbund's workbook is some tens of kB. */
    fileBytes: 5 * 1024 * 1024,
    entries: 500,
    /** All parts inflated together, counted while inflating (the sizes a zip declares can lie). */
    inflatedBytes: 40 * 1024 * 1024,
};

const DeclaredSize = z.object({ _data: z.object({ uncompressedSize: z.number().int().nonnegative() }) });
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Inflates one entry, stopping as soon as the running total passes `budget`; resolves with its size. */
function inflatedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
    return new Promise((resolve, reject) => {
        let n = 0;
        const stream = file.nodeStream('nodebuffer');
        stream.on('data', (chunk: Buffer) => {
            n += chunk.length;
            if (n > budget) {
                (stream as unknown as { pause(): void }).pause();
                stream.removeAllListeners('data');
                reject(new RangeError('inflated'));
            }
        });
        stream.on('end', () => resolve(n));
        stream.on('error', reject);
    });
}

/**
 * Refuses (WorkbookError, Swedish) anything but a plain .xlsx within the limits: a macro workbook (.xlsm, a
 * vbaProject part), an encrypted or old binary workbook, a damaged zip, too many parts or a zip bomb.
 */
export async function guardWorkbook(buf: Buffer, fileName: string, limits = WORKBOOK_LIMITS): Promise<void> {
    if (/\.(xlsm|xltm|xlam|xlsb)$/i.test(fileName))
        refuse('arbetsböcker med makron (.xlsm) tas inte emot; spara som Excel-arbetsbok (.xlsx)');
    if (buf.length > limits.fileBytes)
        refuse(`filen är ${mb(buf.length)}, mer än de ${mb(limits.fileBytes)} en arbetsbok får vara`);
    if (buf.subarray(0, 8).equals(OLE_MAGIC))
        refuse(
            'arbetsboken är krypterad (lösenordsskyddad) eller i det gamla .xls-formatet; spara den som .xlsx utan lösenord',
        );
    let zip: JSZip;
    try {
        zip = await JSZip.loadAsync(buf, { checkCRC32: false });
    } catch (err) {
        const message = (err as Error).message;
        if (/encrypted/i.test(message)) refuse('arbetsboken är krypterad; spara den som .xlsx utan lösenord');
        refuse('filen är ingen Excel-arbetsbok (.xlsx)');
    }
    const files = Object.values(zip.files).filter((f) => !f.dir);
    if (files.length > limits.entries) refuse(`arbetsboken har ${files.length} delar, fler än ${limits.entries}`);
    if (!zip.file('[Content_Types].xml') || !zip.file('xl/workbook.xml'))
        refuse('filen är ingen Excel-arbetsbok (.xlsx)');
    if (files.some((f) => /(^|\/)vbaProject\.bin$/i.test(f.name)))
        refuse('arbetsboken innehåller makron (vbaProject); spara som Excel-arbetsbok (.xlsx) utan makron');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    if (/macroEnabled/i.test(types)) refuse('arbetsboken är makroaktiverad; spara som Excel-arbetsbok (.xlsx)');
    // First the sizes the zip declares (jszip keeps them in a private field), before anything is inflated ...
    const declared = files.reduce((sum, f) => sum + (DeclaredSize.safeParse(f).data?._data.uncompressedSize ?? 0), 0);
    if (declared > limits.inflatedBytes)
        refuse(
            `arbetsboken packas upp till ${mb(declared)}, mer än ${mb(limits.inflatedBytes)} (en zip-bomb?) och öppnas inte`,
        );
    // ... then the bytes themselves, since a declared size can lie.
    let left = limits.inflatedBytes;
    for (const f of files) {
        try {
            left -= await inflatedSize(f, left);
        } catch (err) {
            if (err instanceof RangeError)
                refuse(`arbetsboken packas upp till mer än ${mb(limits.inflatedBytes)} (en zip-bomb?) och öppnas inte`);
            refuse(`delen ${f.name} i arbetsboken är skadad`);
        }
    }
}
