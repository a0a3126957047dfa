import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { woffToSfnt } from '../../../src/bot/decisions/woff';

// The sfnt checksum (OpenType spec): the sum of the table's big-endian uint32s, zero-padded; `head` skips its adjustment.
const checksum = (data: Buffer, tag: string) => {
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    if (tag === 'head') padded.writeUInt32BE(0, 8);
    let sum = 0;
    for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
    return sum;
};

describe('Protokoll PDF font: WOFF to TrueType', () => {
    for (const face of ['400', '700']) {
        const woff = readFileSync(
            require.resolve(`@fontsource/dejavu-sans/files/dejavu-sans-latin-${face}-normal.woff`),
        );
        it(`When DejaVu Sans ${face} is unpacked, then every table is there with the checksum the WOFF names`, () => {
            const sfnt = woffToSfnt(woff);
            const n = sfnt.readUInt16BE(4);
            assert.equal(n, woff.readUInt16BE(12));
            assert.equal(sfnt.readUInt32BE(0), woff.readUInt32BE(4));
            for (let i = 0; i < n; i++) {
                const rec = 12 + 16 * i;
                const tag = sfnt.toString('latin1', rec, rec + 4);
                const data = sfnt.subarray(
                    sfnt.readUInt32BE(rec + 8),
                    sfnt.readUInt32BE(rec + 8) + sfnt.readUInt32BE(rec + 12),
                );
                assert.equal(checksum(data, tag), sfnt.readUInt32BE(rec + 4), `table ${tag}`);
                assert.equal(sfnt.readUInt32BE(rec + 8) % 4, 0, `table ${tag} aligned`);
            }
        });
    }
    it('When the file is not a WOFF, then it is refused', () =>
        assert.throws(() => woffToSfnt(Buffer.from('true')), /not a WOFF 1\.0 font/));
});
