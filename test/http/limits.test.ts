// Hostile HTTP: oversized and malformed bodies, unknown routes and failing handlers get short answers, never internals.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import nock from 'nock';
import type { Db } from '../../src/storage/db';
import { personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const LIMIT = 256 * 1024;
const member = { id: '29:member-limits', name: 'Maja Medlem', aadObjectId: 'aad-member-limits' };
/** What must never reach a client: stack frames, source or absolute paths, module names. */
const INTERNALS = /\bat \S+ \(|\.[jt]s:\d+|\/(work|tmp|home|usr)\/|node_modules|Error:/;

/** Every row of every table, bot state and conversation refs included (helpers/db-dump.ts skips those). */
function dump(db: Db): string {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${String(t)}"`).all()]));
}

/** A valid personal message whose JSON is `bytes` long (padding in channelData, which the bot ignores). */
function messageOfSize(bytes: number): string {
    const activity = personalMessage(member, 'hjälp') as Record<string, any>;
    activity.channelData.padding = '';
    const padding = bytes - Buffer.byteLength(JSON.stringify(activity));
    activity.channelData.padding = 'x'.repeat(padding);
    const body = JSON.stringify(activity);
    assert.equal(Buffer.byteLength(body), bytes);
    return body;
}

describe('HTTP limits and errors', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector();
        t = await startBot();
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    async function call(method: string, path: string, body?: string, contentType = 'application/json') {
        const res = await fetch(`${t.url}${path}`, {
            method,
            headers: body === undefined ? {} : { 'content-type': contentType },
            body,
        });
        return { status: res.status, requestId: res.headers.get('x-request-id'), text: await res.text() };
    }

    /** The request's own log lines: found by the id the caller was given. */
    const linesOf = (requestId: string | null) => t.logs.filter((l) => requestId && l.requestId === requestId);

    const sizes: [string, number][] = [
        ['just over the 256 KB limit', LIMIT + 1],
        ['eight times the limit', 8 * LIMIT],
    ];
    for (const [what, bytes] of sizes) {
        it(`When a body is ${what}, then the answer is 413 without internals and the bot is not invoked`, async () => {
            const before = dump(t.bot.db);
            const res = await call('POST', '/api/messages', messageOfSize(bytes));
            assert.equal(res.status, 413);
            assert.doesNotMatch(res.text, INTERNALS);
            assert.equal(connector.sent.length, 0);
            assert.deepEqual(t.bot.deps.refs.list('conversation'), []);
            assert.equal(dump(t.bot.db), before);
            assert.ok(linesOf(res.requestId).some((l) => l.msg === 'http error' && l.status === 413));
        });
    }

    it('When a body is just under the limit, then the turn runs as usual', async () => {
        const res = await call('POST', '/api/messages', messageOfSize(LIMIT - 1024));
        assert.equal(res.status, 200);
        assert.equal(connector.messages().length, 1);
    });

    const malformed: [string, string, string][] = [
        ['is cut off', '{"type": "message",', 'application/json'],
        ['is not JSON at all', 'type=message', 'application/json'],
        ['is a JSON array', '[1, 2, 3]', 'application/json'],
        ['is JSON null', 'null', 'application/json'],
    ];
    for (const [what, body, contentType] of malformed) {
        it(`When the body ${what}, then the answer is 400 without internals and the bot is not invoked`, async () => {
            const res = await call('POST', '/api/messages', body, contentType);
            assert.equal(res.status, 400);
            assert.doesNotMatch(res.text, INTERNALS);
            assert.equal(connector.sent.length, 0);
            assert.ok(linesOf(res.requestId).length > 0, 'the refusal is logged under its request id');
        });
    }

    it('When the body is not declared as JSON, then the answer is 415 and the bot is not invoked', async () => {
        const res = await call('POST', '/api/messages', JSON.stringify(personalMessage(member, 'hjälp')), 'text/plain');
        assert.equal(res.status, 415);
        assert.equal(connector.sent.length, 0);
    });

    const activityJson = () => JSON.stringify(personalMessage(member, 'hjälp'));
    /** POSTs `body` to /api/messages with exactly these headers (fetch would not send a Content-Encoding it did not apply). */
    async function raw(headers: Record<string, string>, body: Buffer | string) {
        const req = request(`${t.url}/api/messages`, { method: 'POST', headers });
        req.end(body);
        const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
        let text = '';
        for await (const chunk of res) text += chunk;
        return { status: res.statusCode, requestId: res.headers['x-request-id'] as string, text };
    }

    const encoded: [string, () => Buffer][] = [
        ['gzip', () => gzipSync(activityJson())],
        ['GZIP', () => gzipSync(activityJson())],
        ['deflate', () => deflateSync(activityJson())],
        ['br', () => brotliCompressSync(activityJson())],
        ['gzip, identity', () => gzipSync(activityJson())],
        ['x-unheard-of', () => Buffer.from(activityJson())],
    ];
    for (const [encoding, body] of encoded) {
        it(`When the body has Content-Encoding "${encoding}", then the answer is 415 and it is not inflated or run`, async () => {
            const res = await raw({ 'content-type': 'application/json', 'content-encoding': encoding }, body());
            assert.equal(res.status, 415);
            assert.deepEqual(JSON.parse(res.text), { error: 'unsupported media type' });
            assert.equal(connector.sent.length, 0);
            assert.deepEqual(t.bot.deps.refs.list('conversation'), []);
            const refused = linesOf(res.requestId).find((l) => l.msg === 'body refused');
            assert.equal(refused?.reason, 'content-encoding');
        });
    }

    it('When the body has Content-Encoding "identity", then the turn runs as usual', async () => {
        const res = await raw({ 'content-type': 'application/json', 'content-encoding': 'identity' }, activityJson());
        assert.equal(res.status, 200);
        assert.equal(connector.messages().length, 1);
    });

    const types: [string, string | undefined][] = [
        ['multipart/form-data', 'multipart/form-data; boundary=x'],
        ['a url-encoded form', 'application/x-www-form-urlencoded'],
        ['CSV', 'text/csv'],
        ['a +json type', 'application/vnd.api+json'],
        ['JSON in UTF-16', 'application/json; charset=utf-16'],
        ['JSON with an unknown parameter', 'application/json; boundary=x'],
        ['octet-stream', 'application/octet-stream'],
        ['nothing', undefined],
    ];
    for (const [what, contentType] of types) {
        it(`When the body is declared as ${what}, then the answer is 415 and the bot is not invoked`, async () => {
            const res = await raw(contentType ? { 'content-type': contentType } : {}, activityJson());
            assert.equal(res.status, 415);
            assert.deepEqual(JSON.parse(res.text), { error: 'unsupported media type' });
            assert.equal(connector.sent.length, 0);
            assert.equal(linesOf(res.requestId).find((l) => l.msg === 'body refused')?.reason, 'content-type');
        });
    }

    it('When the body is declared as application/json; charset=UTF-8 (as the Bot Connector does), then the turn runs', async () => {
        const res = await raw({ 'content-type': 'Application/JSON; charset=UTF-8' }, activityJson());
        assert.equal(res.status, 200);
        assert.equal(connector.messages().length, 1);
    });

    const bodiless: [string, string, number][] = [
        ['GET', '/healthz', 200],
        ['GET', '/files/ics/x?exp=1&sig=x', 403],
        ['GET', '/nowhere', 404],
        ['POST', '/nowhere', 404],
    ];
    for (const [method, path, status] of bodiless) {
        it(`When ${method} ${path} comes with a body that never ends, then it is answered without reading it`, async () => {
            const req = request(`${t.url}${path}`, {
                method,
                headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
            });
            req.write('{"type": "message", "text": "');
            try {
                const answered = once(req, 'response') as Promise<[import('node:http').IncomingMessage]>;
                const timeout = new Promise<never>((_, reject) =>
                    setTimeout(() => reject(new Error('no answer: the server waits for the body')), 2000).unref(),
                );
                const [res] = await Promise.race([answered, timeout]);
                assert.equal(res.statusCode, status);
                res.resume();
            } finally {
                req.destroy();
            }
        });
    }

    const unknown: [string, string][] = [
        ['GET', '/admin'],
        ['POST', '/admin'],
        ['POST', '/api/messages/extra'],
        ['GET', '/.env'],
        ['DELETE', '/healthz/x'],
    ];
    for (const [method, path] of unknown) {
        it(`When ${method} ${path} is asked, then the answer is 404 without internals`, async () => {
            const res = await call(method, path, method === 'POST' ? '{}' : undefined);
            assert.equal(res.status, 404);
            assert.doesNotMatch(res.text, INTERNALS);
        });
    }

    it('When a handler fails unexpectedly, then the client gets a fixed 500 body and the log gets the error under the request id', async () => {
        // A real fault in a real route: the document provider reads a file that is not there.
        t.bot.deps.downloads.register('broken', (id) => ({
            contentType: 'text/plain',
            filename: id,
            body: readFileSync(join(t.dataDir, 'missing', id)),
        }));
        const url = new URL(t.bot.deps.downloads.link('broken', 'protokoll.pdf', 60));
        const res = await call('GET', `${url.pathname}${url.search}`);
        assert.equal(res.status, 500);
        assert.deepEqual(JSON.parse(res.text), { error: 'internal error' });
        const logged = linesOf(res.requestId).find((l) => l.msg === 'http error');
        assert.match(logged?.error?.message ?? '', /ENOENT/, 'the cause is in the log, not in the answer');
    });

    it('When requests are made, then each gets its own id in an x-request-id header and in an access log line without the query', async () => {
        const url = new URL(t.bot.deps.downloads.link('nothing-registered', 'x', 60));
        const answers = [
            await call('GET', '/healthz'),
            await call('POST', '/api/messages', JSON.stringify(personalMessage(member, 'hjälp'))),
            await call('GET', '/nowhere'),
            await call('GET', `${url.pathname}${url.search}`),
        ];
        const ids = answers.map((a) => a.requestId);
        assert.equal(new Set(ids).size, ids.length, 'ids are unique');
        for (const a of answers) {
            assert.match(a.requestId ?? '', /^[0-9a-f-]{36}$/);
            const access = linesOf(a.requestId).find((l) => l.msg === 'http');
            assert.equal(access?.status, a.status);
        }
        const files = linesOf(answers[3].requestId).find((l) => l.msg === 'http');
        assert.equal(files?.path, url.pathname);
        assert.ok(!JSON.stringify(t.logs).includes(url.searchParams.get('sig')!), 'link signatures are not logged');
    });
});
