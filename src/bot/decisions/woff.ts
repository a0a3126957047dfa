// WOFF 1.0 → TrueType (sfnt), so pdfkit embeds the font without fontkit inflating every table on each access.
import { inflateSync } from 'node:zlib';

const HEADER = 44;
const ENTRY = 20;

/**
 * The sfnt inside a WOFF 1.0 file (W3C WOFF 1.0, §4–5): each table inflated when compressed, laid out 4-byte aligned
 * in directory order. Throws on anything that is not a WOFF 1.0 file.
 */
export function woffToSfnt(woff: Buffer): Buffer {
    if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
    const flavor = woff.readUInt32BE(4);
    const n = woff.readUInt16BE(12);
    const tables = Array.from({ length: n }, (_, i) => {
        const at = HEADER + i * ENTRY;
        const offset = woff.readUInt32BE(at + 4);
        const comp = woff.readUInt32BE(at + 8);
        const orig = woff.readUInt32BE(at + 12);
        const raw = woff.subarray(offset, offset + comp);
        const data = comp < orig ? inflateSync(raw) : raw;
        if (data.length !== orig) throw new Error('WOFF table length mismatch');
        return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data };
    });
    const log = Math.floor(Math.log2(n));
    const head = Buffer.alloc(12 + 16 * n);
    head.writeUInt32BE(flavor, 0);
    head.writeUInt16BE(n, 4);
    head.writeUInt16BE(2 ** log * 16, 6);
    head.writeUInt16BE(log, 8);
    head.writeUInt16BE(n * 16 - 2 ** log * 16, 10);
    const bodies: Buffer[] = [];
    let offset = head.length;
    tables.forEach((t, i) => {
        const rec = 12 + 16 * i;
        t.tag.copy(head, rec);
        head.writeUInt32BE(t.checksum, rec + 4);
        head.writeUInt32BE(offset, rec + 8);
        head.writeUInt32BE(t.data.length, rec + 12);
        const padded = Buffer.alloc((t.data.length + 3) & ~3);
        t.data.copy(padded);
        bodies.push(padded);
        offset += padded.length;
    });
    return Buffer.concat([head, ...bodies]);
}
