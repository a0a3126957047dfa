// A turn logs under the request that started it: the request id a caller is shown finds the turn's own log lines.
import assert from 'node:assert/strict';
import nock from 'nock';
import { personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, SERVICE_URL, startBot, type TestBot } from '../helpers/bot';

const member = { id: '29:member-request-id', name: 'Maja Medlem', aadObjectId: 'aad-member-request-id' };

describe('Request ids in turn logs', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let refusal: nock.Scope;
    before(isolateNetwork);
    beforeEach(async () => {
        // The connector refuses the first reply (400, which nothing retries), so the turn fails; the apology goes out.
        refusal = nock(new URL(SERVICE_URL).origin)
            .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
            .reply(400, { error: { code: 'BadArgument', message: 'refused by the test' } });
        connector = nockConnector();
        t = await startBot();
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When a turn fails, then its "turn failed" log line carries the x-request-id the answer showed', async () => {
        const res = await fetch(`${t.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(personalMessage(member, 'hjälp')),
        });
        await res.text();
        const requestId = res.headers.get('x-request-id');
        assert.ok(requestId, 'the answer names its request id');
        const failed = t.logs.filter((l) => l.msg === 'turn failed');
        assert.equal(failed.length, 1, 'the turn failed once');
        assert.equal(failed[0].requestId, requestId);
        assert.ok(refusal.isDone(), "the refused reply was the turn's own");
        assert.match(connector.texts().join('\n'), /Något gick fel hos mig/);
    });
});
