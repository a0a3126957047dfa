import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../../src/paths';
import { createConversationRefs } from '../../src/storage/conversation-refs';
import { migrate, openDb, type Db } from '../../src/storage/db';
import { tempDir } from '../helpers/temp-dir';

const TEAMS = 'https://smba.trafficmanager.net/emea/';
const ELSEWHERE = 'https://smba.attacker.example/teams/';
const ref = (serviceUrl: string, conversation = 'a:1on1-29:x') => ({
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: conversation } as never,
    user: { id: '29:x', name: 'X' },
});
const flags = (db: Db) =>
    db.prepare('SELECT kind, key, authenticated FROM conversation_refs ORDER BY kind, key').all() as {
        kind: string;
        key: string;
        authenticated: number;
    }[];

describe('storage/conversation-refs', () => {
    let tmp: ReturnType<typeof tempDir>;
    let file: string;
    beforeEach(() => {
        tmp = tempDir();
        file = join(tmp.dir, 'finsam.sqlite');
    });
    afterEach(() => tmp.cleanup());

    it('When references are stored from authenticated and unauthenticated requests, then only the first vouch for their service URL', () => {
        const db = openDb(file);
        const refs = createConversationRefs(db);
        refs.put('user', '29:a', ref(TEAMS), { conversationType: 'personal', authenticated: true });
        refs.put('user', '29:b', ref(ELSEWHERE), { conversationType: 'personal' });
        assert.deepEqual(flags(db), [
            { kind: 'user', key: '29:a', authenticated: 1 },
            { kind: 'user', key: '29:b', authenticated: 0 },
        ]);
        assert.equal(refs.trustsServiceUrl(TEAMS), true);
        assert.equal(refs.trustsServiceUrl(ELSEWHERE), false);
        db.close();

        // A restart: the new repository reads what vouches for a URL from the database.
        const again = openDb(file);
        assert.equal(createConversationRefs(again).trustsServiceUrl(TEAMS), true);
        assert.equal(createConversationRefs(again).trustsServiceUrl(ELSEWHERE), false);
        again.close();
    });

    it('When the same reference arrives first authenticated, then unauthenticated, then authenticated, then the row follows each time', () => {
        const db = openDb(file);
        const refs = createConversationRefs(db);
        refs.put('conversation', 'c', ref(ELSEWHERE, 'c'), { authenticated: true });
        refs.put('conversation', 'c', ref(ELSEWHERE, 'c'), { authenticated: false });
        assert.equal(flags(db)[0].authenticated, 0, 'an unauthenticated request downgrades the reference');
        refs.put('conversation', 'c', ref(ELSEWHERE, 'c'), { authenticated: true });
        assert.equal(flags(db)[0].authenticated, 1);
        db.close();
    });

    it('When a database from before migration 007 holds references, then they count as unauthenticated', () => {
        const old = join(tmp.dir, 'migrations-006');
        mkdirSync(old);
        for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f < '007')) {
            copyFileSync(join(MIGRATIONS_DIR, f), join(old, f));
        }
        const db = new Database(file);
        migrate(db, old);
        db.prepare(
            `INSERT INTO conversation_refs (kind, key, conversation_type, tenant_id, ref, updated_at)
             VALUES ('user', '29:a', 'personal', 't', ?, '2025-01-01T00:00:00Z')`,
        ).run(JSON.stringify(ref(TEAMS)));
        assert.ok(migrate(db, MIGRATIONS_DIR).includes('007_conversation_ref_trust.sql'));
        assert.deepEqual(flags(db), [{ kind: 'user', key: '29:a', authenticated: 0 }]);
        const refs = createConversationRefs(db);
        assert.equal(refs.trustsServiceUrl(TEAMS), false);
        assert.equal(refs.get('user', '29:a')?.serviceUrl, TEAMS, 'the reference itself is kept');
        // The first authenticated request from that service URL vouches for it again.
        refs.put('conversation', 'c', ref(TEAMS, 'c'), { authenticated: true });
        assert.equal(refs.trustsServiceUrl(TEAMS), true);
        db.close();
    });
});
