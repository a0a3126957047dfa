// Monthly reports through the real HTTP endpoint: form, validation, versions, refusals, follow-up, masking, CSV.
import { parse } from 'csv-parse/sync';
import assert from 'node:assert/strict';
import nock from 'nock';
import { channelMessage, executeAction, groupMessage, personalMessage, type User } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { dumpDb } from '../helpers/db-dump';
import { errorAt, fryksdalenWithInsats, inputs, submitData, type Card } from '../helpers/report-form';

const user = (id: string, name: string, email: string): User & { email: string } => ({
    id: `29:${id}`,
    name,
    aadObjectId: `aad-${id}`,
    email,
});
const tomas = user('tomas', 'Tomas Ås', 'tomas.as@example.invalid'); // projektägare + styrgrupp Navet
const helena = user('helena', 'Helena Vik', 'helena.vik@example.invalid'); // förbundschef
const nina = user('nina', 'Nina Sjö', 'nina.sjo@example.invalid'); // styrgrupp Navet
const anders = user('anders', 'Anders Berg', 'anders.berg@example.invalid'); // ledamot
const petra = user('petra', 'Petra Prov', 'petra.prov@example.invalid'); // projektägare for an invented second insats
const PETRA = { ...petra, slug: 'petra-prov' };
const members = Object.fromEntries([tomas, helena, nina, anders, petra].map((u) => [u.id, u]));
// The last day of November: November itself can be reported from today.
const NOW = new Date('2024-11-30T10:00:00+01:00');

const SEPT = {
    'nya.kvinnor': 2,
    'nya.man': 1,
    'avslutade.kvinnor': 1,
    'avslutade.man': 1,
    'pagaende.kvinnor': 6,
    'pagaende.man': 4,
    'utfall.arbete': 1,
    'utfall.af': 1,
    'rem.torsby': 2,
    'rem.kil': 1,
    dagar: 200,
    'ind.tydlig-planering.besvarade': 2,
    'ind.tydlig-planering.positiva': 2,
};
const OCT = {
    'nya.kvinnor': 1,
    'nya.man': 2,
    'avslutade.kvinnor': 2,
    'pagaende.kvinnor': 5,
    'pagaende.man': 6,
    'utfall.studier': 1,
    'utfall.ovrigt': 1,
    'rem.sunne': 3,
    dagar: 300,
    'ind.tydlig-planering.besvarade': 2,
    'ind.tydlig-planering.positiva': 1,
    'ind.far-stod.besvarade': 4,
    'ind.far-stod.positiva': 4,
};

describe('Monthly reports', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const rows = () => (t.bot.db.prepare('SELECT count(*) AS n FROM report_versions').get() as { n: number }).n;
    const personal = (u: User) => ({ id: `a:1on1-${u.id}`, conversationType: 'personal' });
    const say = async (u: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(u, text));
        return connector.messages();
    };
    const openForm = async (u: User, text: string): Promise<Card> => {
        const [reply] = await say(u, text);
        assert.ok(reply.body.attachments, `a form card for "${text}": ${reply.body.text}`);
        return reply.body.attachments[0].content;
    };
    const submit = async (u: User, data: object) =>
        (await t.post(executeAction(u, 'report.submit', data, personal(u)))).body.value as Card;
    const report = async (month: string, values: Record<string, number | string>) =>
        submit(tomas, submitData(await openForm(tomas, `rapportera Navet ${month}`), values));

    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector(members);
        t = await startBot({
            overrides: {
                now: () => NOW,
                forbund: [fryksdalenWithInsats({ id: 'steget', name: 'Steget (testinsats)' }, PETRA)],
            },
        });
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When the projektägare sends a valid report, then it is stored once as version 1 and shows in the follow-up', async () => {
        const form = await openForm(tomas, 'rapportera');
        assert.match(JSON.stringify(form), /Månadsrapport Projekt Navet – oktober 2024/, 'defaults to last month');
        assert.match(JSON.stringify(form), /Skriv inga personuppgifter/);
        const done = await report('september 2024', SEPT);
        assert.match(JSON.stringify(done), /Rapporten är sparad/);
        assert.equal(rows(), 1);
        await report('oktober', OCT);
        assert.equal(rows(), 2);

        const [answer] = await say(tomas, 'hur går det för Navet?');
        // Hand-computed: opening 9 (Sept 10 − 3 + 2) + nya 6 = 15; avslutade 4, 3 to arbete/studier/AF; 500 days / 4.
        // The first report is September's, so the opening is the level then, not at the start of the year.
        assert.match(answer.body.text, /Deltagare hittills i år: 15 \(i början av september 9 \+ nya 6\)/);
        assert.match(answer.body.text, /Kvinnor \/ män \/ annat: 8 \/ 7 \/ 0/);
        assert.match(answer.body.text, /3 av 4 \(75,0 %\)/);
        assert.match(answer.body.text, /125 dagar/);
        assert.match(
            answer.body.text,
            /Deltagare: 15 – ≥ 60 deltagare enligt planen för 2024 \(pro rata 50\) → \*\*risk\*\*/,
        );
        assert.match(answer.body.text, /Avslut till arbete\/studier\/AF: 75,0 % .*→ \*\*uppnått\*\*/);
        assert.match(answer.body.text, /botens regel, inte planens/);
        const card = answer.body.attachments[0].content as Card;
        const chart = card.body.find((b) => b.type === 'Chart.Line');
        assert.deepEqual(
            chart.data.map((s: any) => s.values.map((v: any) => v.y)),
            [
                [3, 3],
                [2, 2],
                [10, 11],
            ],
        );
        const table = chart.fallback.rows.slice(1).map((r: any) => r.cells.map((c: any) => c.items[0].text));
        assert.deepEqual(
            table,
            [
                ['sep', '3', '2', '10'],
                ['okt', '3', '2', '11'],
            ],
            'the fallback table holds the same figures',
        );
    });

    const bad: { rule: string; change: Record<string, number | string>; field: string; sv: RegExp; en: RegExp }[] = [
        {
            rule: 'a negative count',
            change: { 'nya.man': -1 },
            field: 'nya.man',
            sv: /kan inte vara negativt/,
            en: /cannot be negative/,
        },
        {
            rule: 'a fraction',
            change: { 'avslutade.man': '1.5' },
            field: 'avslutade.man',
            sv: /heltal/,
            en: /whole numbers/,
        },
        {
            rule: 'outcomes not summing to avslutade',
            change: { 'utfall.arbete': 2 },
            field: 'utfall',
            sv: /Utfallen summerar till 3 men avslutade är 2/,
            en: /outcomes add up to 3 but finished is 2/,
        },
        {
            rule: 'referrers not summing to nya',
            change: { 'rem.kil': 0 },
            field: 'rem',
            sv: /remitterande summerar till 2 men nya är 3/,
            en: /referrals add up to 2 but new is 3/,
        },
        {
            rule: 'more positive than answered',
            change: { 'ind.tydlig-planering.positiva': 3 },
            field: 'ind.tydlig-planering.positiva',
            sv: /Positiva \(3\) kan inte vara fler än besvarade \(2\)/,
            en: /Positive \(3\) cannot exceed answered \(2\)/,
        },
        {
            rule: 'pågående not following the previous month',
            change: { 'pagaende.man': 5 },
            field: 'pagaende.man',
            sv: /Ska vara 4: förra månadens 4/,
            en: /Should be 4: last month's 4/,
        },
    ];
    for (const b of bad) {
        it(`When a submit has ${b.rule}, then the form comes back with the message at ${b.field} (sv and en) and nothing is stored`, async () => {
            await report('augusti', { ...SEPT, 'pagaende.kvinnor': 5, 'pagaende.man': 4 }); // sets August's level for the pågående rule
            const before = rows();
            for (const [lang, text] of [
                ['sv', 'rapportera Navet september'],
                ['en', 'report for Navet September'],
            ] as const) {
                const form = await openForm(tomas, text);
                const back = await submit(tomas, submitData(form, { ...SEPT, ...b.change }));
                assert.match(errorAt(back, b.field) ?? '(no error)', lang === 'sv' ? b.sv : b.en);
                assert.equal(inputs(back.body).find((i) => i.id === 'dagar').value, 200, 'values are kept');
                assert.equal(rows(), before, 'nothing stored');
            }
        });
    }

    it('When a month in the future is forged into the card, then it is refused at the month and nothing is stored', async () => {
        const form = await openForm(tomas, 'rapportera');
        const data = {
            ...submitData(form, SEPT),
            month: '2024-12',
            key: form.actions![0].data.key.replace('2024-10', '2024-12'),
        };
        const back = await submit(tomas, data);
        assert.match(JSON.stringify(back), /Månaden har inte varit än/);
        assert.equal(rows(), 0);
    });

    it('When the same month is sent again, then version 2 is stored with who, when and what changed; a double click stores once', async () => {
        await report('september', SEPT);
        const form = await openForm(tomas, 'rapportera navet september');
        const otherTab = await openForm(tomas, 'rapportera navet september');
        assert.match(JSON.stringify(form), /Version 1 finns redan \(Tomas Ås/);
        const data = submitData(form, { 'rem.kil': 0, 'rem.sunne': 1, kommentar: 'Rättad remittent.' });
        const first = await submit(tomas, data);
        const again = await submit(tomas, data);
        assert.deepEqual(again, first, 'a repeat gets the same card');
        assert.equal(rows(), 2);
        assert.match(
            JSON.stringify(first),
            /Ändrat från version 1.*Kommentar; Remitterande: Kils kommun; Remitterande: Sunne kommun/,
        );
        const history = t.bot.deps.reports.history('fryksdalen', 'navet', '2024-09');
        assert.deepEqual(
            history.map((h) => [h.version, h.submittedBy, h.report.rem.kil]),
            [
                [1, 'tomas-as', 1],
                [2, 'tomas-as', 0],
            ],
        );
        const stale = await submit(tomas, submitData(otherTab, {}));
        assert.match(JSON.stringify(stale), /inaktuellt/, 'a card shown at version 1 cannot write over version 2');
        assert.equal(rows(), 2);
    });

    it("When another insats's owner or a ledamot submits Navet's form, then they are refused and nothing is stored", async () => {
        const data = submitData(await openForm(tomas, 'rapportera'), SEPT);
        for (const u of [petra, anders]) {
            const res = await submit(u, data);
            assert.match(JSON.stringify(res), /projektägare/);
            assert.equal(rows(), 0);
        }
        const [reply] = await say(anders, 'rapportera');
        assert.match(reply.body.text, /projektägare/);
        assert.equal(reply.body.attachments, undefined, 'no form for a non-owner');
    });

    // The outside probe's table: 26 = 14 + 11 + 1 deltagare, 5 of 6 finished to work, 9 of 10 positive answers.
    const PROBE = {
        'nya.kvinnor': 3,
        'nya.man': 2,
        'nya.annat': 1,
        'avslutade.kvinnor': 4,
        'avslutade.man': 2,
        'pagaende.kvinnor': 10,
        'pagaende.man': 9,
        'pagaende.annat': 1,
        'utfall.arbete': 5,
        'utfall.ovrigt': 1,
        'rem.torsby': 6,
        dagar: 600,
        'ind.tydlig-planering.besvarade': 10,
        'ind.tydlig-planering.positiva': 9,
    };
    const inChannel = async (text: string) => {
        connector.clear();
        await t.post(channelMessage(tomas, text));
        const [m] = connector.messages();
        return { text: m.body.text as string, card: JSON.stringify(m.body.attachments) };
    };
    /** The counts a follow-up text prints, by line label (a hidden count reads "x"). */
    const counts = (text: string) => {
        const line = (label: string) => new RegExp(`- ${label}: ([^\\n]*)`).exec(text)?.[1] ?? '';
        const [deltagare, opening, nya] =
            /^(?:minst )?(\S+) \((?:vid årets början|i början av \S+) (\S+) \+ nya (?:minst )?(\S+)\)/
                .exec(line('Deltagare hittills i år'))!
                .slice(1);
        const [kvinnor, man, annat] = line('Kvinnor / män / annat').split(' / ');
        const [work, of] = /^(\S+) av (\S+)/.exec(line('Till arbete, studier eller Arbetsförmedlingen'))!.slice(1);
        return { deltagare, opening, nya, kvinnor, man, annat, avslutade: line('Avslutade'), work, of };
    };

    it("When the probe's table is asked in a channel, then neither the text nor the card lets the hidden 1s be worked out; the owner in 1:1 sees all", async () => {
        await report('oktober', PROBE);
        const shared = await inChannel('hur går det för Navet?');
        for (const leak of [/9\/10/, /5 av 6/, /– \(9/]) {
            assert.doesNotMatch(shared.text, leak);
            assert.doesNotMatch(shared.card, leak);
        }
        const c = counts(shared.text);
        assert.equal(c.annat, 'x');
        assert.ok([c.deltagare, c.kvinnor, c.man].includes('x'), `26 = 14 + 11 + x gives the 1: ${shared.text}`);
        assert.ok([c.work, c.of].includes('x'), 'x of 6 or 5 of x, never 5 of 6');
        assert.match(shared.text, /tydlig planering till mottagande part\/parter: – \(x\/\d+|\d+\/x|x\/x\)/);
        assert.match(shared.text, /"x" är ett dolt tal/);
        assert.match(shared.card, /är ett dolt tal/);
        assert.ok(!shared.card.includes('Chart.Line'), 'no monthly chart in a channel');

        const [own] = await say(tomas, 'hur går det för Navet?');
        assert.match(own.body.text, /Deltagare hittills i år: 26 \(i början av oktober 20 \+ nya 6\)/);
        assert.match(own.body.text, /Kvinnor \/ män \/ annat: 14 \/ 11 \/ 1/);
        assert.match(own.body.text, /5 av 6 \(83,3 %\)/);
        assert.match(own.body.text, /90,0 % \(9\/10\)/);
        assert.match(own.body.text, /Avslut till arbete\/studier\/AF: 83,3 % .*→ \*\*uppnått\*\*/);
    });

    it('When a second month is reported, then no count shown in both months changes by a small number', async () => {
        await report('oktober', PROBE);
        const october = counts((await inChannel('hur går det för Navet?')).text);
        await report('november', {
            'nya.kvinnor': 1,
            'nya.man': 2,
            'pagaende.kvinnor': 11,
            'pagaende.man': 11,
            'pagaende.annat': 1,
            'rem.torsby': 3,
            'ind.tydlig-planering.besvarade': 1,
            'ind.tydlig-planering.positiva': 1,
        });
        const novemberText = (await inChannel('hur går det för Navet?')).text;
        assert.match(novemberText, /uppföljning t\.o\.m\. november/);
        const november = counts(novemberText);
        for (const key of ['deltagare', 'nya', 'kvinnor', 'man', 'annat', 'avslutade', 'work'] as const) {
            const [a, b] = [Number(october[key]), Number(november[key])];
            if (Number.isNaN(a) || Number.isNaN(b)) continue;
            assert.ok(b - a >= 5, `${key}: ${a} in October and ${b} in November tell November's count`);
        }
        assert.notDeepEqual(
            [october.deltagare, november.deltagare].filter((x) => x !== 'x').length,
            2,
            'deltagare grew by 3: it cannot be shown in both months',
        );
    });

    it('When a report has an avvikelse, then the chef and styrgrupp are told in 1:1 and the unreachable are listed; free text is not logged', async () => {
        await say(helena, 'vem är jag?');
        await say(nina, 'vem är jag?'); // Erik Mo has never chatted with the bot.
        const done = await report('september', {
            ...SEPT,
            avvikelse: 'Lokalen stängd i två veckor.',
            kommentar: 'Hemlig kommentar.',
        });
        const sentTo = connector.messages().map((m) => decodeURIComponent(m.path));
        assert.ok(sentTo.some((p) => p.includes(`a:1on1-${helena.id}`)));
        assert.ok(sentTo.some((p) => p.includes(`a:1on1-${nina.id}`)));
        const toChef = connector.messages().find((m) => decodeURIComponent(m.path).includes(`a:1on1-${helena.id}`))!;
        assert.match(
            JSON.stringify(toChef.body),
            /Avvikelse i Projekt Navet, september 2024.*Lokalen stängd i två veckor/,
        );
        assert.match(JSON.stringify(done), /Avvikelsen skickad till.*Helena Vik, Nina Sjö/);
        assert.match(JSON.stringify(done), /Kunde inte nås.*Erik Mo/);
        const logs = JSON.stringify(t.logs);
        assert.ok(!logs.includes('Lokalen') && !logs.includes('Hemlig'), 'free text never reaches the log');
    });

    it('When the chef asks who has not reported for oktober, then Navet and its owner are listed until it reports', async () => {
        await report('september', SEPT);
        const [missing] = await say(helena, 'vilka har inte rapporterat för oktober?');
        assert.match(missing.body.text, /Inte rapporterat för oktober 2024:\n- Projekt Navet \(Tomas Ås\)/);
        await report('oktober', OCT);
        const [after] = await say(helena, 'who has not reported for October?');
        assert.match(after.body.text, /Not reported for October 2024:\n- Steget \(testinsats\) \(Petra Prov\)$/);
        const [refused] = await say(anders, 'vilka har inte rapporterat för oktober?');
        assert.doesNotMatch(refused.body.text, /Navet|Steget/);
    });

    it('When the chef exports 2024, then the signed CSV re-parses to the numbers in the database', async () => {
        await report('september', SEPT);
        await report('oktober', OCT);
        const [reply] = await say(helena, 'exportera rapporter 2024');
        const url = /\((http[^)]+)\)/.exec(reply.body.text)![1];
        const res = await fetch(url);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /text\/csv/);
        const body = Buffer.from(await res.arrayBuffer());
        assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
        const csv: Record<string, string>[] = parse(body, { delimiter: ';', bom: true, columns: true });
        const db = t.bot.deps.reports.latestForYear('fryksdalen', 2024);
        assert.equal(csv.length, db.length);
        db.forEach((v, i) => {
            assert.equal(csv[i]['Månad'], v.month);
            assert.equal(Number(csv[i]['Nya kvinnor']), v.report.nya.kvinnor);
            assert.equal(
                Number(csv[i]['Pågående totalt']),
                v.report.pagaende.kvinnor + v.report.pagaende.man + v.report.pagaende.annat,
            );
            assert.equal(Number(csv[i]['Utfall: Arbete']), v.report.utfall.arbete);
            assert.equal(Number(csv[i]['Remitterad av: Torsby kommun']), v.report.rem.torsby ?? 0);
            assert.equal(Number(csv[i]['Dagar i insats totalt']), v.report.dagar);
        });
        assert.equal(csv[0]['Dagar i insats snitt'], '100,0', 'decimal comma');
        assert.equal(csv[1]['far-stod andel positiva %'], '100,0');
        assert.ok(!body.toString('utf8').includes('Lokalen'), 'no free text in the export');
        const [channel] =
            (await t.post(channelMessage(helena, 'exportera rapporter 2024')), connector.messages().slice(-1));
        assert.doesNotMatch(channel.body.text, /http/, 'no link in a shared channel');
        assert.equal((await fetch(url.replace(/sig=[^&]+/, 'sig=AAAA'))).status, 403);
    });

    it('When a budget or target question is asked, then the report routes leave it alone', async () => {
        const replies = await say(anders, 'Hur många deltagare ska Navet ha?');
        assert.ok(replies.every((r) => !/uppföljning|Månadsrapport/.test(r.body.text ?? '')));
    });
});

describe('Monthly reports in a two-förbund deployment', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const malin = user('malin', 'Malin Sjöberg', 'malin.sjoberg@example.invalid'); // förbundschef of Nedansiljan
    const FRY_CHAT = '19:fryksdalen-chat@thread.v2';
    const NED_CHAT = { id: '19:nedansiljan-chat@thread.v2', conversationType: 'groupChat' };
    const formFor = async (text: string): Promise<Card> => {
        connector.clear();
        await t.post(personalMessage(tomas, text));
        return connector.messages().at(-1)!.body.attachments[0].content;
    };
    const submit = async (data: object, conversation: { id: string; conversationType: string }) =>
        JSON.stringify((await t.post(executeAction(tomas, 'report.submit', data, conversation))).body.value);

    before(async () => {
        isolateNetwork();
        connector = nockConnector({ ...members, [malin.id]: malin });
        t = await startBot({ forbund: ['fryksdalen', 'nedansiljan'], overrides: { now: () => NOW } });
        // Each chef links a chat of her own förbund; the projektägare is known to Fryksdalen from its chat.
        await t.post(groupMessage(helena, 'koppla till Fryksdalen', FRY_CHAT));
        await t.post(groupMessage(malin, 'koppla till Nedansiljan', NED_CHAT.id));
        await t.post(groupMessage(tomas, 'vem är jag?', FRY_CHAT));
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it("When Fryksdalen's projektägare sends Navet's form from a chat linked to Nedansiljan, then it is refused in their language and nothing is stored", async () => {
        for (const [text, says] of [
            ['rapportera Navet oktober', /annat samordningsförbund än det här samtalet.*Inget har ändrats/],
            ['report for Navet October', /another samordningsförbund than this conversation.*Nothing was changed/],
        ] as const) {
            const data = submitData(await formFor(text), OCT);
            const before = dumpDb(t.bot.db);
            assert.match(await submit(data, NED_CHAT), says);
            assert.deepEqual(dumpDb(t.bot.db), before);
        }
        const data = submitData(await formFor('rapportera Navet oktober'), OCT);
        assert.match(
            await submit(data, { id: `a:1on1-${tomas.id}`, conversationType: 'personal' }),
            /Rapporten är sparad/,
        );
        assert.equal(t.bot.deps.reports.latestForYear('fryksdalen', 2024).length, 1);
    });
});
