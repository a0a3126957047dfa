// Refused workbooks: each bad one gets its precise Swedish error (sheet, cell, reason) and the database is unchanged.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/storage/db';
import { createForbundVersions } from '../../src/storage/forbund-versions';
import { seedForbund } from '../../src/storage/forbund-seed';
import { createRoster } from '../../src/storage/roster';
import { createSetupCodes } from '../../src/storage/setup-codes';
import { WorkbookError } from '../../src/workbook/errors';
import { importWorkbook } from '../../src/workbook/import';
import { writeWorkbook } from '../../src/workbook/write';
import { BAD_WORKBOOKS, EXAMPLE, ROOT } from '../helpers/bad-workbooks';
import { dumpDb } from '../helpers/db-dump';
import { tempDir } from '../helpers/temp-dir';

describe('bad workbooks', () => {
    let tmp: ReturnType<typeof tempDir>;
    let db: Db;
    const now = () => new Date('2026-11-20T10:00:00Z');
    const deps = () => ({
        versions: createForbundVersions(db, now),
        roster: createRoster(db, now),
        setupCodes: createSetupCodes(db, now),
        transaction: <T>(fn: () => T): T => db.transaction(fn)(),
        now,
    });
    before(() => {
        tmp = tempDir();
        db = openDb(join(tmp.dir, 'finsam.sqlite'));
        // A database with a served förbund, so "nothing changed" has something to keep.
        seedForbund(createForbundVersions(db, now), join(ROOT, 'data', 'forbund'), ['fryksdalen']);
    });
    after(() => {
        db.close();
        tmp.cleanup();
    });

    for (const c of BAD_WORKBOOKS) {
        it(`When the workbook has ${c.what}, then the import is refused with its precise error and nothing changes`, async () => {
            const buf = await c.make();
            const before = dumpDb(db);
            await assert.rejects(
                () => importWorkbook(deps(), buf, c.file ?? 'plan.xlsx', { by: 'test', activate: true }),
                (err: unknown) => {
                    assert.ok(err instanceof WorkbookError, String(err));
                    const lines = err.message.split('\n');
                    for (const e of c.errors)
                        assert.ok(
                            lines.some((l) => (typeof e === 'string' ? l === e : e.test(l))),
                            `expected ${String(e)} in:\n${err.message}`,
                        );
                    return true;
                },
            );
            assert.deepEqual(dumpDb(db), before);
        });
    }

    it('When the example workbook is imported unchanged, then it is stored (the cases above fail for their edit only)', async () => {
        const r = await importWorkbook(deps(), await writeWorkbook(EXAMPLE), 'mall.xlsx', { by: 'test' });
        assert.equal(r.forbundId, 'exempelbygden');
        assert.equal(r.version.status, 'förslag');
    });
});
