// Monthly reports that stay true, through the real endpoint: plausibility, avvikelse once, kommentar for the right
// people, history, rapportläge, Uppföljning Finsam by insats type, missing months, demo rows, the month's last day.
import { parse } from 'csv-parse/sync';
import assert from 'node:assert/strict';
import nock from 'nock';
import { seedInsats } from '../../src/cli/seed-demo';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
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
const petra = user('petra', 'Petra Prov', 'petra.prov@example.invalid'); // projektägare of an invented strukturinsats
const PETRA = { ...petra, slug: 'petra-prov' };
const members = Object.fromEntries([tomas, helena, nina, anders, petra].map((u) => [u.id, u]));
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
};

describe('Monthly reports that stay true', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const rows = () => (t.bot.db.prepare('SELECT count(*) AS n FROM report_versions').get() as { n: number }).n;
    const personal = (u: User) => ({ id: `a:1on1-${u.id}`, conversationType: 'personal' });
    const say = async (u: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(u, text));
        return connector.messages();
    };
    const ask = async (u: User, text: string) => {
        const [reply] = await say(u, text);
        return { text: reply.body.text as string, card: JSON.stringify(reply.body.attachments ?? []) };
    };
    const openForm = async (u: User, text: string): Promise<Card> => {
        const [reply] = await say(u, text);
        assert.ok(reply.body.attachments, `a form card for "${text}": ${reply.body.text}`);
        return reply.body.attachments[0].content;
    };
    const submit = async (u: User, data: object) => {
        connector.clear();
        return (await t.post(executeAction(u, 'report.submit', data, personal(u)))).body.value as Card;
    };
    const report = async (month: string, values: Record<string, number | string>, u: User = tomas, insats = 'Navet') =>
        submit(u, submitData(await openForm(u, `rapportera ${insats} ${month}`), values));
    const toChef = () => connector.messages().filter((m) => decodeURIComponent(m.path).includes(`a:1on1-${helena.id}`));
    const toNina = () => connector.messages().filter((m) => decodeURIComponent(m.path).includes(`a:1on1-${nina.id}`));

    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector(members);
        t = await startBot({
            overrides: {
                now: () => NOW,
                forbund: [
                    fryksdalenWithInsats(
                        { id: 'natverket', name: 'Nätverket (testinsats)', type: 'strukturinsats' },
                        PETRA,
                    ),
                ],
            },
        });
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When 50 000 new women are sent for a month, then the card warns with "Spara ändå" / "Ändra", nothing is stored until the sender saves anyway, and a changed value is checked again', async () => {
        await report('september', SEPT);
        await report('oktober', OCT);
        const before = rows();
        const form = await openForm(tomas, 'rapportera Navet november');
        const huge = { 'nya.kvinnor': 50000, 'pagaende.kvinnor': 50005, 'pagaende.man': 6, 'rem.torsby': 50000 };
        const warned = await submit(tomas, submitData(form, huge));
        const text = JSON.stringify(warned);
        assert.match(text, /50000 nya på en månad är fler än planens mål för hela året \(60\)/);
        assert.match(text, /Inget har sparats än/);
        assert.deepEqual(
            warned.actions!.map((a) => a.title),
            ['Ändra', 'Spara ändå'],
        );
        assert.equal(rows(), before, 'nothing implausible is stored silently');
        assert.equal(inputs(warned.body).find((i) => i.id === 'nya.kvinnor').value, 50000, 'values are kept');

        // "Spara ändå" after changing a figure: the new figure is warned about in turn.
        const changed = {
            ...submitData(warned, { 'nya.kvinnor': 40000, 'pagaende.kvinnor': 40005, 'rem.torsby': 40000 }),
            confirm: warned.actions![1].data.confirm,
        };
        const again = await submit(tomas, changed);
        assert.match(JSON.stringify(again), /40000 nya på en månad/);
        assert.equal(rows(), before);

        const saved = await submit(tomas, { ...submitData(again), ...again.actions![1].data });
        assert.match(JSON.stringify(saved), /Rapporten är sparad/);
        assert.equal(rows(), before + 1);
        assert.ok(t.logs.some((l) => l.msg === 'report stored' && l.confirmedImplausible === true));
    });

    it('When more finish than were enrolled, then the message says how many could have finished and never asks for a negative count', async () => {
        await report('augusti', { ...SEPT, 'pagaende.kvinnor': 5, 'pagaende.man': 4 });
        const form = await openForm(tomas, 'rapportera Navet september');
        const back = await submit(tomas, submitData(form, { ...SEPT, 'avslutade.kvinnor': 9, 'utfall.arbete': 9 }));
        const message = errorAt(back, 'avslutade.kvinnor') ?? '(no error)';
        assert.match(message, /Avslutade \(9\) kan vara högst 7: förra månadens 5 pågående \+ 2 nya/);
        const shown = JSON.stringify(back.body)
            .match(/"text":"[^"]*"/g)!
            .join(' ');
        assert.doesNotMatch(shown, /[−-]\s?\d/, 'no negative count anywhere on the card');
    });

    it('When three versions are sent (avvikelse, comment-only, changed avvikelse), then the chef and styrgrupp are told twice, and the comment-only version says it was not sent again', async () => {
        await say(helena, 'vem är jag?');
        await say(nina, 'vem är jag?');
        await report('september', { ...SEPT, avvikelse: 'Lokalen stängd i två veckor.' });
        assert.equal(toChef().length, 1, 'version 1: told');
        assert.equal(toNina().length, 1);

        const v2 = await report('september', { kommentar: 'Ny handledare från oktober.' });
        assert.equal(toChef().length, 0, 'version 2 only changed the kommentar: not told again');
        assert.equal(toNina().length, 0);
        assert.match(JSON.stringify(v2), /oförändrad sedan version 1, skickades inte igen/);

        await report('september', { avvikelse: 'Lokalen stängd i tre veckor.' });
        assert.equal(toChef().length, 1, 'version 3 changed the text: told');
        assert.match(JSON.stringify(toChef()[0].body), /tre veckor/);

        // Kommentar and avvikelse: the owner, the chef and the styrgrupp see them 1:1; a ledamot and a channel do not.
        for (const u of [tomas, helena, nina]) {
            const own = await ask(u, 'hur går det för Navet?');
            assert.match(own.text, /september, kommentar: Ny handledare från oktober\./, u.name);
            assert.match(own.text, /september, avvikelse: Lokalen stängd i tre veckor\./, u.name);
            assert.match(own.card, /Kommentarer och avvikelser/);
        }
        const ledamot = await ask(anders, 'hur går det för Navet?');
        assert.doesNotMatch(ledamot.text + ledamot.card, /handledare|Lokalen/);
        connector.clear();
        await t.post(channelMessage(helena, 'hur går det för Navet?'));
        assert.doesNotMatch(JSON.stringify(connector.messages()), /handledare|Lokalen/);

        // The history shows the three versions and what changed; it is never the budget.
        const history = await ask(helena, 'visa historik för Navet september');
        assert.match(history.text, /Historik: Projekt Navet, september 2024/);
        assert.match(
            history.text,
            /Version 1: Tomas Ås, .* – första versionen; Avvikelse: ”Lokalen stängd i två veckor\.”/,
        );
        assert.match(history.text, /Version 2: .* – Kommentar: – → ”Ny handledare från oktober\.”/);
        assert.match(
            history.text,
            /Version 3: .* – Avvikelse: ”Lokalen stängd i två veckor\.” → ”Lokalen stängd i tre veckor\.”/,
        );
        assert.doesNotMatch(history.text + history.card, /budget|kr\b/i);
        const refused = await ask(anders, 'visa historik för Navet september');
        assert.doesNotMatch(refused.text, /Lokalen|Version/);
        connector.clear();
        await t.post(channelMessage(helena, 'visa historik för Navet september'));
        const [shared] = connector.messages();
        assert.match(shared.body.text, /bara i en 1:1-chatt/);
    });

    it('When a value changes between versions, then the history names the field with its old and new value', async () => {
        await report('oktober', OCT);
        await report('oktober', { 'rem.sunne': 2, 'rem.kil': 1 });
        const h = await ask(tomas, 'show history for Navet October');
        assert.match(h.text, /History: Projekt Navet, October 2024/);
        assert.match(h.text, /Version 2: .* – Referred by: Kils kommun: 0 → 1; Referred by: Sunne kommun: 3 → 2/);
        // The word anywhere with an insats or a month is a history request too, never that insats's budget.
        for (const q of ['Navet historik oktober', 'versioner för oktober']) {
            const other = await ask(tomas, q);
            assert.match(other.text, /Historik: Projekt Navet, oktober 2024/, q);
            assert.doesNotMatch(other.text, /kr\b/, q);
        }
    });

    it('When February, October and November are reported, then the follow-up says "minst", names the missing months and never shows fewer participants than are ongoing', async () => {
        const g = (k: number, m: number, prefix: string) => ({ [`${prefix}.kvinnor`]: k, [`${prefix}.man`]: m });
        await report('februari', { ...g(1, 1, 'nya'), ...g(5, 4, 'pagaende'), 'rem.annan': 2 });
        await report('oktober', { ...g(1, 0, 'nya'), ...g(10, 8, 'pagaende'), 'rem.annan': 1 });
        await report('november', { ...g(1, 1, 'nya'), ...g(11, 9, 'pagaende'), 'rem.annan': 2 });
        const { text } = await ask(tomas, 'hur går det för Navet?');
        assert.match(text, /Deltagare hittills i år: minst 20 \(i början av februari 7 \+ nya minst 13\)/);
        assert.match(text, /Pågående i slutet av november: 20/);
        assert.match(text, /Saknas mellan rapporterna: mars, april, maj, juni, juli, augusti, september/);
        assert.doesNotMatch(text, /vid årets början/);
    });

    it('When the chef asks for rapportläge, then every insats has its latest month, missing months and status in one card; a ledamot is refused', async () => {
        await report('september', SEPT);
        await report('oktober', OCT);
        const { text, card } = await ask(helena, 'rapportläge');
        assert.match(text, /Rapportläge 2024/);
        assert.match(
            text,
            /- Projekt Navet: senast oktober \(version 1, 30 nov\.?\) · saknas: januari, februari, mars, april, maj, juni, juli, augusti, november · deltagare 15 sedan september · status risk/,
        );
        assert.match(text, /- Nätverket \(testinsats\): ingen rapport i år · saknas: januari, .*, november/);
        assert.match(card, /Rapportläge 2024/);
        const refused = await ask(anders, 'rapportläge');
        assert.doesNotMatch(refused.text, /Navet|Nätverket/);
    });

    it('When the chef asks for Uppföljning Finsam 2024, then an individinsats gives deltagare per kön and a strukturinsats deltagare per år, in the card and the CSV', async () => {
        await report('september', SEPT);
        await report('oktober', OCT);
        await report(
            'oktober',
            { 'nya.kvinnor': 4, 'nya.man': 3, 'pagaende.kvinnor': 4, 'pagaende.man': 3, 'rem.annan': 7 },
            petra,
            'Nätverket',
        );
        const { text } = await ask(helena, 'exportera uppföljning finsam 2024');
        assert.match(text, /Uppföljning Finsam 2024: deltagare per insats/);
        assert.match(text, /inget dokumenterat sätt att skicka in det automatiskt/);
        assert.match(
            text,
            /- Projekt Navet \(individinsats\): kvinnor minst 8, män minst 7, annat eller ej angivet minst 0; totalt minst 15, t\.o\.m\. oktober \(saknas: januari, .*november\)/,
        );
        assert.match(
            text,
            /- Nätverket \(testinsats\) \(strukturinsats\): deltagare under året minst 7, t\.o\.m\. oktober \(saknas/,
        );
        const url = /\((http[^)]+)\)/.exec(text)![1];
        const res = await fetch(url);
        assert.equal(res.status, 200);
        const csv: Record<string, string>[] = parse(Buffer.from(await res.arrayBuffer()), {
            delimiter: ';',
            bom: true,
            columns: true,
        });
        assert.deepEqual(
            csv.map((r) => [r.Insats, r.Insatstyp, r['Deltagare kvinnor'], r['Deltagare män'], r['Deltagare totalt']]),
            [
                ['Projekt Navet', 'individinsats', '8', '7', '15'],
                ['Nätverket (testinsats)', 'strukturinsats', '', '', '7'],
            ],
        );
        assert.equal(csv[0]['Ofullständigt (minst-värden)'], 'ja');
    });

    it('When demo rows are seeded, then the follow-up, the form and rapportläge carry the "fiktiva exempeldata" mark', async () => {
        const f = t.bot.deps.forbund.get('fryksdalen')!;
        seedInsats(t.bot.db, f, f.insatser[0], 2024, '2024-11', NOW);
        const follow = await ask(helena, 'hur går det för Navet?');
        assert.match(follow.text, /Fiktiva exempeldata – inte en verklig rapport/);
        assert.match(follow.card, /Fiktiva exempeldata/);
        const form = await openForm(tomas, 'rapportera Navet oktober');
        assert.match(JSON.stringify(form), /Fiktiva exempeldata/);
        assert.match((await ask(helena, 'rapportläge')).text, /\(fiktiva exempeldata\)/);
    });

    it('When the current month is asked for before its last day, then it is refused with the day it opens; on the last day it can be reported', async () => {
        const form = await openForm(tomas, 'rapportera Navet november');
        assert.match(JSON.stringify(form), /Månadsrapport Projekt Navet – november 2024/);
        await t.close();
        t = await startBot({
            overrides: {
                now: () => new Date('2024-11-20T10:00:00+01:00'),
                forbund: [
                    fryksdalenWithInsats(
                        { id: 'natverket', name: 'Nätverket (testinsats)', type: 'strukturinsats' },
                        PETRA,
                    ),
                ],
            },
        });
        const early = await ask(tomas, 'rapportera Navet november');
        assert.match(early.text, /november 2024: Månaden är inte slut än; den kan rapporteras från den 30:e\./);
        assert.equal(early.card, '[]');
    });
});
