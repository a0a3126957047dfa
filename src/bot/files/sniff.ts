// Decides what a sent file is from its bytes, never from its name alone. `workbook` is any xlsx (or an old or
// encrypted Office file): the reading in the child process tells our workbook from a ledger export in xlsx. `unclear`
// is text in columns that is no ledger CSV: read every way there too, and asked about when no reading fits.
export type FileKind = 'workbook' | 'ledger' | 'unclear' | 'unknown';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const isText = (b: Buffer) => {
    if (b.includes(0)) return false;
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
        return true;
    } catch {
        return false;
    }
};

export function sniffFile(buf: Buffer): FileKind {
    if (buf.subarray(0, 4).equals(ZIP)) return buf.includes('xl/workbook.xml') ? 'workbook' : 'unknown';
    if (buf.subarray(0, 8).equals(OLE)) return 'workbook';
    const head = buf.subarray(0, 4096).toString('latin1');
    if (/^\s*#(FLAGGA|FORMAT|SIETYP)\b/m.test(head)) return 'ledger';
    if (/^\s*"?konto"?\s*[;,\t]\s*(("?objekt"?)\s*[;,\t]\s*)?"?period"?\s*[;,\t]\s*"?belopp"?/im.test(head))
        return 'ledger';
    const first = head.split(/\r?\n/)[0] ?? '';
    // The first 4 kB only: a multibyte character cut at the end is no reason to call a text file binary.
    if (/[;,\t]/.test(first) && isText(buf.subarray(0, Math.min(buf.length, 4000)).subarray(0, first.length)))
        return 'unclear';
    return 'unknown';
}
