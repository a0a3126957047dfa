import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import nock from 'nock';
import { createTeamsAdapter } from '../../src/bot/adapter';
import { createProactiveSender } from '../../src/scheduler/sender';

type Pipeline = { getOrderedPolicies(): { name: string }[] };

describe('bot/adapter', () => {
    afterEach(() => nock.cleanAll());

    /** Runs one incoming message through the adapter; resolves with the connector client its turn was given. */
    async function turn(adapter: ReturnType<typeof createTeamsAdapter>, serviceUrl: string, text = 'hej') {
        let client: unknown;
        const activity = {
            type: 'message',
            id: `m-${Math.random()}`,
            text,
            channelId: 'msteams',
            serviceUrl,
            from: { id: '29:u' },
            recipient: { id: '28:bot' },
            conversation: { id: 'a:1', conversationType: 'personal' },
        };
        const res = { socket: null, status: () => res, header: () => res, send: () => res, end: () => res };
        await adapter.process({ body: activity, headers: {}, method: 'POST' }, res, async (ctx: TurnContext) => {
            client = ctx.turnState.get(adapter.ConnectorClientKey);
            await ctx.sendActivity(`svar på ${text}`);
        });
        return client as { client: { pipeline: Pipeline } };
    }

    it('When turns arrive from the same service URL, then they share one connector client and every reply is sent', async () => {
        const replies: string[] = [];
        for (const host of ['https://smba.one.test', 'https://smba.two.test']) {
            nock(host)
                .persist()
                .post(/\/v3\/conversations\/a%3A1\/activities\//)
                .reply(200, (_uri, body) => {
                    replies.push(`${host} ${(body as { text: string }).text}`);
                    return { id: 'r' };
                });
        }
        const adapter = createTeamsAdapter();
        const first = await turn(adapter, 'https://smba.one.test/', 'a');
        const second = await turn(adapter, 'https://smba.one.test/', 'b');
        const other = await turn(adapter, 'https://smba.two.test/', 'c');
        assert.equal(first, second);
        assert.notEqual(first, other);
        assert.deepEqual(replies, [
            'https://smba.one.test svar på a',
            'https://smba.one.test svar på b',
            'https://smba.two.test svar på c',
        ]);
    });

    it('When a proactive send has removed the SDK retries from its client, then incoming turns still keep theirs', async () => {
        nock('https://smba.one.test')
            .persist()
            .post(/\/v3\/conversations\/a%3A1\/activities/)
            .reply(200, { id: 'r' });
        const adapter = createTeamsAdapter();
        const before = await turn(adapter, 'https://smba.one.test/');
        const sender = createProactiveSender({
            adapter,
            appId: '',
            clock: { now: () => 0 },
            sleep: async () => undefined,
        });
        const sent = await sender.send(
            { serviceUrl: 'https://smba.one.test/', channelId: 'msteams', conversation: { id: 'a:1' } as never },
            { type: 'message', text: 'påminnelse' },
        );
        assert.equal(sent.ok, true);
        const after = await turn(adapter, 'https://smba.one.test/');
        assert.equal(after, before);
        const names = after.client.pipeline.getOrderedPolicies().map((p) => p.name);
        assert.ok(names.includes('defaultRetryPolicy'), names.join(', '));
    });
});
