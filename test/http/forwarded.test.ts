// Without an app id nothing is authenticated: a request that came through a proxy or tunnel is refused outright.
import assert from 'node:assert/strict';
import nock from 'nock';
import type { Db } from '../../src/storage/db';
import { personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const member = { id: '29:member-forwarded', name: 'Maja Medlem', aadObjectId: 'aad-member-forwarded' };

/** Every row of every table, bot state and conversation refs included (helpers/db-dump.ts skips those). */
function dump(db: Db): string {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${String(t)}"`).all()]));
}

describe('Requests through a proxy or tunnel without an app id', () => {
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

    async function post(headers: Record<string, string>) {
        const res = await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(personalMessage(member, 'hjälp')),
        });
        const text = await res.text();
        return { status: res.status, requestId: res.headers.get('x-request-id'), body: text && JSON.parse(text) };
    }

    // What Microsoft dev tunnels, ngrok, nginx, IIS/ARR, Cloudflare and RFC 7239 proxies add on the way in.
    const added: [string, string][] = [
        ['forwarded', 'for=203.0.113.7;proto=https;host=abc123-3978.euw.devtunnels.ms'],
        ['x-forwarded-for', '203.0.113.7'],
        ['x-forwarded-host', 'abc123-3978.euw.devtunnels.ms'],
        ['x-forwarded-proto', 'https'],
        ['x-original-proto', 'https'],
        ['x-original-host', 'abc123-3978.euw.devtunnels.ms'],
        ['x-ms-devtunnel-id', 'abc123'],
        ['via', '1.1 proxy.example'],
        ['x-real-ip', '203.0.113.7'],
        ['cf-connecting-ip', '203.0.113.7'],
    ];
    for (const [header, value] of added) {
        it(`When a message carries ${header}, then the answer is 403 with the reason, nothing runs and nothing is stored`, async () => {
            const before = dump(t.bot.db);
            const res = await post({ [header]: value });
            assert.equal(res.status, 403);
            assert.deepEqual(res.body, {
                error: 'authentication is not configured; requests through a proxy or tunnel are refused',
            });
            assert.equal(connector.sent.length, 0);
            assert.equal(dump(t.bot.db), before, 'the database is unchanged');
            const logged = t.logs.find((l) => l.requestId === res.requestId && /forwarded request refused/.test(l.msg));
            assert.match(logged?.msg ?? '', /MicrosoftAppId is not set/);
            assert.deepEqual(logged?.headers, [header]);
            assert.ok(!JSON.stringify(logged).includes(value), 'header values are not logged');
        });
    }

    it('When /healthz or a download link is asked through a tunnel, then it is refused too', async () => {
        const link = new URL(t.bot.deps.downloads.link('ics', 'x', 60));
        for (const path of ['/healthz', `${link.pathname}${link.search}`, '/nowhere']) {
            const res = await fetch(`${t.url}${path}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
            assert.equal(res.status, 403, path);
            assert.match(((await res.json()) as { error: string }).error, /through a proxy or tunnel/, path);
        }
    });

    it('When a message comes straight from this machine, then it runs as usual', async () => {
        const res = await post({ 'x-request-id': 'not-a-forwarding-header' });
        assert.equal(res.status, 200);
        assert.equal(connector.messages().length, 1);
    });
});
