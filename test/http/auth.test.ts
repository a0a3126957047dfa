import nock from 'nock';
import { isolateNetwork, nockConnector, SERVICE_URL, startBot } from '../helpers/bot';
import { AUTH_ENV, channelToken, nockChannelOpenId, nockOutboundToken, strangerKey } from '../helpers/jwt';
import { personalMessage } from '../fixtures/activities';

describe('explore auth', () => {
    before(isolateNetwork);
    it('explore', async () => {
        nock.emitter.on('no match', (req: any) => console.log('NO MATCH', req.method, req.href ?? req.path ?? req));
        const connector = nockConnector();
        nockChannelOpenId();
        nockOutboundToken('outbound-token-123');
        const t = await startBot({ env: AUTH_ENV });
        const member = { id: '29:m', name: 'M', aadObjectId: 'aad-m' };
        const cases: [string, Record<string, string>][] = [
            ['none', {}],
            ['valid', { authorization: `Bearer ${channelToken(SERVICE_URL)}` }],
            ['badsig', { authorization: `Bearer ${channelToken(SERVICE_URL, { key: strangerKey() })}` }],
            ['aud', { authorization: `Bearer ${channelToken(SERVICE_URL, { claims: { aud: 'x' } })}` }],
            ['iss', { authorization: `Bearer ${channelToken(SERVICE_URL, { claims: { iss: 'https://evil' } })}` }],
            ['exp', { authorization: `Bearer ${channelToken(SERVICE_URL, { now: Math.floor(Date.now() / 1000) - 7200 })}` }],
            ['svc', { authorization: `Bearer ${channelToken('https://evil.example/')}` }],
        ];
        for (const [name, headers] of cases) {
            const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(personalMessage(member, 'hjälp')) });
            console.log('CASE', name, res.status, JSON.stringify([...res.headers]), (await res.text()).slice(0, 300), 'sent', connector.sent.length, JSON.stringify(connector.sent.map(s => 0)));
        }
        await t.close();
        nock.cleanAll();
    });
});
