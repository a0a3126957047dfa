import nock from 'nock';
import { isolateNetwork, nockConnector, startBot } from '../helpers/bot';
import { personalMessage } from '../fixtures/activities';

describe('explore limits', () => {
    before(isolateNetwork);
    it('explore', async () => {
        const connector = nockConnector();
        const t = await startBot();
        t.bot.server.on('after', (req: any, res: any) => console.log('AFTER', req.method, req.url, res.statusCode));
        t.bot.server.get('/boom', async () => { throw new Error('kaboom /secret/path.ts:12'); });
        const member = { id: '29:m', name: 'M', aadObjectId: 'aad-m' };
        const big = personalMessage(member, 'hjälp') as any;
        big.channelData.pad = 'x'.repeat(300 * 1024);
        const show = async (name: string, res: Response) => console.log('CASE', name, res.status, JSON.stringify([...res.headers]), (await res.text()).slice(0, 300), 'sent', connector.sent.length);
        await show('big', await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(big) }));
        const huge = 'x'.repeat(20 * 1024 * 1024);
        try { await show('huge', await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"a":"${huge}"}` })); } catch (e) { console.log('huge err', e); }
        await show('badjson', await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' }));
        await show('get404', await fetch(`${t.url}/admin`));
        await show('post404', await fetch(`${t.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
        await show('get405', await fetch(`${t.url}/api/messages`));
        await show('boom', await fetch(`${t.url}/boom`));
        await show('text', await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }));
        t.bot.deps.db.close();
        await show('dbclosed', await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage(member, 'hjälp')) }));
        console.log(JSON.stringify(t.logs.slice(-8), null, 0));
        await t.close();
        nock.cleanAll();
    });
});
