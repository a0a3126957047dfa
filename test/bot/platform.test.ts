import assert from 'node:assert/strict';
import nock from 'nock';
import { isolateNetwork, nockConnector, SERVICE_URL, startBot, type TestBot } from '../helpers/bot';
import { channelMessage, personalMessage } from '../fixtures/activities';

describe('HTTP endpoint', () => {
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

    const member = { id: '29:member-1', name: 'Maja Medlem', aadObjectId: 'aad-member-1' };

    it('When /healthz is asked after start, then it answers 200', async () => {
        const res = await fetch(`${t.url}/healthz`);
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { status: 'ok' });
    });

    it('When a personal message arrives, then the reply is posted to the activity serviceUrl in that conversation', async () => {
        const activity = personalMessage(member, 'hjälp');
        const res = await t.post(activity);
        assert.equal(res.status, 200);
        const [reply] = connector.messages();
        assert.ok(reply, 'a reply reached the connector');
        assert.equal(
            reply.path,
            `${new URL(SERVICE_URL).pathname}v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id)}`,
        );
        assert.match(reply.body.text, /Fryksdalens samordningsförbund/);
        assert.equal(reply.body.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
        assert.equal(reply.body.attachments[0].content.version, '1.5');
    });

    it('When a channel message @mentions the bot, then the mention is stripped and the bot answers in English when asked so', async () => {
        await t.post(channelMessage(member, 'help'));
        const [reply] = connector.texts();
        assert.match(reply, /What I can answer for Fryksdalens samordningsförbund/);
    });

    const invalid: [string, (a: Record<string, any>) => void][] = [
        ['no from', (a) => delete a.from],
        ['no serviceUrl', (a) => delete a.serviceUrl],
        ['no conversation id', (a) => (a.conversation = {})],
        ['no type', (a) => delete a.type],
        ['a serviceUrl that is not a URL', (a) => (a.serviceUrl = 'not a url')],
    ];
    for (const [what, breakIt] of invalid) {
        it(`When an activity has ${what}, then it is rejected with 400, logged, and nothing is sent`, async () => {
            const activity: Record<string, any> = personalMessage(member, 'hjälp');
            breakIt(activity);
            const res = await t.post(activity);
            assert.equal(res.status, 400);
            assert.equal(connector.sent.length, 0);
            assert.ok(t.logs.some((l) => l.msg === 'activity rejected' && typeof l.requestId === 'string'));
        });
    }

    it('When the body is not JSON, then the answer is 400 without a stack trace', async () => {
        const res = await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"type": "message",',
        });
        assert.equal(res.status, 400);
        assert.doesNotMatch(await res.text(), /at \w+ \(|\.ts:\d+/);
    });

    it('When an unknown route is asked, then the answer is 404', async () => {
        assert.equal((await fetch(`${t.url}/admin`)).status, 404);
    });

    it('When messages arrive, then conversation references are stored per conversation and per user', async () => {
        await t.post(personalMessage(member, 'hjälp'));
        await t.post(channelMessage(member, 'hjälp'));
        const refs = t.bot.deps.refs;
        const personal = refs.get('user', member.id);
        assert.equal(personal?.conversation?.id, `a:1on1-${member.id}`);
        assert.equal(personal?.serviceUrl, SERVICE_URL);
        assert.equal(personal?.activityId, undefined);
        const channel = refs.get('conversation', '19:styrelse-channel@thread.tacv2');
        assert.equal(
            channel?.conversation?.id,
            '19:styrelse-channel@thread.tacv2',
            'stored as the channel, not the thread',
        );
    });
});
