import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { seedInsats } from '../../src/cli/seed-demo';
import { createActionKeys } from '../../src/storage/action-keys';
import { DatabaseDamagedError, openDb } from '../../src/storage/db';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';
import { startServer } from '../helpers/server-process';
import { tempDir } from '../helpers/temp-dir';

const PAGE = 4096;

/**
 * A database with two years of reports followed by card action keys, closed (WAL checkpointed into the file);
 * returns the report table's leaf pages, which sit in the middle of the file and are not read at start.
 */
function writeDatabase(file: string): number[] {
    const db = openDb(file);
    const f = forbund('fryksdalen');
    const at = new Date('2026-01-15T10:00:00Z');
    createRoster(db, () => at).seedOnce(f.id, f.roster);
    for (const year of [2024, 2025])
        for (const insats of f.insatser) seedInsats(db, f, insats, year, `${year + 1}-01`, at);
    const keys = createActionKeys(db, () => at);
    db.transaction(() => {
        for (let i = 0; i < 300; i++) keys.remember(`nonce-${i}`, 'report', { text: 'Sparad '.repeat(20) });
    })();
    assert.equal(db.pragma('page_size', { simple: true }), PAGE);
    const leaves = db
        .prepare("SELECT pageno FROM dbstat WHERE name = 'report_versions' AND pagetype = 'leaf' ORDER BY pageno")
        .pluck()
        .all() as number[];
    db.close();
    const pages = statSync(file).size / PAGE;
    assert.ok(
        leaves.length >= 2 && leaves[0] > 1 && leaves.at(-1)! < pages,
        `middle pages ${leaves.join(', ')} of ${pages}`,
    );
    return leaves;
}

/** Random bytes over whole pages (numbered from 1, as SQLite does). */
function damage(file: string, pages: number[]): void {
    const fd = openSync(file, 'r+');
    for (const p of pages) writeSync(fd, randomBytes(PAGE), 0, PAGE, (p - 1) * PAGE);
    closeSync(fd);
}

const freePort = () =>
    new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
            const { port } = s.address() as { port: number };
            s.close(() => resolve(port));
        });
    });

const restoreSteps = (file: string) => [
    new RegExp(`The database ${file} is damaged`),
    /npm run backup -- <file>/,
    /stop the bot/,
    new RegExp(`move ${file} and its finsam\\.sqlite-wal and finsam\\.sqlite-shm`),
    new RegExp(`copy the backup file to ${file}`),
    /start the bot again/,
];

describe('a damaged database file', function () {
    this.timeout(30_000);
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When middle pages hold random bytes, then openDb refuses with the restore steps', () => {
        const file = join(tmp.dir, 'finsam.sqlite');
        damage(file, writeDatabase(file));
        assert.throws(
            () => openDb(file),
            (err: Error) => err instanceof DatabaseDamagedError && restoreSteps(file).every((r) => r.test(err.message)),
        );
    });

    it('When the server starts on a damaged database, then it exits non-zero with the restore steps and /healthz never answers 200', async () => {
        const file = join(tmp.dir, 'finsam.sqlite');
        damage(file, writeDatabase(file));
        const port = await freePort();
        const server = startServer({ PORT: String(port), DATA_DIR: tmp.dir, FORBUND: 'fryksdalen' });
        const answers: number[] = [];
        let done = false;
        void server.exited.then(() => (done = true));
        try {
            const deadline = Date.now() + 20_000;
            while (!done && !answers.includes(200) && Date.now() < deadline) {
                const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
                    (r) => r.status,
                    () => 0,
                );
                if (status) answers.push(status);
                await new Promise((r) => setTimeout(r, 25));
            }
            assert.deepEqual(answers, [], '/healthz never answered');
        } finally {
            if (!done) server.child.kill('SIGKILL');
        }
        assert.notEqual(await server.exited, 0);
        for (const step of restoreSteps(file)) assert.match(server.errors(), step);
        assert.doesNotMatch(server.output(), /listening/);
    });
});
