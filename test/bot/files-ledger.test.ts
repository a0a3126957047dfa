// The ledger sent in the 1:1 chat over the real endpoint (nocked SharePoint download): SIE or CSV → preview card →
// save → the Q&A answers from it; bad files get their sentence in sv and en and change nothing; unclear files ask.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { checkCard } from '../../src/cards/check';
import { executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { FRYKSDALEN } from '../fixtures/utfall/figures';
import { dumpDb } from '../helpers/db-dump';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { button as find, cardOf, textOf, type Card } from '../helpers/cards';

const { chef, A, B } = FRYKSDALEN_STYRELSE;
const members = Object.fromEntries([chef, A, B].map((p) => [p.id, p]));
const NOW = new Date('2026-05-20T08:00:00Z');
const HOST = 'https://fryksdalen-my.sharepoint.com';
const PATH = '/personal/ekonom/_layouts/15/download.aspx?UniqueId=2&tempauth=bearer-secret';
const FILE_TYPE = 'application/vnd.microsoft.teams.file.download.info';
const FIXTURES = join(__dirname, '..', 'fixtures', 'utfall');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const kr = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
// Each month's sum per konto is rounded to whole kronor, as the import does.
const monthsKr = (pick: (konto: string) => boolean) =>
    FRYKSDALEN.filter((f) => pick(f.konto)).reduce((s, f) => s + f.months.reduce((t, v) => t + Math.round(v), 0), 0);

const english = (m: ReturnType<typeof personalMessage>) => ({ ...m, locale: 'en-GB' });
const withFile = (who: User, name: string, lang: 'sv' | 'en' = 'sv') => {
    const m = personalMessage(who, '');
    return {
        ...(lang === 'en' ? english(m) : m),
        attachments: [{ contentType: FILE_TYPE, name, content: { downloadUrl: HOST + PATH, uniqueId: '2' } }],
    };
};
const personal = (who: User) => ({ id: `a:1on1-${who.id}`, conversationType: 'personal' });

describe('The ledger sent to the bot in the 1:1 chat', function () {
    // Every file is read in a child process.
    this.timeout(60_000);
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const send = async (activity: object) => {
        connector.clear();
        await t.post(activity);
        return connector.messages().at(-1)!;
    };
    const sendFile = (body: Buffer | string, who: User, name: string, lang: 'sv' | 'en' = 'sv') => {
        nock(HOST).get(PATH).reply(200, body);
        return send(withFile(who, name, lang));
    };
    const press = async (who: User, verb: string, data: object) =>
        JSON.stringify((await t.post(executeAction(who, verb, data, personal(who)))).body);
    const button = (card: Card, title: string): { key: string } => find(card, title).data;
    /** The same card's button pressed anew (another nonce), as a second device or a retry would. */
    const anew = (card: Card, title: string) => {
        const data = button(card, title);
        return { ...data, key: data.key.replace(/\|[^|]+$/, '|freshnonce123') };
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides: { now: () => NOW } });
        // Anders Berg keeps the accounts: an ekonom on the roster may send them.
        const anders = t.bot.deps.roster.bySlug('fryksdalen', 'anders-berg');
        t.bot.deps.roster.addRole(
            'fryksdalen',
            'helena-vik',
            { personId: anders.id, name: anders.name },
            { role: 'ekonom' },
        );
        // First sight binds the Teams ids; later turns then change nothing but what they say.
        for (const who of [chef, A, B]) await send(personalMessage(who, 'hej'));
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the ekonom sends the SIE 4 file, then the preview shows the posts and only save stores the utfall the Q&A answers from', async () => {
        const before = await send(personalMessage(B, 'Hur ligger vi till mot budget?'));
        assert.match(before.body.text, /Inget utfall ur bokföringen är importerat för 2026 ännu/);
        const db = dumpDb(t.bot.db);

        const preview = await sendFile(fixture('fryksdalen-2026-sie4.se'), A, 'fryksdalen-2026-sie4.se');
        const card = cardOf(preview);
        assert.deepEqual(checkCard(card as never), []);
        const text = textOf(card);
        assert.match(text, /Förhandsvisning av utfallet/);
        assert.match(text, /januari–april 2026 \(4 månader\)/);
        assert.match(text, /SIE 4, fryksdalen-2026-sie4\.se/);
        assert.match(text, new RegExp(`"Intäkter","value":"${kr(-monthsKr((k) => k === '3010'))}"`));
        assert.match(text, new RegExp(`${kr(monthsKr((k) => k === '4010'))}`), 'Navet (konto 4010) summed');
        assert.match(text, /Inget utfall är sparat för januari–april 2026 ännu/);
        assert.equal(t.bot.deps.utfall.latestYear('fryksdalen'), undefined, 'a preview stores no utfall');
        const { file_readings: readings, ...rest } = dumpDb(t.bot.db);
        const { file_readings: _, ...restBefore } = db;
        assert.deepEqual(rest, restBefore, 'the preview row is the only write');
        assert.equal(readings.length, 1);
        assert.doesNotMatch(JSON.stringify(readings), /bearer-secret|#TRANS|Åsa/, 'no link, no bytes, no texts');

        const saved = await press(A, 'ledger.decide', button(card, 'Spara utfallet'));
        assert.match(saved, /Utfallet för januari–april 2026 är sparat ur fryksdalen-2026-sie4\.se/);
        const costs = monthsKr((k) => k !== '3010');
        const after = await send(personalMessage(B, 'Hur ligger vi till mot budget?'));
        assert.match(
            after.body.text,
            new RegExp(`Kostnader t\\.o\\.m\\. april 2026: ${kr(costs)}\\*\\* av 3 506 000 kr`),
        );
        assert.match(after.body.text, /SIE 4-fil fryksdalen-2026-sie4\.se/);

        const again = await press(A, 'ledger.decide', anew(card, 'Spara utfallet'));
        assert.match(again, /inaktuellt/);
        assert.equal(t.bot.deps.utfall.history('fryksdalen', '2026-01').length, 1, 'saved once');
    });

    it('When the same months come again with a changed figure, then the preview shows the difference and cancel keeps the stored utfall', async () => {
        const csv = fixture('fryksdalen-2026.csv')
            .toString('utf8')
            .replace('4010;;2026-01;205 000,00', '4010;;2026-01;215 000,00');
        assert.ok(csv.includes('215 000,00'), 'the fixture line was changed');
        const card = cardOf(await sendFile(csv, chef, 'utfall.csv'));
        const text = textOf(card);
        assert.match(text, /januari–april 2026 är redan sparat \(fryksdalen-2026-sie4\.se\)/);
        const navet = monthsKr((k) => k === '4010');
        assert.match(text, new RegExp(`: ${kr(navet)} → ${kr(navet + 10_000)}`));
        const before = dumpDb(t.bot.db).utfall_lines;
        assert.match(await press(chef, 'ledger.decide', button(card, 'Avbryt')), /Avbrutet\. Inget har sparats\./);
        assert.deepEqual(dumpDb(t.bot.db).utfall_lines, before);
        assert.match(await press(chef, 'ledger.decide', anew(card, 'Spara utfallet')), /inaktuellt/);
        assert.deepEqual(dumpDb(t.bot.db).utfall_lines, before);
    });

    it('When an English client sends the CSV, then the preview is in English', async () => {
        const card = cardOf(await sendFile(fixture('fryksdalen-2026.csv'), chef, 'utfall.csv', 'en'));
        const text = textOf(card);
        assert.match(text, /Outcome preview/);
        assert.match(text, /January–April 2026 \(4 months\)/);
        assert.match(text, /January–April 2026 is already stored/);
        assert.match(text, /The same amounts as those stored\./);
        assert.ok(card.actions.some((a: { title: string }) => a.title === 'Save the outcome'));
    });

    const sie = fixture('fryksdalen-2026-sie4.se').toString('latin1');
    const BAD: { what: string; file: string | Buffer; name: string; sv: RegExp; en: RegExp }[] = [
        {
            what: "another förbund's accounts",
            file: fixture('nedansiljan-2026-sie4.se'),
            name: 'bokforing.se',
            sv: /Filen är bokföringen för företaget ”Samordningsförbundet Nedansiljan”, inte för Fryksdalens samordningsförbund\..*Inget har ändrats\./,
            en: /The file is the accounts of the company “Samordningsförbundet Nedansiljan”, not of Fryksdalens samordningsförbund\..*Nothing was changed\./,
        },
        {
            what: 'a period outside the plan',
            file: 'konto;period;belopp\n4010;2019-03;1 000,00\n',
            name: 'utfall.csv',
            sv: /Planen har ingen budget för 2019 \(planens år: .*\).*Inget har ändrats\./,
            en: /The plan has no budget for 2019 \(the plan's years: .*\).*Nothing was changed\./,
        },
        {
            what: 'a garbled amount',
            file: Buffer.from(sie.replace(/(#TRANS 4010 \{\} )[\d.-]+/, '$112,5x'), 'latin1'),
            name: 'bokforing.se',
            sv: /Rad \d+: beloppet ”?"?12,5x"?”? för konto 4010 är inget tal.*Inget har ändrats\./,
            en: /Line \d+: the amount "12,5x" for account 4010 is not a number.*Nothing was changed\./,
        },
        {
            what: 'a month that has not begun',
            file: 'konto;period;belopp\n4010;2026-09;1 000,00\n',
            name: 'utfall.csv',
            sv: /Perioden 2026-09 har inte börjat än\..*Inget har ändrats\./,
            en: /The period 2026-09 has not started yet\..*Nothing was changed\./,
        },
    ];
    for (const c of BAD)
        it(`When the file has ${c.what}, then the sender is told why in sv and en and nothing changes`, async () => {
            const before = dumpDb(t.bot.db);
            const sv = await sendFile(typeof c.file === 'string' ? Buffer.from(c.file) : c.file, A, c.name);
            assert.match(String(sv.body.text), c.sv);
            const en = await sendFile(typeof c.file === 'string' ? Buffer.from(c.file) : c.file, A, c.name, 'en');
            assert.match(String(en.body.text), c.en);
            assert.deepEqual(dumpDb(t.bot.db), before);
        });

    it('When a ledamot sends the accounts, then they are refused and nothing is downloaded', async () => {
        const download = nock(HOST).get(PATH).reply(200, fixture('fryksdalen-2026-sie4.se'));
        const msg = await send(withFile(B, 'bokforing.se'));
        assert.match(textOf(msg.body), /förbundschef|ekonom/);
        assert.ok(!download.isDone());
        nock.cleanAll();
        connector = nockConnector(members);
    });

    it('When a CSV is neither the ledger layout nor anything known, then the bot asks with buttons, storing no bytes, and the answer says what to correct', async () => {
        const before = dumpDb(t.bot.db);
        const msg = await sendFile('namn;antal\nNavet;3\n', chef, 'lista.csv');
        const card = cardOf(msg);
        assert.deepEqual(checkCard(card as never), []);
        assert.match(textOf(card), /Jag kan inte avgöra av innehållet vad lista\.csv är/);
        assert.deepEqual(
            card.actions.map((a: { title: string }) => a.title),
            ['Budgeten', 'Bokföringen', 'Avbryt'],
        );
        const row = dumpDb(t.bot.db).file_readings.at(-1);
        assert.doesNotMatch(JSON.stringify(row), /Navet;3|bearer-secret/, 'neither the bytes nor the link');
        const ledger = await press(chef, 'file.kind', button(card, 'Bokföringen'));
        assert.match(ledger, /CSV-filen ska ha rubrikraden \\"konto;period;belopp\\"/);
        assert.match(await press(chef, 'file.kind', anew(card, 'Budgeten')), /inaktuellt/);

        const en = cardOf(await sendFile('namn;antal\nNavet;3\n', chef, 'lista.csv', 'en'));
        const wb = await press(chef, 'file.kind', button(en, 'The budget'));
        assert.match(wb, /the workbook: the file is not an Excel workbook \(\.xlsx\)/);
        const { file_readings: _r, ...rest } = dumpDb(t.bot.db);
        const { file_readings: _b, ...restBefore } = before;
        const changed = Object.keys(rest).filter((k) => JSON.stringify(rest[k]) !== JSON.stringify(restBefore[k]));
        assert.deepEqual(changed, ['action_keys'], 'asking changes nothing but the question rows and the presses');
    });
});
