// Deadline chat through the real HTTP endpoint: list, add a one-off, mark done; and the app's tick sending to the chef.
import assert from 'node:assert/strict';
import nock from 'nock';
import { personalMessage, type User } from '../fixtures/activities';
import { teamsUser } from '../fixtures/people';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const chef = teamsUser('helena-vik', 'Helena Vik');
const anders = teamsUser('anders-berg', 'Anders Berg');
const members = Object.fromEntries([chef, anders].map((p) => [p.id, p]));
const BASE = Date.parse('2025-11-13T10:00:00Z');

describe('Deadlines and reminders in chat (Fryksdalen)', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let offset = 0;
    const now = () => new Date(BASE + offset);
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.messages().at(-1)!.body;
    };
    const deadlines = () =>
        t.bot.db
            .prepare("SELECT key, done_by FROM deadlines WHERE origin = 'chatt' OR done_at IS NOT NULL ORDER BY key")
            .all();

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides: { now, sleep: async (ms: number) => void (offset += ms) } });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the chef asks "vilka deadlines har vi?", then the budget, årsredovisning and delårsrapport are listed with day and source', async () => {
        const reply = await say(chef, 'vilka deadlines har vi?');
        assert.match(reply.text, /\*\*30 nov\. 2025\*\* Styrelsen fastställer budget 2026 \(23 § lag \(2003:1210\)/);
        assert.match(reply.text, /31 mars 2026\*\* Årsredovisning 2025 upprättad/);
        assert.match(
            reply.text,
            /31 aug\. 2026\*\* Delårsrapport 2026 \(Förbundets plan: Uppföljning sker genom delårsrapport/,
        );
        assert.match(reply.text, /Månadsrapport Projekt Navet, november 2025/);
        const card = reply.attachments[0].content;
        assert.match(JSON.stringify(card), /30, 14, 7 och 1 dagar före och på dagen/);
    });

    it('When asked in English, then the list is in English', async () => {
        const reply = await say(chef, 'which deadlines do we have?');
        assert.match(reply.text, /The board fixes the budget for 2026/);
    });

    it('When a ledamot writes "påminn mig om revisionsmötet 3 mars", then it is refused and nothing is stored', async () => {
        const reply = await say(anders, 'påminn mig om revisionsmötet 3 mars');
        assert.match(reply.text, /Det får bara förbundschef göra\. Inget har ändrats\./);
        assert.deepEqual(deadlines(), []);
    });

    it('When the chef writes "påminn mig om revisionsmötet 3 mars", then it is stored once and listed', async () => {
        const reply = await say(chef, 'påminn mig om revisionsmötet 3 mars');
        assert.match(
            reply.text,
            /Sparat: \*\*revisionsmötet\*\* 3 mars 2026\. Jag påminner dig i en 1:1-chatt den 1 februari, 17 februari, 24 februari, 2 mars, 3 mars, kl\. 08/,
        );
        const again = await say(chef, 'påminn mig om revisionsmötet 3 mars');
        assert.match(again.text, /Den finns redan/);
        assert.deepEqual(deadlines(), [
            {
                key: `egen:${t.bot.deps.roster.bySlug('fryksdalen', 'helena-vik').id}:2026-03-03:revisionsmotet`,
                done_by: null,
            },
        ]);
        assert.match(
            (await say(chef, 'vilka deadlines har vi?')).text,
            /3 mars 2026\*\* revisionsmötet \(Tillagd i chatten av Helena Vik 13 november 2025\)/,
        );
    });

    it('When the chef gives no date, then the bot asks for one', async () => {
        assert.match((await say(chef, 'påminn mig om revisionsmötet')).text, /Vilket datum\?/);
    });

    it("When the one-off deadline comes within 7 days, then the app's tick reminds the chef in the 1:1 chat", async () => {
        connector.clear();
        const report = await t.bot.reminders.tick(new Date('2026-02-24T07:00:00Z'));
        assert.ok(report.sent >= 1);
        const toChef = connector.messages().filter((m) => m.path.includes(encodeURIComponent('a:1on1-29:helena-vik')));
        assert.ok(toChef.some((m) => /Påminnelse: revisionsmötet/.test(m.body.text) && /om 7 dagar/.test(m.body.text)));
    });

    it('When a ledamot writes "budgeten är fastställd", then it is refused', async () => {
        assert.match((await say(anders, 'budgeten är fastställd')).text, /Det får bara förbundschef göra/);
    });

    it('When the chef writes "budgeten är fastställd", then the budget deadline is done and the tick sends no budget reminder', async () => {
        const reply = await say(chef, 'budgeten är fastställd');
        assert.match(reply.text, /Noterat: \*\*Styrelsen fastställer budget 2026\*\* \(30 november 2025\) är klar/);
        assert.match((await say(chef, 'budgeten är fastställd')).text, /redan klar \(Klar – markerad av Helena Vik\)/);
        connector.clear();
        await t.bot.reminders.tick(new Date('2025-11-16T07:00:00Z'));
        assert.ok(!connector.texts().some((x) => /budget 2026/.test(x)));
        assert.match(
            (await say(chef, 'vilka deadlines har vi?')).text,
            /budget 2026 .* – Klar – markerad av Helena Vik/,
        );
    });

    it('When the chef writes "klar: årsredovisning" (or a question about the budget), then only the statement marks done', async () => {
        assert.match((await say(chef, 'klar: årsredovisning')).text, /Noterat: \*\*Årsredovisning 2025 upprättad\*\*/);
        assert.match((await say(chef, 'klar: något som inte finns')).text, /hittar ingen öppen deadline/);
        const q = await say(chef, 'budgeten är fastställd?');
        assert.doesNotMatch(q.text, /Noterat/);
    });
});
