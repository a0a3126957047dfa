// Förbund data in the database: seeded once from the data file, versioned, in force from a day, re-read after writes.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbundDataError } from '../../src/domain';
import { writesElsewhere } from '../../src/storage/data-version';
import { openDb, type Db } from '../../src/storage/db';
import { forbundFromDb } from '../../src/storage/forbund-repository';
import { SEED_ACTIVE_FROM, seedForbund } from '../../src/storage/forbund-seed';
import { createForbundVersions, type ForbundVersions } from '../../src/storage/forbund-versions';
import { dumpDb } from '../helpers/db-dump';
import { tempDir } from '../helpers/temp-dir';

const DATA_DIR = join(__dirname, '..', '..', 'data', 'forbund');
const sample = (id: string) => JSON.parse(readFileSync(join(DATA_DIR, `${id}.json`), 'utf8')) as Record<string, any>;

describe('storage/forbund-versions', () => {
    let tmp: ReturnType<typeof tempDir>;
    let db: Db;
    let clock: Date;
    let versions: ForbundVersions;
    const now = () => clock;
    const repoFor = (configured: string[], on = db) =>
        forbundFromDb({
            versions: on === db ? versions : createForbundVersions(on, now),
            configured,
            now,
            changedElsewhere: writesElsewhere(on),
        });

    beforeEach(() => {
        tmp = tempDir();
        db = openDb(join(tmp.dir, 'finsam.sqlite'));
        clock = new Date('2026-11-20T10:00:00Z');
        versions = createForbundVersions(db, now);
    });
    afterEach(() => {
        db.close();
        tmp.cleanup();
    });

    it('When the bot starts the first time, then each data file seeds version 1, aktiv; afterwards the database wins', () => {
        const seedDir = join(tmp.dir, 'seed');
        mkdirSync(seedDir);
        copyFileSync(join(DATA_DIR, 'fryksdalen.json'), join(seedDir, 'fryksdalen.json'));
        assert.deepEqual(seedForbund(versions, seedDir, ['fryksdalen']), { seeded: ['fryksdalen'], empty: [] });
        const [v1] = versions.list('fryksdalen');
        assert.equal(v1.version, 1);
        assert.equal(v1.status, 'aktiv');
        assert.equal(v1.activeFrom, SEED_ACTIVE_FROM);
        assert.equal(v1.createdBy, 'system');
        assert.equal(v1.source, join(seedDir, 'fryksdalen.json'));

        const edited = sample('fryksdalen');
        edited.name = 'Ändrat i filen';
        writeFileSync(join(seedDir, 'fryksdalen.json'), JSON.stringify(edited));
        assert.deepEqual(seedForbund(versions, seedDir, ['fryksdalen']), { seeded: [], empty: [] });
        assert.equal(versions.list('fryksdalen').length, 1);
        assert.equal(repoFor(['fryksdalen']).get('fryksdalen')?.name, 'Fryksdalens samordningsförbund');
    });

    it('When FORBUND names a förbund without a data file, then it is served empty, as version 0', () => {
        assert.deepEqual(seedForbund(versions, DATA_DIR, ['ny-forbund']), { seeded: [], empty: ['ny-forbund'] });
        const repo = repoFor(['ny-forbund']);
        assert.deepEqual(repo.ids(), ['ny-forbund']);
        const active = repo.active('ny-forbund');
        assert.equal(active?.version, 0);
        assert.deepEqual(active?.forbund.years, []);
        assert.deepEqual(active?.forbund.parter, []);
        assert.equal(repo.get('ny-forbund'), repo.get('ny-forbund'), 'the same object on every call');
    });

    it('When more than twenty förbund are served, then all are listed in configuration order', () => {
        const ids = Array.from({ length: 25 }, (_, i) => `forbund-${i + 1}`);
        seedForbund(versions, DATA_DIR, ids);
        assert.deepEqual(repoFor(ids).ids(), ids);
        assert.equal(repoFor(ids).size, 25);
    });

    it('When a version is proposed, then it is a förslag and the version in force stays; activated, it replaces it', () => {
        seedForbund(versions, DATA_DIR, ['fryksdalen']);
        const repo = repoFor(['fryksdalen']);
        const before = repo.get('fryksdalen');
        const doc = sample('fryksdalen');
        doc.shortName = 'Fryksdalen 2';
        assert.equal(versions.propose('fryksdalen', doc, { by: 'test', source: 'ny.xlsx' }), 2);
        assert.equal(repo.active('fryksdalen')?.version, 1);
        assert.equal(repo.get('fryksdalen'), before, 'the cached model is kept');
        versions.activate('fryksdalen', 2, { by: 'chef' });
        assert.equal(repo.active('fryksdalen')?.version, 2);
        assert.equal(repo.get('fryksdalen')?.shortName, 'Fryksdalen 2');
        assert.deepEqual(
            versions.list('fryksdalen').map((v) => [v.version, v.status, v.activatedBy]),
            [
                [1, 'ersatt', 'system'],
                [2, 'aktiv', 'chef'],
            ],
        );
    });

    it('When a version is activated from 1 January, then it takes force that day (fake clock)', () => {
        seedForbund(versions, DATA_DIR, ['fryksdalen']);
        const repo = repoFor(['fryksdalen']);
        const doc = sample('fryksdalen');
        doc.shortName = 'Från nyår';
        versions.store('fryksdalen', doc, {
            by: 'chef',
            source: 'ny.xlsx',
            activate: { by: 'chef', from: '2027-01-01' },
        });
        clock = new Date('2026-12-31T22:59:00Z'); // 23:59 in Stockholm
        assert.equal(repo.active('fryksdalen')?.version, 1);
        clock = new Date('2026-12-31T23:00:00Z'); // 00:00 on 1 January in Stockholm
        assert.equal(repo.active('fryksdalen')?.version, 2);
        assert.equal(repo.get('fryksdalen')?.shortName, 'Från nyår');
    });

    it('When another process stores a version, then the repository reads it on the next call', () => {
        seedForbund(versions, DATA_DIR, ['fryksdalen']);
        const repo = repoFor(['fryksdalen']);
        assert.equal(repo.active('fryksdalen')?.version, 1);
        const other = openDb(join(tmp.dir, 'finsam.sqlite'));
        try {
            const doc = sample('nedansiljan');
            createForbundVersions(other, now).store('nedansiljan', doc, {
                by: 'import',
                source: 'nedansiljan.xlsx',
                activate: { by: 'import' },
            });
        } finally {
            other.close();
        }
        assert.deepEqual(repo.ids(), ['fryksdalen', 'nedansiljan'], 'a förbund an import added is served');
        assert.equal(repo.get('nedansiljan')?.shortName, 'Nedansiljan');
    });

    it('When a proposed document is invalid, then it throws ForbundDataError and nothing is written', () => {
        seedForbund(versions, DATA_DIR, ['fryksdalen']);
        const before = dumpDb(db);
        const doc = sample('fryksdalen');
        doc.years[0].posts[0].amount = 'tre';
        assert.throws(
            () => versions.store('fryksdalen', doc, { by: 't', source: 'x', activate: { by: 't' } }),
            (err: unknown) => err instanceof ForbundDataError && /years\[0\]\.posts\[0\]\.amount/.test(err.message),
        );
        assert.throws(
            () => versions.propose('nedansiljan', sample('fryksdalen'), { by: 't', source: 'x' }),
            /förväntade "nedansiljan"/,
        );
        assert.deepEqual(dumpDb(db), before);
    });
});
