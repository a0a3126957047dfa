// Migration 015: built-in SUS deadlines already written are renamed to Uppföljning Finsam, not written twice.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../src/paths';
import { migrate } from '../../src/storage/db';
import { createDeadlines } from '../../src/storage/deadlines';
import { tempDir } from '../helpers/temp-dir';

describe('storage/migration 015: Uppföljning Finsam', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When a database from before 015 holds the SUS deadline for 2025, then it becomes uppfoljning-finsam:2025 with its done marker kept', () => {
        const old = join(tmp.dir, 'migrations-014');
        mkdirSync(old);
        for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f < '015'))
            copyFileSync(join(MIGRATIONS_DIR, f), join(old, f));
        const db = new Database(join(tmp.dir, 'finsam.sqlite'));
        migrate(db, old);
        const insert = db.prepare(
            `INSERT INTO deadlines (forbund_id, key, kind, due, title, source, origin, created_by, created_at, done_at, done_by)
             VALUES ('fryksdalen', ?, ?, '2025-02-01', ?, ?, 'plan', 'system', '2025-01-01T00:00:00Z', ?, ?)`,
        );
        const text = (sv: string) => JSON.stringify({ sv, en: sv });
        insert.run(
            'sus:2025',
            'sus',
            text('SUS: insatser och deltagare 2025 registrerade'),
            text('SUS'),
            '2025-01-20',
            'helena-vik',
        );
        insert.run('egen:1', 'egen', text('Ring SUS-supporten'), text('chatt'), null, null);
        assert.ok(migrate(db, MIGRATIONS_DIR).includes('015_uppfoljning_finsam.sql'));
        const rows = db.prepare('SELECT key, kind, title, source, done_by FROM deadlines ORDER BY key').all() as Record<
            string,
            string
        >[];
        assert.deepEqual(
            rows.map((r) => [r.key, r.kind, r.done_by]),
            [
                ['egen:1', 'egen', null],
                ['uppfoljning-finsam:2025', 'uppfoljning-finsam', 'helena-vik'],
            ],
        );
        assert.equal(JSON.parse(rows[1].title).sv, 'Uppföljning Finsam: insatser och deltagare 2025 registrerade');
        assert.match(JSON.parse(rows[1].source).sv, /Uppföljning Finsam/);
        assert.equal(JSON.parse(rows[0].title).sv, 'Ring SUS-supporten', "someone's own deadline text is left alone");
        assert.ok(createDeadlines(db), 'the repository opens on the migrated database');
        db.close();
    });
});
