// Chat Q&A over the real HTTP endpoint: Teams-shaped messages (1:1 and channel @mention), cards, text and buttons.
import assert from 'node:assert/strict';
import nock from 'nock';
import { checkCard } from '../../src/cards/check';
import { channelMessage, executeAction, personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const user = { id: '29:board-member', name: 'Styrelseledamot', aadObjectId: 'aad-board-member' };
const at = (d: string) => new Date(`${d}T12:00:00+01:00`);
type Card = { body: Record<string, any>[]; actions?: { type: string; verb: string; data: { q: string } }[] };
const cardOf = (body: Record<string, any>) => body.attachments?.[0]?.content as Card;

describe('Chat Q&A over HTTP', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    async function start(forbund: string, now: string) {
        connector = nockConnector();
        t = await startBot({ forbund: [forbund], overrides: { now: () => at(now) } });
    }

    it('When a board member asks Fryksdalen for the EK forecast in a 1:1 chat, then text and chart card show every year, basis and verdict', async () => {
        await start('fryksdalen', '2026-11-23');
        const res = await t.post(personalMessage(user, 'Vad är vår prognos för eget kapital?'));
        assert.equal(res.status, 200);
        const [msg] = connector.messages();
        const text = String(msg.body.text);
        assert.match(
            text,
            /2024: \*\*632 234 kr\*\* \(tryckt i planen\) – 20,8 % av tilldelade medel – över taket 20 %/,
        );
        assert.match(text, /2025: \*\*170 514 kr\*\* \(beräknat\)/);
        assert.match(
            text,
            /2026: \*\*−291 206 kr\*\* \(beräknat\) – −9,6 % av tilldelade medel – NEGATIVT eget kapital/,
        );
        assert.match(text, /Källa: Verksamhetsplan och budget 2024, prognos 2025–2026, Fryksdalens samordningsförbund/);
        const card = cardOf(msg.body);
        const chart = card.body.find((e) => e.type === 'Chart.Line')!;
        assert.deepEqual(
            chart.data[0].values.map((v: { x: string; y: number }) => [v.x, v.y]),
            [
                ['2024', 632234],
                ['2025', 170514],
                ['2026', -291206],
            ],
        );
        assert.equal(chart.fallback.type, 'Table');
        assert.match(JSON.stringify(chart.fallback), /632 234 kr.*170 514 kr.*−291 206 kr/);
        assert.match(JSON.stringify(card), /Källa: Verksamhetsplan och budget 2024/);
        assert.deepEqual(checkCard(card as never), []);
    });

    it('When a board member asks what the beredningsgrupp does, then the plan is quoted on the quote card with its section as the source', async () => {
        await start('nedansiljan', '2025-03-10');
        const res = await t.post(personalMessage(user, 'Vad gör beredningsgruppen?'));
        assert.equal(res.status, 200);
        const [msg] = connector.messages();
        assert.match(String(msg.body.text), /^\*\*Ur planen\*\*\n> /);
        assert.match(String(msg.body.text), /förankring och förberedelser av förslag till styrelsen/);
        const card = cardOf(msg.body);
        assert.match(
            JSON.stringify(card),
            /Källa: Nedansiljans samordningsförbund, Verksamhetsplan 2025 .*3\.1\.2 Målområde 2/,
        );
        assert.deepEqual(checkCard(card as never), []);
    });

    it('When a question asks for a figure the data holds, then the model answers it, not a number in a passage', async () => {
        await start('nedansiljan', '2025-03-10');
        await t.post(personalMessage(user, 'Hur mycket eget kapital har vi vid ingången av 2025?'));
        const [msg] = connector.messages();
        assert.match(String(msg.body.text), /\*\*1 000 tkr\*\*/);
        assert.doesNotMatch(String(msg.body.text), /Ur planen/);
    });

    it('When Nedansiljan is asked in a channel with an @mention, then 756 / 610 / 600 tkr are printed and both roll-forward findings shown', async () => {
        await start('nedansiljan', '2026-11-23');
        await t.post(channelMessage(user, 'visa EK-prognosen'));
        const [msg] = connector.messages();
        assert.match(msg.path, /19%3Astyrelse-channel%40thread.tacv2|19:styrelse-channel@thread.tacv2/);
        const text = String(msg.body.text);
        assert.match(
            text,
            /2025: \*\*756 tkr\*\* \(tryckt i planen\).*tryckt 756 tkr, beräknat 761 tkr: skillnad −5 tkr/,
        );
        assert.match(
            text,
            /2026: \*\*610 tkr\*\* \(tryckt i planen\).*tryckt 610 tkr, beräknat 601 tkr: skillnad \+9 tkr/,
        );
        assert.match(text, /2027: \*\*600 tkr\*\* \(tryckt i planen\)/);
        assert.doesNotMatch(text, /756 000/);
        const rows = JSON.stringify(cardOf(msg.body));
        assert.match(rows, /skillnad −5 tkr/);
        assert.match(rows, /skillnad \+9 tkr/);
    });

    it('When a question is ambiguous about the year, then the clarify card buttons (qa.ask) answer as a new message and leave the card', async () => {
        await start('fryksdalen', '2027-02-01');
        await t.post(personalMessage(user, 'vad kostar navet i år'));
        const card = cardOf(connector.messages()[0].body);
        assert.deepEqual(
            card.actions!.map((a) => [a.type, a.verb, a.data.q]),
            ['2024', '2025', '2026'].map((y) => ['Action.Execute', 'qa.ask', `vad kostar navet i år ${y}`]),
        );
        connector.clear();
        const conversation = { id: `a:1on1-${user.id}`, conversationType: 'personal' };
        const res = await t.post(executeAction(user, 'qa.ask', card.actions![1].data, conversation));
        assert.equal(res.status, 200);
        assert.equal(res.body.type, 'application/vnd.microsoft.activity.message');
        assert.match(String(connector.texts().at(-1)), /\*\*Navet\*\*\n2025: \*\*2 599 000 kr\*\*/);
        assert.equal(connector.sent.filter((s) => s.method === 'PUT').length, 0, 'the clarify card is not replaced');
    });

    it('When a help card example button is pressed, then its question is answered', async () => {
        await start('fryksdalen', '2026-11-23');
        await t.post(personalMessage(user, 'hjälp'));
        const help = cardOf(connector.messages()[0].body);
        const check = help.actions!.find((a) => /Kontrollera budgeten/.test(a.data.q))!;
        connector.clear();
        const conversation = { id: `a:1on1-${user.id}`, conversationType: 'personal' };
        await t.post(executeAction(user, check.verb, check.data, conversation));
        assert.match(String(connector.texts().at(-1)), /Regelbrott\*\* \(\d+\)[\s\S]*2024: Eget kapital över taket/);
    });

    it('When an off-topic question comes in, then the bot says so and names what it can answer', async () => {
        await start('fryksdalen', '2026-11-23');
        await t.post(personalMessage(user, 'Vad blir vädret i Torsby imorgon?'));
        assert.match(String(connector.texts()[0]), /Det kan jag inte svara på.*budget och eget kapital/);
    });
});
