import assert from 'node:assert/strict';
import { createTeamsAdapter } from '../../src/bot/adapter';
import nock from 'nock';
import { createProactiveSender, type ProactiveSenderDeps, type SenderEvent } from '../../src/scheduler/sender';
import { maxInWindow, virtualTime } from './virtual-time';

const SERVICE = 'https://smba.example.test';
const ref = (conversationId = 'a:1') => ({
    serviceUrl: `${SERVICE}/`,
    channelId: 'msteams',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
});
// Proactive turns reply to the continuation activity, so the connector path ends in a generated activity id.
const POST_PATH = /^\/v3\/conversations\/a%3A1\/activities\/[\w-]+$/;

function setup(overrides: Partial<ProactiveSenderDeps> = {}, start = 0) {
    const vt = virtualTime(start);
    const events: SenderEvent[] = [];
    const adapter = createTeamsAdapter();
    const sender = createProactiveSender({
        adapter,
        appId: '',
        clock: vt.clock,
        sleep: vt.sleep,
        random: () => 0.5,
        log: (e) => events.push(e),
        ...overrides,
    });
    return { vt, events, adapter, sender };
}

/** Makes every POST to conversation a:1 answer `status`; returns a live count of requests seen. */
function failForever(status: number): { requests: number } {
    const seen = { requests: 0 };
    nock(SERVICE)
        .persist()
        .post(POST_PATH)
        .reply(() => {
            seen.requests++;
            return [status, { error: { code: 'X', message: `status ${status}` } }];
        });
    return seen;
}

describe('scheduler/sender', () => {
    before(() => nock.disableNetConnect());
    afterEach(() => nock.cleanAll());
    after(() => nock.enableNetConnect());

    it('When the connector answers 429 twice (Retry-After: 2) and then 200, then one delivery after 3 attempts', async () => {
        const { vt, sender } = setup();
        const bodies: unknown[] = [];
        nock(SERVICE)
            .post(POST_PATH)
            .twice()
            .reply(429, { error: { code: 'Throttled' } }, { 'Retry-After': '2' });
        nock(SERVICE)
            .post(POST_PATH, (body) => bodies.push(body) > 0)
            .reply(200, { id: 'm1' });
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.deepEqual(result, { ok: true, activityId: 'm1', attempts: 3 });
        assert.equal(bodies.length, 1);
        assert.equal((bodies[0] as { text: string }).text, 'Hej');
        assert.equal(vt.sleeps.length, 2);
        assert.ok(
            vt.sleeps.every((ms) => ms >= 2000),
            `sleeps ${vt.sleeps.join(', ')}`,
        );
        assert.ok(nock.isDone());
    });

    it('When the connector answers 500 forever, then the failure is reported after 1 attempt', async () => {
        const { vt, sender, events } = setup();
        const seen = failForever(500);
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.status, 500);
        assert.equal(result.attempts, 1);
        assert.equal(seen.requests, 1);
        assert.deepEqual(vt.sleeps, []);
        assert.equal(events.at(-1)?.kind, 'failed');
    });

    it('When the connector answers 503 forever, then it gives up after maxAttempts with growing delays', async () => {
        const { vt, sender, events } = setup();
        const seen = failForever(503);
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.deepEqual(
            { ok: result.ok, status: !result.ok && result.status, attempts: result.attempts },
            { ok: false, status: 503, attempts: 5 },
        );
        assert.equal(seen.requests, 5);
        // random() = 0.5 over a cap of 1000·2^n ms: full jitter halves each exponential step.
        assert.deepEqual(vt.sleeps, [500, 1000, 2000, 4000]);
        assert.deepEqual(
            events.filter((e) => e.kind === 'retry').map((e) => e.kind === 'retry' && e.delayMs),
            [500, 1000, 2000, 4000],
        );
    });

    const statusCases: { status: number; attempts: number }[] = [
        { status: 400, attempts: 1 },
        { status: 403, attempts: 1 },
        { status: 404, attempts: 1 },
        { status: 500, attempts: 1 },
        { status: 412, attempts: 3 },
        { status: 429, attempts: 3 },
        { status: 502, attempts: 3 },
        { status: 503, attempts: 3 },
        { status: 504, attempts: 3 },
    ];
    for (const { status, attempts } of statusCases) {
        it(`When the connector answers ${status} forever, then ${attempts} attempt(s) are made`, async () => {
            const { vt, sender } = setup({ maxAttempts: 3 });
            const seen = failForever(status);
            const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
            assert.deepEqual(
                { ok: result.ok, attempts: result.attempts, requests: seen.requests },
                { ok: false, attempts, requests: attempts },
            );
            assert.equal(!result.ok && result.status, status);
        });
    }

    it('When the socket resets once, then the send is retried and delivered', async () => {
        const { vt, sender } = setup();
        nock(SERVICE)
            .post(POST_PATH)
            .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        nock(SERVICE).post(POST_PATH).reply(201, { id: 'm2' });
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.deepEqual(result, { ok: true, activityId: 'm2', attempts: 2 });
    });

    it('When Retry-After is an HTTP date, then the retry waits until that moment', async () => {
        const start = Date.UTC(2025, 0, 15, 12, 0, 0);
        const { vt, sender } = setup({}, start);
        nock(SERVICE)
            .post(POST_PATH)
            .reply(429, {}, { 'Retry-After': new Date(start + 7000).toUTCString() });
        nock(SERVICE).post(POST_PATH).reply(201, { id: 'm3' });
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.equal(result.ok, true);
        assert.deepEqual(vt.sleeps, [7000]);
    });

    it('When Retry-After exceeds the allowed wait, then the failure is reported without waiting', async () => {
        const { vt, sender } = setup();
        nock(SERVICE).post(POST_PATH).reply(429, {}, { 'Retry-After': '3600' });
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.equal(!result.ok && result.status, 429);
        assert.match(!result.ok ? result.error : '', /Retry-After 3600000 ms/);
        assert.deepEqual(vt.sleeps, []);
    });

    it('When the adapter has an onTurnError handler, then a failure still reaches the caller', async () => {
        const { vt, sender, adapter } = setup();
        let handled = 0;
        adapter.onTurnError = () => {
            handled++;
            return Promise.resolve();
        };
        nock(SERVICE)
            .post(POST_PATH)
            .reply(404, { error: { code: 'ConversationNotFound' } });
        const [result] = await vt.runAll([() => sender.send(ref(), { type: 'message', text: 'Hej' })]);
        assert.equal(!result.ok && result.status, 404);
        assert.equal(handled, 0);
    });

    it('When the reference lacks a serviceUrl, then nothing is sent and the failure is reported', async () => {
        const { vt, sender } = setup();
        const [result] = await vt.runAll([
            () => sender.send({ conversation: ref().conversation }, { type: 'message', text: 'Hej' }),
        ]);
        assert.equal(result.ok, false);
        assert.equal(result.attempts, 0);
    });

    it('When update() is called, then the connector gets a PUT to …/activities/{id} with the new text', async () => {
        const { vt, sender } = setup();
        const bodies: { id?: string; text?: string }[] = [];
        nock(SERVICE)
            .put('/v3/conversations/a%3A1/activities/m42', (body) => bodies.push(body) > 0)
            .reply(200, { id: 'm42' });
        const [result] = await vt.runAll([() => sender.update(ref(), 'm42', { type: 'message', text: 'Ändrad' })]);
        assert.deepEqual(result, { ok: true, activityId: 'm42', attempts: 1 });
        assert.deepEqual(
            bodies.map((b) => ({ id: b.id, text: b.text })),
            [{ id: 'm42', text: 'Ändrad' }],
        );
    });

    it('When 20 sends burst into one conversation, then the connector never sees more than 7/1 s or 8/2 s', async () => {
        const { vt, sender } = setup();
        const received: number[] = [];
        nock(SERVICE)
            .persist()
            .post(POST_PATH)
            .reply(() => [201, { id: `m${received.push(vt.clock.now())}` }]);
        const results = await vt.runAll(
            Array.from({ length: 20 }, (_, i) => () => sender.send(ref(), { type: 'message', text: `#${i}` })),
        );
        assert.ok(results.every((r) => r.ok && r.attempts === 1));
        assert.equal(received.length, 20);
        assert.ok(maxInWindow(received, 1000) <= 7, `times ${received.join(', ')}`);
        assert.ok(maxInWindow(received, 2000) <= 8, `times ${received.join(', ')}`);
        assert.equal(received.filter((t) => t === 0).length, 7);
        // 8 per 2 s, each window widened by the 250 ms safety margin: the 20th send goes out by 4.5 s, not later.
        assert.ok(Math.max(...received) <= 4500, `times ${received.join(', ')}`);
    });

    it('When 100 sends spread over 25 conversations, then the connector never sees more than 30 per second', async () => {
        const { vt, sender } = setup();
        const received: { at: number; conversation: string }[] = [];
        nock(SERVICE)
            .persist()
            .post(/^\/v3\/conversations\/([^/]+)\/activities\/[\w-]+$/)
            .reply((uri) => {
                received.push({ at: vt.clock.now(), conversation: uri.split('/')[3] });
                return [201, { id: `m${received.length}` }];
            });
        const results = await vt.runAll(
            Array.from(
                { length: 100 },
                (_, i) => () => sender.send(ref(`a:${i % 25}`), { type: 'message', text: `#${i}` }),
            ),
        );
        assert.ok(results.every((r) => r.ok));
        assert.equal(received.length, 100);
        assert.equal(new Set(received.map((r) => r.conversation)).size, 25);
        const times = received.map((r) => r.at);
        assert.ok(maxInWindow(times, 1000) <= 30, `times ${times.join(', ')}`);
        // 30 per 1.25 s (1 s plus the safety margin): all 100 are out by 3.75 s, so nothing is over-throttled.
        assert.ok(Math.max(...times) <= 3750, `times ${times.join(', ')}`);
    });

    it('When the service URL is not vouched for, then send and update fail at once and the connector sees nothing', async () => {
        const asked: string[] = [];
        const trustsServiceUrl = (url: string) => {
            asked.push(url);
            return false;
        };
        const { vt, events, sender } = setup({ trustsServiceUrl });
        const seen = failForever(200);
        const [sent, updated] = await vt.runAll([
            () => sender.send(ref(), { type: 'message', text: 'Hej' }),
            () => sender.update(ref(), 'm1', { type: 'message', text: 'Hej' }),
        ]);
        for (const result of [sent, updated]) {
            assert.deepEqual(result, {
                ok: false,
                error: 'service URL not learned from an authenticated request',
                attempts: 0,
            });
        }
        assert.equal(seen.requests, 0);
        assert.deepEqual(asked, [`${SERVICE}/`, `${SERVICE}/`]);
        assert.deepEqual(
            events.map((e) => e.kind),
            ['untrusted-service-url', 'untrusted-service-url'],
        );
    });
});
