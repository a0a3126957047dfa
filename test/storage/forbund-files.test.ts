// Loading förbund data files from disk: real files, a fixture directory, and files that must fail.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForbundDataError } from '../../src/domain';
import { forbundIds, loadForbund, loadForbunds } from '../../src/storage/forbund-files';

const DATA_DIR = join(__dirname, '..', '..', 'data', 'forbund');
const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'forbund');

describe('storage/forbund-files', () => {
    let tmp: string;
    beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'forbund-'))));
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));

    const names = [
        { id: 'fryksdalen', name: 'Fryksdalens samordningsförbund' },
        { id: 'nedansiljan', name: 'Nedansiljans samordningsförbund' },
    ];
    for (const n of names) {
        it(`When ${n.id} is loaded from data/forbund, then it is ${n.name}`, () => {
            assert.equal(loadForbund(DATA_DIR, n.id).name, n.name);
        });
    }

    it('When no ids are given, then every data file in the directory is loaded', () => {
        assert.deepEqual(
            loadForbunds(DATA_DIR).map((f) => f.id),
            forbundIds(DATA_DIR),
        );
        assert.deepEqual(
            loadForbunds(FIXTURE_DIR).map((f) => f.id),
            ['norrskogen', 'testbygden'],
        );
    });

    it('When ids are given, then they load in that order', () => {
        assert.deepEqual(
            loadForbunds(DATA_DIR, ['nedansiljan', 'fryksdalen']).map((f) => f.shortName),
            ['Nedansiljan', 'Fryksdalen'],
        );
    });

    const failures: { what: string; setup: (dir: string) => string; path: string; reason: RegExp }[] = [
        { what: 'the file is missing', setup: () => 'saknas', path: '', reason: /kan inte läsa/ },
        {
            what: 'the file is not JSON',
            setup: (dir) => (writeFileSync(join(dir, 'trasig.json'), '{ "id": '), 'trasig'),
            path: '',
            reason: /ogiltig JSON/,
        },
        {
            what: 'the file name and id differ',
            setup: (dir) => (copyFileSync(join(DATA_DIR, 'fryksdalen.json'), join(dir, 'annan.json')), 'annan'),
            path: 'id',
            reason: /annan\.json/,
        },
        {
            what: 'a value is malformed',
            setup: (dir) => {
                writeFileSync(join(dir, 'tom.json'), JSON.stringify({ id: 'tom', formed: 'förra året' }));
                return 'tom';
            },
            path: 'formed',
            reason: /number/i,
        },
    ];
    for (const f of failures) {
        it(`When ${f.what}, then loading fails naming the file and path "${f.path}"`, () => {
            const id = f.setup(tmp);
            assert.throws(
                () => loadForbund(tmp, id),
                (err: unknown) => {
                    assert.ok(err instanceof ForbundDataError);
                    assert.equal(err.file, join(tmp, `${id}.json`));
                    const issue = err.issues.find((i) => i.path === f.path);
                    assert.ok(issue, err.message);
                    assert.match(issue.reason, f.reason);
                    assert.ok(err.message.startsWith(join(tmp, `${id}.json`)));
                    return true;
                },
            );
        });
    }
});
