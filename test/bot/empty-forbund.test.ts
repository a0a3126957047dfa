// A förbund set up with no data yet (FORBUND names it, no data file): its chef can onboard, and every handler copes.
import assert from 'node:assert/strict';
import nock from 'nock';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { personalMessage } from '../fixtures/activities';

const chef = { id: '29:ny-chef', name: 'Nora Ny', aadObjectId: 'aad-ny-chef' };
const MESSAGES = [
    'hjälp',
    'hur mycket eget kapital har vi?',
    'vilka parter ingår?',
    'totala kostnader 2027',
    'kontrollera budgeten',
    'vilka mål har vi?',
    'rapportera',
    'följ upp rapporterna',
    'visa mötena',
    'nytt möte styrelsen 2027-02-01 kl 13',
    'påminnelser',
    'visa registret',
    'vem är ordförande?',
    'när är nästa möte?',
    'lägg till Anna Berg som ledamot för kommunen',
];

describe('A förbund with no data yet', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector({ [chef.id]: { ...chef, email: 'nora.ny@ny-forbund.example' } });
        t = await startBot({
            forbund: ['ny-forbund'],
            overrides: { now: () => new Date('2026-11-20T10:00:00Z') },
        });
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When its chef redeems the setup code and asks anything, then every message gets a reply and nothing fails', async () => {
        const code = t.setupCode('ny-forbund');
        assert.ok(code, 'the setup code is logged on first start');
        await t.post(personalMessage(chef, `jag är förbundschef ${code}`));
        assert.match(connector.texts().at(-1)!, /Du är nu förbundschef för ny-forbund/);
        for (const text of MESSAGES) {
            connector.clear();
            const res = await t.post(personalMessage(chef, text));
            assert.ok(res.status < 300, `"${text}" → HTTP ${res.status}`);
            assert.ok(connector.messages().length > 0, `"${text}" got a reply`);
            if (process.env.SHOW) console.log(text, '→', connector.texts().join(' | ').slice(0, 200));
        }
        connector.clear();
        await t.post(personalMessage(chef, 'hur mycket eget kapital har vi?'));
        assert.match(connector.texts()[0], /ingen plan eller budget i boten ännu/);
        assert.match(connector.texts()[0], /npm run forbund -- import/);
        await t.bot.reminders.tick(new Date('2026-11-25T07:00:00Z'));
        const errors = t.logs.filter((l) => l.level === 'error' || l.level === 50);
        assert.deepEqual(errors, []);
    });
});
