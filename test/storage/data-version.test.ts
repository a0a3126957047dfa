import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createConversationRefs } from '../../src/storage/conversation-refs';
import { writesElsewhere } from '../../src/storage/data-version';
import { openDb, type Db } from '../../src/storage/db';
import { tempDir } from '../helpers/temp-dir';

describe('caches and writes by another connection', () => {
    let tmp: ReturnType<typeof tempDir>;
    let first: Db;
    let second: Db;
    beforeEach(() => {
        tmp = tempDir();
        first = openDb(join(tmp.dir, 'finsam.sqlite'));
        second = openDb(join(tmp.dir, 'finsam.sqlite'));
    });
    afterEach(() => {
        first.close();
        second.close();
        tmp.cleanup();
    });

    it("When another connection commits, then the check answers true once; this connection's own commits do not count", () => {
        const changed = writesElsewhere(first);
        first.prepare("INSERT INTO settings (key, value) VALUES ('a', '1')").run();
        assert.equal(changed(), false);
        second.prepare("INSERT INTO settings (key, value) VALUES ('b', '2')").run();
        assert.equal(changed(), true);
        assert.equal(changed(), false);
    });

    it('When another connection removed a stored reference, then storing the same reference again writes it', () => {
        const refs = createConversationRefs(first);
        const ref = { serviceUrl: 'https://smba.example.test/', channelId: 'msteams', conversation: { id: 'a:1' } };
        refs.put('user', '29:x', ref as never);
        createConversationRefs(second).remove('user', '29:x');
        refs.put('user', '29:x', ref as never);
        assert.deepEqual(refs.get('user', '29:x'), ref);
    });
});
