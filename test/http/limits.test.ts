// Hostile HTTP: oversized and malformed bodies, unknown routes and failing handlers get short answers, never internals.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
            const before = dump(t.bot.deps.db);
            const res = await call('POST', '/api/messages', messageOfSize(bytes));
            assert.equal(res.status, 413);
            assert.doesNotMatch(res.text, INTERNALS);
            assert.equal(connector.sent.length, 0);
            assert.deepEqual(t.bot.deps.refs.list('conversation'), []);
            assert.equal(dump(t.bot.deps.db), before);
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
