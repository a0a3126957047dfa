import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/paths';
import { tempDir } from './helpers/temp-dir';

// Runs the compiled server the way `npm start` does (npm test builds dist/ first).
const ENTRY = join(ROOT, 'dist', 'src', 'index.js');

function startServer(env: NodeJS.ProcessEnv) {
    const child = spawn(process.execPath, ['--no-deprecation', ENTRY], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
            const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
            if (m) resolve(m[1]);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    return { child, url, exited, output: () => out, errors: () => err };
}

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

    it('When a data file is missing for FORBUND, then the server refuses to start and names the file', async function () {
        this.timeout(20_000);
        const server = startServer({ DATA_DIR: tmp.dir, FORBUND: 'finnsinte', PORT: '0' });
        assert.equal(await server.exited, 1);
        assert.match(server.errors(), /finnsinte\.json/);
    });
});
