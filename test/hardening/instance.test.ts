import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { acquireInstanceLock, InstanceLockedError } from '../../src/storage/instance-lock';
import { ENTRY, runCli, startServer } from '../helpers/server-process';
import { tempDir } from '../helpers/temp-dir';

const refused = (dir: string) => new RegExp(`Another bot process is running on the data folder ${dir}`);

describe('one bot process per DATA_DIR', function () {
    this.timeout(60_000);

    let tmp: ReturnType<typeof tempDir>;
    // Every process a test starts is killed at its end, also when an assertion failed half-way.
    const started: { child: { kill(signal: NodeJS.Signals): boolean; exitCode: number | null } }[] = [];
    const start = (env: NodeJS.ProcessEnv) => {
        const server = startServer(env);
        started.push(server);
        return server;
    };
    afterEach(() => {
        for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    });
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());
    /** The exit code, or 'listening' if the server started after all. */
    const outcome = (s: ReturnType<typeof startServer>) =>
        Promise.race([s.exited, s.url.then(() => 'listening' as const)]);

    it('When a second npm start runs on the same DATA_DIR, then it refuses with a sentence naming the folder; after kill -9 of the first, a new start succeeds', async () => {
        assert.ok(existsSync(ENTRY), 'dist/src/index.js exists (npm test runs the build first)');
        const env = { PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'nedansiljan' };
        const first = start(env);
        await first.url;
        const second = start(env);
        assert.equal(await outcome(second), 1);
        assert.match(second.errors(), refused(tmp.dir));

        first.child.kill('SIGKILL');
        await first.exited;
        const third = start(env);
        const res = await fetch(`${await third.url}/healthz`);
        assert.equal(res.status, 200, 'the lock went with the killed process');
        third.child.kill('SIGTERM');
        assert.equal(await third.exited, 0);
    });

    it('When the bot runs, then npm run chat and npm run seed-demo refuse on its DATA_DIR and write nothing, while npm run backup works beside it', async () => {
        const env = { PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'fryksdalen' };
        const bot = start(env);
        await bot.url;
        const [chat, seed] = [runCli('chat', ['hjälp'], env), runCli('seed-demo', [], env)];
        started.push(chat, seed);
        assert.equal(await chat.exited, 1);
        assert.match(chat.errors(), refused(tmp.dir));
        assert.equal(await seed.exited, 1);
        assert.match(seed.errors(), refused(tmp.dir));
        const backup = runCli('backup', [join(tmp.dir, 'copy.sqlite')], env);
        assert.equal(await backup.exited, 0, backup.errors());

        bot.child.kill('SIGTERM');
        assert.equal(await bot.exited, 0);
        const db = new Database(join(tmp.dir, 'finsam.sqlite'), { readonly: true });
        assert.equal(db.prepare('SELECT count(*) FROM report_versions').pluck().get(), 0, 'seed-demo wrote nothing');
        db.close();
        const later = runCli('seed-demo', [], env);
        assert.equal(await later.exited, 0, `with the bot stopped seed-demo runs: ${later.errors()}`);
    });

    it('When the lock is taken in this process, then a second take is refused until it is released', () => {
        const lock = acquireInstanceLock(tmp.dir);
        assert.throws(() => acquireInstanceLock(tmp.dir), InstanceLockedError);
        lock.release();
        acquireInstanceLock(tmp.dir).release();
    });
});
