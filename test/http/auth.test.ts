// With an app id configured, /api/messages only runs a turn for a genuine Bot Framework channel token (botbuilder's validation).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import type { Db } from '../../src/storage/db';
import { personalMessage } from '../fixtures/activities';
import { isolateNetwork, SERVICE_URL, startBot, type TestBot } from '../helpers/bot';
import {
    authEnv,
    channelToken,
    nockChannelOpenId,
    nockOutboundToken,
    strangerKey,
    TEST_APP_PASSWORD,
    unsignedToken,
    type TokenOptions,
} from '../helpers/jwt';

const OUTBOUND_TOKEN = 'outbound-access-token-4711';
const member = { id: '29:member-auth', name: 'Maja Medlem', aadObjectId: 'aad-member-auth' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Every row of every table, bot state and conversation refs included (helpers/db-dump.ts skips those). */
function dump(db: Db): string {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${String(t)}"`).all()]));
}

/** The Bot Connector at SERVICE_URL: records each activity with its Authorization header; knows no members. */
function nockConnectorWithHeaders() {
    const sent: { authorization?: string; body: Record<string, any> }[] = [];
    nock(new URL(SERVICE_URL).origin)
        .persist()
        .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
        .reply(function (_path, body) {
            sent.push({ authorization: this.req.headers.authorization, body: body as Record<string, any> });
            return [200, { id: `act-${sent.length}` }];
        })
        .get(/\/v3\/conversations\/[^/]+\/members\/[^/]+$/)
        .reply(404, { error: { code: 'MemberNotFoundInConversation' } });
    return sent;
}

describe('Bot Framework authentication on /api/messages', () => {
    let t: TestBot;
    let appId: string;
    let sent: ReturnType<typeof nockConnectorWithHeaders>;
    let tokenRequests: string[];
    let consoleLines: string[];
    const original = { error: console.error, warn: console.warn };

    before(isolateNetwork);
    beforeEach(async () => {
        // botframework-connector reports refusals with console.error; keep them to check them, not to print them.
        consoleLines = [];
        console.error = (...args: unknown[]) => void consoleLines.push(args.map(String).join(' '));
        console.warn = console.error;
        nockChannelOpenId();
        ({ tokenRequests } = nockOutboundToken(OUTBOUND_TOKEN));
        sent = nockConnectorWithHeaders();
        appId = randomUUID();
        t = await startBot({ env: authEnv(appId) });
    });
    afterEach(async () => {
        Object.assign(console, original);
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    /** A channel token for this test's bot, for the activity's serviceUrl unless told otherwise. */
    const token = (opts: TokenOptions = {}, serviceUrl = SERVICE_URL) => channelToken(serviceUrl, { appId, ...opts });

    async function post(authorization?: string, headers: Record<string, string> = {}) {
        const activity = personalMessage(member, 'hjälp');
        const res = await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
            body: JSON.stringify(activity),
        });
        return { status: res.status, requestId: res.headers.get('x-request-id'), text: await res.text() };
    }

    const refused: [string, () => string | undefined][] = [
        ['there is no Authorization header', () => undefined],
        ['the scheme is not Bearer', () => `Basic ${Buffer.from(`${appId}:${TEST_APP_PASSWORD}`).toString('base64')}`],
        ['the token is signed with a key the channel never published', () => `Bearer ${token({ key: strangerKey() })}`],
        ['the token is unsigned (alg none)', () => `Bearer ${unsignedToken(SERVICE_URL, { appId })}`],
        ['the token is for another app (audience)', () => `Bearer ${token({ appId: randomUUID() })}`],
        [
            'the token has another issuer',
            () => `Bearer ${token({ claims: { iss: 'https://api.botframework.com.attacker.example' } })}`,
        ],
        ['the token has expired', () => `Bearer ${token({ now: nowSeconds() - 2 * 3600 })}`],
        ['the token has no expiry (exp) at all', () => `Bearer ${token({ claims: { exp: undefined } })}`],
        ['the token is not valid yet', () => `Bearer ${token({ claims: { nbf: nowSeconds() + 3600 } })}`],
        [
            'the serviceurl claim differs from the activity serviceUrl',
            () => `Bearer ${token({}, 'https://smba.attacker.example/teams/')}`,
        ],
    ];
    for (const [what, authorization] of refused) {
        it(`When ${what}, then the answer is 401, no turn runs and nothing is stored or sent`, async () => {
            const before = dump(t.bot.db);
            const res = await post(authorization());
            assert.equal(res.status, 401);
            assert.deepEqual(JSON.parse(res.text), { error: 'unauthorized' });
            assert.equal(sent.length, 0, 'nothing reached the connector');
            assert.equal(tokenRequests.length, 0, 'no outbound token was asked for');
            assert.deepEqual(t.bot.deps.refs.list('conversation'), []);
            assert.deepEqual(t.bot.deps.refs.list('user'), []);
            assert.equal(dump(t.bot.db), before, 'the database is unchanged');
            const logged = t.logs.find((l) => l.msg === 'authentication failed');
            assert.ok(logged, 'the refusal is logged');
            assert.equal(logged.requestId, res.requestId, 'under the request id the caller was given');
        });
    }

    it('When the token is a genuine channel token, then the turn runs and the reply carries the bot’s own bearer token', async () => {
        const res = await post(`Bearer ${token()}`);
        assert.equal(res.status, 200);
        assert.equal(sent.length, 1);
        assert.match(String(sent[0].body.text), /Fryksdalens samordningsförbund/);
        assert.equal(sent[0].authorization, `Bearer ${OUTBOUND_TOKEN}`);
        const tokenRequest = new URLSearchParams(tokenRequests[0]);
        assert.equal(tokenRequest.get('client_id'), appId);
        assert.equal(tokenRequest.get('grant_type'), 'client_credentials');
        assert.equal(tokenRequest.get('scope'), 'https://api.botframework.com/.default');
        assert.equal(t.bot.deps.refs.get('user', member.id)?.serviceUrl, SERVICE_URL);
    });

    it('When a genuine channel token comes through a reverse proxy (X-Forwarded-* headers), then the turn runs', async () => {
        const proxied = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https', via: '1.1 proxy' };
        const res = await post(`Bearer ${token()}`, proxied);
        assert.equal(res.status, 200);
        assert.equal(sent.length, 1);
    });

    it('When the body is gzip-compressed, then the answer is 415 before authentication: not inflated, nothing run', async () => {
        const body = gzipSync(JSON.stringify(personalMessage(member, 'hjälp')));
        const req = request(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        });
        req.end(body);
        const [res] = (await once(req, 'response')) as [IncomingMessage];
        res.resume();
        assert.equal(res.statusCode, 415, 'refused before the missing token is even looked at');
        assert.equal(sent.length, 0);
        assert.equal(t.logs.filter((l) => l.msg === 'authentication failed').length, 0);
    });

    it('When turns are accepted and refused, then neither the app password nor any token appears in a log line', async () => {
        const inbound = token();
        assert.equal((await post(`Bearer ${inbound}`)).status, 200);
        const forged = token({ key: strangerKey() });
        assert.equal((await post(`Bearer ${forged}`)).status, 401);
        assert.equal((await post()).status, 401);
        assert.ok(tokenRequests[0].includes(encodeURIComponent(TEST_APP_PASSWORD)), 'the password was really used');
        const lines = [...t.logs.map((l) => JSON.stringify(l)), ...consoleLines];
        assert.ok(lines.length > 5, 'there are log lines to look at');
        for (const secret of [TEST_APP_PASSWORD, inbound, forged, OUTBOUND_TOKEN]) {
            const leaks = lines.filter((l) => l.includes(secret));
            assert.deepEqual(leaks, [], 'a secret reached the log');
        }
    });
});
