// With authentication on, proactive sends (and so the bot's token) only go to service URLs a validated request showed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { personalMessage } from '../fixtures/activities';
import { teamsUser } from '../fixtures/people';
import { isolateNetwork, nockConnector, SERVICE_URL, startBot } from '../helpers/bot';
import { authEnv, channelToken, nockChannelOpenId, nockOutboundToken } from '../helpers/jwt';
import { tempDir } from '../helpers/temp-dir';

const chef = teamsUser('helena-vik', 'Helena Vik');
const ELSEWHERE = 'https://smba.attacker.example/teams/';
const BASE = Date.parse('2025-11-13T10:00:00Z');

/** Whatever answers at ELSEWHERE: records every request with its Authorization header; vouches the caller is the chef. */
function nockElsewhere() {
    const seen: { method: string; path: string; authorization?: string }[] = [];
    const record = function (this: nock.ReplyFnContext, path: string) {
        seen.push({ method: this.req.method, path, authorization: this.req.headers.authorization });
        return [200, this.req.method === 'GET' ? chef : { id: `x-${seen.length}` }] as [number, object];
    };
    nock(new URL(ELSEWHERE).origin).persist().post(/.*/).reply(record).get(/.*/).reply(record);
    return seen;
}

describe('Proactive sends with authentication on', () => {
    let tmp: ReturnType<typeof tempDir>;
    const now = () => new Date(BASE);
    before(isolateNetwork);
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => {
        nock.cleanAll();
        tmp.cleanup();
    });
    after(() => nock.enableNetConnect());

    it('When the chef’s 1:1 reference was learned without an app id (an earlier run, same database), then no reminder, token or request goes to its service URL until an authenticated message replaces it', async () => {
        // An earlier run without an app id: anyone could post as the chef and name any serviceUrl.
        let elsewhere = nockElsewhere();
        const open = await startBot({ dataDir: tmp.dir, overrides: { now } });
        const forged = { ...personalMessage(chef, 'hjälp'), serviceUrl: ELSEWHERE };
        assert.equal((await open.post(forged)).status, 200);
        assert.equal(open.bot.deps.refs.get('user', chef.id)?.serviceUrl, ELSEWHERE);
        assert.ok(open.bot.deps.roster.byTeamsUserId(chef.id).length > 0, 'the member look-up there bound the chef');
        assert.ok(elsewhere.length > 0, 'the open bot did call that URL');
        await open.close(true);
        nock.cleanAll();

        // Now with authentication, on the same database.
        const appId = randomUUID();
        nockChannelOpenId();
        const { tokenRequests } = nockOutboundToken('outbound-token-trust');
        const connector = nockConnector();
        elsewhere = nockElsewhere();
        const t = await startBot({ dataDir: tmp.dir, env: authEnv(appId), overrides: { now } });
        try {
            // 16 November: 14 days before the budget deadline (30 November), a reminder for the förbundschef.
            const first = await t.bot.reminders.tick(new Date('2025-11-16T07:00:00Z'));
            assert.deepEqual(elsewhere, [], 'nothing reached the URL learned without authentication');
            assert.deepEqual(tokenRequests, [], 'no token was even asked for');
            assert.equal(first.sent, 0);
            const refused = t.logs.filter((l) => l.msg === 'proactive' && l.kind === 'untrusted-service-url');
            assert.ok(refused.some((l) => l.serviceUrl === ELSEWHERE && l.conversationId === `a:1on1-${chef.id}`));

            // The chef writes through Teams: a validated token for SERVICE_URL replaces the reference.
            const token = channelToken(SERVICE_URL, { appId });
            assert.equal(
                (await t.post(personalMessage(chef, 'hjälp'), { authorization: `Bearer ${token}` })).status,
                200,
            );
            connector.clear();
            const second = await t.bot.reminders.tick(new Date('2025-11-23T07:00:00Z'));
            assert.ok(second.sent >= 1);
            const toChef = connector.messages().filter((m) => m.path.includes(encodeURIComponent(`a:1on1-${chef.id}`)));
            assert.ok(
                toChef.some((m) => /budget 2026/.test(String(m.body.text))),
                'the reminder reached Teams',
            );
            assert.deepEqual(elsewhere, []);
        } finally {
            await t.close();
        }
    });
});
