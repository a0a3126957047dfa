// Bodies that cost the server process memory or disk before anyone is authenticated: a gzip bomb, multipart uploads.
// The bot runs as its own process (dist/) so its peak memory and its temp folder can be watched from outside.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { personalMessage } from '../fixtures/activities';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/temp-dir';

const MiB = 1024 * 1024;
const member = { id: '29:member-bodies', name: 'Maja Medlem', aadObjectId: 'aad-member-bodies' };

/** One gzip stream that inflates to a JSON activity of about `inflated` bytes (a run of "x" in channelData). */
async function gzipBomb(inflated: number): Promise<Buffer> {
    const gzip = createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const ended = once(gzip, 'end');
    const activity = JSON.stringify(personalMessage(member, 'hjälp')).replace(/}$/, ',"padding":"');
    gzip.write(activity);
    const block = Buffer.alloc(MiB, 'x');
    for (let n = 0; n < inflated / MiB; n++) if (!gzip.write(block)) await once(gzip, 'drain');
    gzip.end('"}');
    await ended;
    return Buffer.concat(chunks);
}

/** Sends one request with exactly these headers and body; resolves with the status. */
async function send(url: string, method: string, headers: Record<string, string>, body: Buffer | string) {
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } });
    req.end(body);
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    res.resume();
    await once(res, 'end');
    return res.statusCode;
}

describe('request bodies, seen from the server process', () => {
    let tmp: ReturnType<typeof tempDir>;
    let server: ServerProcess;
    let url: string;
    let tmpdir: string;

    beforeEach(async function () {
        this.timeout(20_000);
        tmp = tempDir();
        // The bot's own temp folder: formidable writes multipart files to os.tmpdir(), which follows TMPDIR.
        tmpdir = join(tmp.dir, 'tmp');
        mkdirSync(tmpdir);
        server = startServer({ PORT: '0', DATA_DIR: join(tmp.dir, 'data'), TMPDIR: tmpdir });
        url = await server.url;
    });
    afterEach(async function () {
        this.timeout(20_000);
        await server.stop();
        tmp.cleanup();
    });

    it('When a gzip bomb (a 100 KB body inflating to 100 MB of JSON) is posted, then it is refused with 415 and the peak RSS stays within 20 MB', async function () {
        this.timeout(60_000);
        if (!existsSync('/proc/self/status')) this.skip();
        const bomb = await gzipBomb(100 * MiB);
        assert.ok(bomb.length < 200 * 1024, `the bomb is small on the wire (${bomb.length} bytes)`);
        // A first ordinary request loads whatever the request path loads lazily, so it is not counted below.
        const plain = JSON.stringify({ type: 'message' });
        assert.equal(await send(`${url}/api/messages`, 'POST', { 'content-type': 'application/json' }, plain), 400);
        const before = server.peakRssKiB();
        const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
        const status = await send(`${url}/api/messages`, 'POST', headers, bomb);
        const grewMiB = (server.peakRssKiB() - before) / 1024;
        assert.ok(grewMiB < 20, `peak RSS grew by ${grewMiB.toFixed(1)} MB`);
        assert.equal(status, 415);
        assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the bot is still up');
    });

    it('When multipart uploads and other non-JSON bodies are sent to every route, then nothing is written to the temp folder', async function () {
        this.timeout(20_000);
        const upload = () => {
            const form = new FormData();
            form.append('activity', JSON.stringify(personalMessage(member, 'hjälp')));
            form.append('file', new Blob([Buffer.alloc(64 * 1024, 'a')]), 'upload.bin');
            return form;
        };
        const routes: [string, string, number][] = [
            ['POST', '/api/messages', 415],
            ['PUT', '/api/messages', 405],
            ['POST', '/healthz', 405],
            ['POST', '/files/ics/x?exp=1&sig=x', 405],
            ['POST', '/nowhere', 404],
        ];
        const answers: string[] = [];
        for (const [method, path] of routes) {
            const res = await fetch(`${url}${path}`, { method, body: upload() });
            answers.push(`${method} ${path} ${res.status}`);
            await res.arrayBuffer();
        }
        // GET with a body (fetch cannot send one): the routes that answer GET must not read it either.
        const encoded = new Request(url, { method: 'POST', body: upload() });
        const multipart = { 'content-type': encoded.headers.get('content-type')! };
        const body = Buffer.from(await encoded.arrayBuffer());
        for (const path of ['/healthz', '/files/ics/x?exp=1&sig=x', '/nowhere']) {
            await send(`${url}${path}`, 'GET', multipart, body);
        }
        const others = [
            'application/x-www-form-urlencoded',
            'text/csv',
            'application/octet-stream',
            'application/vnd.api+json',
        ];
        for (const contentType of others) {
            const status = await send(`${url}/api/messages`, 'POST', { 'content-type': contentType }, 'a=1,b=2');
            answers.push(`POST /api/messages (${contentType}) ${status}`);
        }
        assert.deepEqual(readdirSync(tmpdir), [], 'the temp folder is empty');
        assert.deepEqual(answers, [
            ...routes.map(([method, path, status]) => `${method} ${path} ${status}`),
            ...others.map((contentType) => `POST /api/messages (${contentType}) 415`),
        ]);
        assert.equal((await fetch(`${url}/healthz`)).status, 200, 'the bot is still up');
    });
});
