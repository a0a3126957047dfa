import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createSqliteStorage } from '../../src/storage/bot-state';
import { openDb } from '../../src/storage/db';
import { tempDir } from '../helpers/temp-dir';

describe('SQLite bot Storage', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When an item is written, then it reads back with an eTag', async () => {
        const db = openDb(join(tmp.dir, 'a.sqlite'));
        const storage = createSqliteStorage(db);
        await storage.write({ k: { count: 1 } });
        const items = await storage.read(['k', 'missing']);
        assert.deepEqual(Object.keys(items), ['k']);
        assert.equal(items.k.count, 1);
        assert.equal(typeof items.k.eTag, 'string');
        db.close();
    });

    it('When a write carries a stale eTag, then it throws and the stored item is unchanged', async () => {
        const db = openDb(join(tmp.dir, 'a.sqlite'));
        const storage = createSqliteStorage(db);
        await storage.write({ k: { count: 1 } });
        const first = (await storage.read(['k'])).k;
        await storage.write({ k: { ...first, count: 2 } });
        await assert.rejects(storage.write({ k: { ...first, count: 3 } }), /eTag conflict/);
        assert.equal((await storage.read(['k'])).k.count, 2);
        await storage.write({ k: { count: 9, eTag: '*' } });
        assert.equal((await storage.read(['k'])).k.count, 9);
        db.close();
    });

    it('When one write in a batch conflicts, then no item of the batch is written', async () => {
        const db = openDb(join(tmp.dir, 'a.sqlite'));
        const storage = createSqliteStorage(db);
        await storage.write({ a: { v: 1 }, b: { v: 1 } });
        await assert.rejects(storage.write({ a: { v: 2 }, b: { v: 2, eTag: '999' } }));
        const items = await storage.read(['a', 'b']);
        assert.equal(items.a.v, 1);
        assert.equal(items.b.v, 1);
        db.close();
    });

    it('When an item is deleted, then it is gone', async () => {
        const db = openDb(join(tmp.dir, 'a.sqlite'));
        const storage = createSqliteStorage(db);
        await storage.write({ k: { v: 1 } });
        await storage.delete(['k']);
        assert.deepEqual(await storage.read(['k']), {});
        db.close();
    });

    it('When the database is closed and reopened, then items survive', async () => {
        const file = join(tmp.dir, 'a.sqlite');
        const db = openDb(file);
        await createSqliteStorage(db).write({ k: { text: 'kvar' } });
        db.close();
        const again = openDb(file);
        assert.equal((await createSqliteStorage(again).read(['k'])).k.text, 'kvar');
        again.close();
    });
});
