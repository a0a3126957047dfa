// Ekonomisk rapport from utfall over the real HTTP endpoint: chat answers, the agenda item and the chef's reminder.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import nock from 'nock';
import { runUtfall } from '../../src/cli/utfall';
import { checkCard } from '../../src/cards/check';
import { personalMessage } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { FRYKSDALEN, PERIODS } from '../fixtures/utfall/figures';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { cardOf, textOf } from '../helpers/cards';
import { forbund } from '../domain/load';

const { chef, A } = FRYKSDALEN_STYRELSE;
const members = Object.fromEntries([chef, A].map((p) => [p.id, p]));
const NOW = new Date('2026-05-20T08:00:00Z');
const FIXTURE = join(__dirname, '..', 'fixtures', 'utfall', 'fryksdalen-2026-sie4.se');
const kr = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

// The figures summed by the test: costs are every konto but 3010 (intäkter), Navet is konto 4010.
const sumKr = (pick: (konto: string) => boolean) =>
    FRYKSDALEN.filter((f) => pick(f.konto)).reduce(
        (s, f) => s + f.months.reduce((t, v) => t + Math.round(Math.round(v * 100) / 100), 0),
        0,
    );
const perMonthKr = (konto: string) =>
    PERIODS.map((_, m) => Math.round(FRYKSDALEN.filter((f) => f.konto === konto)[0].months[m])).reduce((a, b) => a + b);

describe('Ekonomisk rapport from utfall (Fryksdalen, SIE 4 January–April 2026)', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let offset = 0;
    const now = () => new Date(NOW.getTime() + offset);
    const f = forbund('fryksdalen');
    const withDueDay = { ...f, utfall: f.utfall && { ...f.utfall, dueDay: 15 } };
    const ask = async (text: string, who = A) => {
        connector.clear();
        await t.post(personalMessage(who, text));
        return connector.messages().at(-1)!;
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({
            overrides: { now, forbund: [withDueDay], sleep: async (ms: number) => void (offset += ms) },
        });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When nothing is imported, then "hur ligger vi till mot budget?" says so and how utfall gets in', async () => {
        const msg = await ask('Hur ligger vi till mot budget?');
        assert.match(msg.body.text, /Inget utfall ur bokföringen är importerat för 2026 ännu/);
    });

    it("When April's utfall is not imported by the förbund's day (15 May), then the tick reminds the chef once", async () => {
        await t.post(personalMessage(chef, 'hej')); // the chef writes once, so the bot can reach them 1:1
        connector.clear();
        await t.bot.reminders.tick(new Date('2026-05-15T07:00:00Z'));
        const toChef = connector.texts().filter((x) => /Utfall ur bokföringen för april 2026/.test(x));
        assert.equal(toChef.length, 1);
        connector.clear();
        await t.bot.reminders.tick(new Date('2026-05-15T09:00:00Z'));
        assert.equal(connector.texts().filter((x) => /Utfall ur bokföringen/.test(x)).length, 0, 'once only');
    });

    it('When the SIE 4 file is imported, then "hur ligger vi till mot budget?" gives the costs so far and the report card', async () => {
        const out: string[] = [];
        const code = await runUtfall(['import', FIXTURE, '--forbund', 'fryksdalen', '--spara', '--av', 'helena-vik'], {
            db: t.bot.db,
            forbund: [withDueDay],
            now,
            out: (s) => out.push(s),
        });
        assert.equal(code, 0, out.join('\n'));
        const costs = sumKr((k) => k !== '3010');
        const msg = await ask('Hur ligger vi till mot budget?');
        assert.match(
            msg.body.text,
            new RegExp(`Kostnader t\\.o\\.m\\. april 2026: ${kr(costs)}\\*\\* av 3 506 000 kr`),
        );
        assert.match(msg.body.text, /pro rata 33,3 %/);
        assert.match(msg.body.text, /Utfall t\.o\.m\. april 2026 ur bokföringen \(SIE 4-fil fryksdalen-2026-sie4\.se/);
        const card = cardOf(msg);
        assert.deepEqual(checkCard(card as never), []);
        const chart = card.body.find((e: { type: string }) => e.type === 'Chart.VerticalBar.Grouped');
        assert.ok(chart, 'a grouped bar chart');
        assert.equal(chart.fallback.type, 'Table');
        const navet = chart.data[1].values.find((v: { x: string }) => v.x === 'Navet');
        assert.equal(
            navet.y,
            sumKr((k) => k === '4010'),
        );
        assert.match(textOf(card), /Eget kapital 2026/);
    });

    it('When asked "vad har Navet förbrukat?" (and in English), then the post\'s utfall, share and prognos', async () => {
        const navet = sumKr((k) => k === '4010');
        assert.equal(navet, perMonthKr('4010'));
        const sv = await ask('Vad har Navet förbrukat?');
        assert.match(
            sv.body.text,
            new RegExp(
                `\\*\\*Navet\\*\\* har förbrukat \\*\\*${kr(navet)}\\*\\* av 2 599 000 kr \\(33,5 %\\) t\\.o\\.m\\. april 2026`,
            ),
        );
        assert.match(sv.body.text, new RegExp(`Helårsprognos ${kr(Math.round((navet * 12) / 4))}`));
        const en = await ask('How much has Navet spent so far?');
        assert.match(en.body.text, new RegExp(`\\*\\*Navet\\*\\* has used \\*\\*${kr(navet)}\\*\\* of 2 599 000 kr`));
    });

    it('When asked for the full-year prognos, then the prognos totals and EK with the prognos, in Swedish and English', async () => {
        const sv = await ask('Prognos för helåret?');
        assert.match(sv.body.text, /Helårsprognos 2026:\*\* intäkter 3 044 280 kr, kostnader/);
        assert.match(sv.body.text, /Eget kapital vid utgången av 2026 med prognosen/);
        const en = await ask("What's the full year forecast?");
        assert.match(en.body.text, /Full-year prognos 2026:\*\* income 3 044 280 kr/);
    });

    it('When the chef creates a styrelse meeting, then its "Ekonomisk rapport" comes from the latest utfall with the same figures', async () => {
        const chat = (await ask('Hur ligger vi till mot budget?')).body.text as string;
        const costs = /Kostnader t\.o\.m\. april 2026: ([\d  ]+ kr)/.exec(chat)?.[1];
        assert.ok(costs);
        const reply = await ask('nytt styrelsemöte 12 juni 13:00', chef);
        const agenda = textOf(cardOf(reply));
        assert.match(agenda, /Utfall t\.o\.m\. april 2026 ur bokföringen/);
        assert.ok(agenda.includes(`Kostnader hittills ${costs} av budget 3 506 000 kr`), agenda);
        const item = t.bot.db
            .prepare("SELECT details FROM agenda_items WHERE title = 'Ekonomisk rapport'")
            .pluck()
            .get();
        assert.match(String(item), /Helårsprognos: intäkter 3 044 280 kr/);
    });

    it("When the chef makes a ledamot ekonom, then the next month's utfall reminder goes to both of them", async () => {
        const reply = await ask('lägg till Anders Berg som ekonom', chef);
        assert.match(reply.body.text, /Anders Berg är nu ekonom/);
        connector.clear();
        await t.bot.reminders.tick(new Date('2026-06-15T07:00:00Z'));
        const to = (u: typeof chef) =>
            connector
                .messages()
                .filter((m) => m.path.includes(encodeURIComponent(`a:1on1-${u.id}`)))
                .filter((m) => /Utfall ur bokföringen för maj 2026/.test(JSON.stringify(m.body)));
        assert.equal(to(chef).length, 1);
        assert.equal(to(A).length, 1);
    });
});
