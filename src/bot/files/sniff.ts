// Decides what a sent file is from its bytes, never from its name alone.
export type FileKind = 'workbook' | 'ledger' | 'unknown';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export function sniffFile(buf: Buffer): FileKind {
    if (buf.subarray(0, 4).equals(ZIP)) return buf.includes('xl/workbook.xml') ? 'workbook' : 'unknown';
    const head = buf.subarray(0, 4096).toString('latin1');
    if (/^\s*#(FLAGGA|FORMAT|SIETYP)\b/m.test(head)) return 'ledger';
    if (/^\s*"?konto"?\s*[;,\t]\s*"?period"?\s*[;,\t]\s*"?belopp"?/im.test(head)) return 'ledger';
    return 'unknown';
}
