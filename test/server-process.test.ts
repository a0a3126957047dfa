import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY, startServer } from './helpers/server-process';
import { tempDir } from './helpers/temp-dir';

describe('server process (npm start)', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When started from dist/, then /healthz answers 200, and SIGTERM closes the database cleanly', async function () {
        this.timeout(20_000);
        assert.ok(existsSync(ENTRY), 'dist/src/index.js exists (npm test runs the build first)');
        const server = startServer({ PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'nedansiljan' });
        const url = await server.url;
        const res = await fetch(`${url}/healthz`);
        assert.equal(res.status, 200);
        assert.match(server.output(), /setup code for nedansiljan/);
        server.child.kill('SIGTERM');
        assert.equal(await server.exited, 0);
        assert.match(server.output(), /shutting down/);
        assert.equal(existsSync(join(tmp.dir, 'finsam.sqlite-wal')), false, 'WAL checkpointed and removed on close');
    });

    it('When the environment is invalid, then the server refuses to start and names the variable', async function () {
        this.timeout(20_000);
        const server = startServer({ PORT: 'not-a-port', DATA_DIR: tmp.dir });
        assert.equal(await server.exited, 2);
        assert.match(server.errors(), /PORT/);
    });

    it('When the data file that would seed a förbund is malformed, then the server refuses to start and names the file', async function () {
        this.timeout(20_000);
        mkdirSync(join(tmp.dir, 'seed'));
        writeFileSync(join(tmp.dir, 'seed', 'trasig.json'), '{ "id": "trasig" ');
        const server = startServer({
            DATA_DIR: join(tmp.dir, 'db'),
            FORBUND: 'trasig',
            FORBUND_DATA_DIR: join(tmp.dir, 'seed'),
            PORT: '0',
        });
        assert.equal(await server.exited, 1);
        assert.match(server.errors(), /trasig\.json/);
    });

    it('When FORBUND names a förbund with no data file, then the server starts it empty with its setup code', async function () {
        this.timeout(20_000);
        const server = startServer({ PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'ny-forbund' });
        const url = await server.url;
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
        assert.match(server.output(), /setup code for ny-forbund/);
        assert.match(server.output(), /förbund ny-forbund has no data yet/);
        server.child.kill('SIGTERM');
        assert.equal(await server.exited, 0);
    });

    it('When HOST is not a loopback address and there is no MicrosoftAppId, then the server refuses to start and says why', async function () {
        this.timeout(20_000);
        const server = startServer({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: tmp.dir, MicrosoftAppId: '' });
        assert.equal(await server.exited, 2);
        assert.match(server.errors(), /HOST: "0\.0\.0\.0" is reachable from other machines/);
        assert.match(server.errors(), /ALLOW_UNAUTHENTICATED=1/);
        assert.equal(existsSync(join(tmp.dir, 'finsam.sqlite')), false, 'nothing was opened');
    });

    it('When ALLOW_UNAUTHENTICATED=1 lets it start on 0.0.0.0 without MicrosoftAppId, then the log warns loudly', async function () {
        this.timeout(20_000);
        const server = startServer({
            HOST: '0.0.0.0',
            PORT: '0',
            DATA_DIR: tmp.dir,
            MicrosoftAppId: '',
            ALLOW_UNAUTHENTICATED: '1',
        });
        const url = await server.url;
        assert.equal((await fetch(`${url}/healthz`)).status, 200);
        const warning = server
            .output()
            .split('\n')
            .find((l) => l.includes('UNAUTHENTICATED BOT ON 0.0.0.0'));
        assert.ok(warning, 'the warning is logged');
        assert.equal(JSON.parse(warning).level, 'warn');
        assert.equal(await server.stop(), 0);
    });

    it('When the reader of its stdout goes away, then the server goes on answering and still stops on SIGTERM', async function () {
        this.timeout(30_000);
        const server = startServer({ PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'nedansiljan', LOG_LEVEL: 'debug' });
        const url = await server.url;
        server.child.stdout!.destroy(); // e.g. `npm start | tee log` and tee ended: the next log write fails with EPIPE
        for (let i = 0; i < 5; i++) {
            // Requests that log: each is a write to the broken pipe.
            const res = await fetch(`${url}/api/messages`, {
                method: 'POST',
                headers: { 'content-type': 'text/plain' },
                body: 'x',
            });
            assert.equal(res.status, 415);
        }
        await new Promise((r) => setTimeout(r, 300));
        assert.equal((await fetch(`${url}/healthz`)).status, 200, 'still serving');
        server.child.kill('SIGTERM');
        const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
        if (code === 'hung') server.child.kill('SIGKILL');
        assert.equal(code, 0);
        assert.match(server.errors(), /log lines dropped from now on: stdout failed \(EPIPE\)/);
    });
});
