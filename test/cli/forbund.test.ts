// `npm run forbund`: the committed template, and template → import → versions → export → activate on a temp database.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forbundCommand, TEMPLATE_EXAMPLE } from '../../src/cli/forbund';
import { parseForbund } from '../../src/domain';
import { openDb } from '../../src/storage/db';
import { createForbundVersions } from '../../src/storage/forbund-versions';
import { readWorkbook } from '../../src/workbook/read';
import { tempDir } from '../helpers/temp-dir';

const COMMITTED = join(__dirname, '..', '..', 'data', 'templates', 'forbund-mall.xlsx');

describe('cli/forbund', function () {
    // Several workbooks written and read with exceljs: over 10 s on a loaded 2-core machine.
    this.timeout(60_000);
    let tmp: ReturnType<typeof tempDir>;
    let out: string[];
    let err: string[];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const now = () => new Date('2026-11-20T10:00:00Z');
    const run = (...args: string[]) => forbundCommand(args, io, { DATA_DIR: join(tmp.dir, 'db') }, now);
    beforeEach(() => {
        tmp = tempDir();
        out = [];
        err = [];
    });
    afterEach(() => tmp.cleanup());

    it('When the committed template is read, then it is the example förbund (regenerate it with the template command)', async () => {
        const example = parseForbund(JSON.parse(readFileSync(TEMPLATE_EXAMPLE, 'utf8')), TEMPLATE_EXAMPLE);
        const committed = await readWorkbook(readFileSync(COMMITTED), COMMITTED);
        assert.deepEqual(committed.forbund, example);
    });

    it('When a new förbundschef writes the template, imports it, lists, exports and activates, then each step says what it did', async () => {
        const mall = join(tmp.dir, 'mall.xlsx');
        assert.equal(await run('template', mall), 0);
        assert.match(out.join(''), /Mallen är skriven till/);

        assert.equal(await run('import', mall), 0, err.join(''));
        assert.match(out.join(''), /Exempelbygdens samordningsförbund \(exempelbygden\): version 1 sparad som förslag/);
        assert.match(out.join(''), /jag är förbundschef [A-Z0-9]{8}/);

        out = [];
        assert.equal(await run('import', mall, '--activate'), 0, err.join(''));
        assert.match(out.join(''), /version 2 sparad som aktiv, gäller från 2026-11-20/);
        assert.doesNotMatch(out.join(''), /jag är förbundschef/, 'the code is shown once');

        out = [];
        assert.equal(await run('versions', 'exempelbygden'), 0);
        assert.match(out.join(''), /^1\tförslag\t/m);
        assert.match(out.join(''), /^2\taktiv \(gäller nu\)\t2026-11-20/m);

        const exported = join(tmp.dir, 'ut.xlsx');
        assert.equal(await run('export', 'exempelbygden', exported), 0);
        const back = await readWorkbook(readFileSync(exported), exported);
        assert.equal(back.forbund.id, 'exempelbygden');

        out = [];
        assert.equal(await run('activate', 'exempelbygden', '1', '--from', '2027-01-01'), 0, err.join(''));
        assert.match(out.join(''), /version 1 är aktiv från 2027-01-01/);
        const db = openDb(join(tmp.dir, 'db', 'finsam.sqlite'));
        try {
            const v = createForbundVersions(db, now).list('exempelbygden');
            assert.deepEqual(
                v.map((x) => [x.version, x.status, x.activeFrom]),
                [
                    [1, 'aktiv', '2027-01-01'],
                    [2, 'aktiv', '2026-11-20'],
                ],
            );
        } finally {
            db.close();
        }
    });

    it('When a command is wrong or the workbook is refused, then it exits non-zero with the reason and the usage', async () => {
        assert.equal(await run('importera'), 2);
        assert.match(err.join(''), /okänt kommando[\s\S]*Användning:/);
        err = [];
        assert.equal(await run('import', join(tmp.dir, 'finns-inte.xlsx')), 2);
        assert.match(err.join(''), /finns inte/);
        err = [];
        assert.equal(await run('import', TEMPLATE_EXAMPLE), 1);
        assert.match(
            err.join(''),
            /Arbetsboken lästes inte in; ingenting har ändrats:\narbetsboken: filen är ingen Excel-arbetsbok/,
        );
        err = [];
        assert.equal(await run('export', 'okand', join(tmp.dir, 'x.xlsx')), 2);
        assert.match(err.join(''), /förbundet ”okand” har inga versioner/);
    });
});
