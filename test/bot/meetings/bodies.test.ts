import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../../helpers/bot';
import { channelMessage, executeAction, personalMessage, type User } from '../../fixtures/activities';
import { FRYKSDALEN_STYRELSE, teamsUser } from '../../fixtures/people';
import { button, buttons, cardOf, textOf, type Card } from '../../helpers/cards';
import { readPdf } from '../../helpers/pdf';
import { tempDir } from '../../helpers/temp-dir';

const chef = FRYKSDALEN_STYRELSE.chef;
const E = FRYKSDALEN_STYRELSE.E;
// Fryksdalen's beredningsgrupp and Navet's styrgrupp (data/forbund/fryksdalen.json).
const nina = teamsUser('nina-sjo', 'Nina Sjö');
const bjorn = teamsUser('bjorn-hed', 'Björn Hed');
const carina = teamsUser('carina-ros', 'Carina Ros');
const tomas = teamsUser('tomas-as', 'Tomas Ås');
const erik = teamsUser('erik-mo', 'Erik Mo');
const everyone = [chef, E, nina, bjorn, carina, tomas, erik];
const BERED = '19:bered-channel@thread.tacv2';
const STYR = '19:navet-styrgrupp@thread.tacv2';
const BASE = Date.parse('2025-11-20T10:00:00Z');
const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
const inChannel = (id: string) => ({ id, conversationType: 'channel' });

/** A bot on Fryksdalen (optionally with changed data), a clock, and the presses and messages the tests use. */
async function start(dataDir?: string) {
    isolateNetwork();
    const connector = nockConnector(Object.fromEntries(everyone.map((p) => [p.id, p])));
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };
    const t: TestBot = await startBot({ overrides, env: dataDir ? { FORBUND_DATA_DIR: dataDir } : undefined });
    const press = async (user: User, card: Card, title: string, conv: object, extra: object = {}, en = false) => {
        const b = button(card, title);
        const activity = executeAction(user, b.verb, { ...b.data, ...extra }, conv as never);
        const res = await t.post(en ? { ...activity, locale: 'en-US' } : activity);
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.messages().at(-1)!;
    };
    const count = (sql: string, ...args: unknown[]) =>
        t.bot.db
            .prepare(sql)
            .pluck()
            .get(...args) as number;
    const postedIn = (channel: string) =>
        cardOf(connector.sent.filter((s) => s.path.includes(encodeURIComponent(channel))).at(-1)!);
    const toUser = (p: User) =>
        connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`)));
    const fetchDoc = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, t.url));
    for (const p of everyone) await t.post(personalMessage(p, 'vem är jag?'));
    /** Creates a meeting from chat, adds one item, posts the kallelse in `channel` and returns the posted card. */
    const meeting = async (create: string, channel: string, link: string, item: Record<string, string>) => {
        await t.post(channelMessage(chef, `koppla kanalen till ${link}`, { channelId: channel }));
        let card = cardOf(await say(chef, create));
        const draft = card;
        card = await press(chef, card, 'Redigera', oneOnOne(chef));
        const form = await press(chef, card, 'Lägg till punkt', oneOnOne(chef));
        await press(chef, form, 'Spara', oneOnOne(chef), item);
        connector.clear();
        assert.match((await say(chef, `skicka kallelse till ${link}`)).body.text, /postad i kanalen/);
        return { draft, posted: postedIn(channel) };
    };
    return {
        t,
        connector,
        press,
        say,
        count,
        postedIn,
        toUser,
        fetchDoc,
        meeting,
        at: (iso: string) => void (offset = Date.parse(iso) - BASE),
        async close() {
            await t.close();
            nock.cleanAll();
            nock.enableNetConnect();
        },
    };
}

// The beredningsgrupp prepares: a kallelse and attendance, but no quorum, no decisions, no justering, no § register.
describe('Meetings: a beredningsgrupp meets with a kallelse and closes into minnesanteckningar', () => {
    let h: Awaited<ReturnType<typeof start>>;
    let posted: Card;
    const ITEM = 'Ansökan från Jobbspåret';
    const NOTES = 'Gruppen går igenom ansökan och föreslår styrelsen att bevilja den.';
    before(async function () {
        this.timeout(60_000);
        h = await start();
        const m = await h.meeting('nytt beredningsgruppsmöte 3 december 09:30 i Torsby', BERED, 'beredningsgruppen', {
            title: ITEM,
            kind: 'beslut',
            proposal: 'Att föreslå styrelsen att bevilja ansökan',
            details: NOTES,
        });
        posted = m.posted;
        assert.match(textOf(m.draft), /Beredningsgruppen: kallelse och dagordning/);
    });
    after(() => h.close());

    it('When the kallelse is posted and members answer, then the card shows attendance and no quorum line', async () => {
        await h.press(nina, posted, 'Jag kommer', inChannel(BERED));
        await h.press(bjorn, posted, 'Förhinder', inChannel(BERED));
        const latest = h.postedIn(BERED);
        const text = textOf(latest);
        assert.match(text, /Kommer","value":"Nina Sjö/);
        assert.match(text, /Förhinder","value":"Björn Hed/);
        assert.match(text, /Ej svarat","value":"Carina Ros/);
        assert.doesNotMatch(text, /platser|beslutsmässig/);
        assert.ok(!buttons(latest).some((b) => b.title === 'Bifall enligt förslaget'), 'no decisions');
        const en = textOf(await h.press(carina, latest, 'Jag kommer', inChannel(BERED), {}, true));
        assert.match(en, /Attendance/);
        assert.doesNotMatch(en, /seats|quorate/);
        const chat = (await h.say(nina, 'vilka har anmält förhinder till beredningsgruppen?')).body.text;
        assert.match(chat, /Förhinder till mötet \(Beredningsgruppen[^)]*\): Björn Hed/);
        assert.doesNotMatch(chat, /platser|beslutsmässig/);
    });

    it('When someone tries to record a decision on its beslut item, then it is refused and nothing is stored', async () => {
        h.at('2025-12-03T08:40:00Z');
        const itemId = h.count('SELECT id FROM agenda_items WHERE title = ?', ITEM);
        const meetingId = h.count("SELECT id FROM meetings WHERE body_id = 'beredningsgrupp'");
        // What a "Bifall" button would send (the card shows none for a body that prepares).
        const data = { key: `decide:${meetingId}|1|notshown0000`, itemId, expect: 0, outcome: 'bifall' };
        const res = await h.t.post(executeAction(chef, 'decision.record', data, inChannel(BERED)));
        assert.equal(res.status, 200);
        assert.match(textOf(res.body.value), /Beredningsgruppen bereder och fattar inga beslut/);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 0);
    });

    it('When the chef closes the meeting, then its notes are minnesanteckningar: no justering and no § numbers', async function () {
        this.timeout(30_000);
        h.at('2025-12-03T10:00:00Z');
        const notes = cardOf(await h.say(chef, 'avsluta mötet'));
        const said = h.toUser(chef).map((m) => textOf(m.body));
        assert.ok(
            said.some((m) => /Minnesanteckningarna är klara; de justeras inte och får inga paragrafnummer/.test(m)),
            'the chef hears how the meeting closed',
        );
        assert.equal(
            h.count("SELECT count(*) FROM meetings WHERE body_id = 'beredningsgrupp' AND status = 'stängd'"),
            1,
        );
        assert.equal(h.count('SELECT count(*) FROM paragraphs'), 0);
        assert.match(textOf(notes), /Minnesanteckningar: Beredningsgruppen/);
        assert.match(textOf(notes), /Minnesanteckningar – justeras inte/);
        assert.match(textOf(notes), /"Närvarande","value":"Carina Ros, Nina Sjö"/);
        assert.match(textOf(notes), new RegExp(NOTES));
        assert.doesNotMatch(textOf(notes), /§|Ordförande:|Justerare/);
        assert.ok(!buttons(notes).some((b) => b.title === 'Justera'), 'nobody justerar notes');
        assert.equal(h.count('SELECT count(*) FROM justering'), 0);
        const html = await (await h.fetchDoc(button(notes, 'Öppna (HTML)').url)).text();
        assert.match(html, /Minnesanteckningar – Beredningsgruppen, Fryksdalens samordningsförbund/);
        assert.match(html, /\d\. Ansökan från Jobbspåret/);
        assert.doesNotMatch(html, /§/);
        const pdf = await readPdf(Buffer.from(await (await h.fetchDoc(button(notes, 'PDF').url)).arrayBuffer()));
        assert.match(pdf.text, /Minnesanteckningar – Beredningsgruppen/);
        assert.match(pdf.text, /Minnesanteckningar justeras inte/);
    });

    it('When the chef edits the notes afterwards, then a new version is saved without any change request', async () => {
        const notes = cardOf(h.toUser(chef).at(-1)!);
        const form = await h.press(chef, notes, 'Ändra anteckningarna', oneOnOne(chef));
        const itemId = h.count('SELECT id FROM agenda_items WHERE title = ?', ITEM);
        const saved = await h.press(chef, form, 'Spara ny version', oneOnOne(chef), {
            [`t${itemId}`]: 'Gruppen tillstyrker ansökan.',
        });
        assert.match(textOf(saved), /Version 2 är sparad\./);
        const en = (await h.say(chef, 'show the meeting notes')).body;
        assert.match(textOf(en), /Meeting notes: Beredningsgruppen/);
        assert.match(textOf(en), /Gruppen tillstyrker ansökan/);
    });
});

// A styrgrupp's minnesanteckningar are linked from the next styrelse meeting's "Rapporter från insatser".
describe("Meetings: a styrgrupp's notes are linked from the styrelse's insats reports", () => {
    let h: Awaited<ReturnType<typeof start>>;
    before(async function () {
        this.timeout(60_000);
        h = await start();
        const m = await h.meeting('nytt styrgruppsmöte 4 december 10:00 i Sunne', STYR, 'styrgruppen', {
            title: 'Lägesrapport',
            kind: 'information',
            details: 'Deltagarna är fler än planerat.',
        });
        assert.doesNotMatch(textOf(m.posted), /platser|beslutsmässig/);
        h.at('2025-12-04T10:30:00Z');
        assert.match(textOf((await h.say(chef, 'avsluta mötet')).body), /Minnesanteckningar/);
    });
    after(() => h.close());

    it('When the chef opens the next styrelse agenda, then "Rapporter från insatser" links the styrgrupp\'s notes', async () => {
        const card = cardOf(await h.say(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne'));
        const link =
            /\[Minnesanteckningar: (Navets styrgrupp|[^,\]]*styrgrupp[^,\]]*), 4 december 2025\]\((http[^)]+)\)/i.exec(
                textOf(card),
            );
        assert.ok(link, 'the notes are linked on the insats reports item');
        const html = await (await h.fetchDoc(link[2])).text();
        assert.match(html, /Minnesanteckningar – /);
        assert.match(html, /Deltagarna är fler än planerat/);
        const en = cardOf(await h.say(chef, 'show the agenda'));
        assert.match(textOf(en), /\[Notes: [^\]]+, 4 December 2025\]/);
    });
});

// A body the förbund's data says decides behaves like the styrelse: quorum, decisions, justering.
describe('Meetings: a beredningsgrupp flagged as deciding behaves like the styrelse', () => {
    let h: Awaited<ReturnType<typeof start>>;
    const dir = tempDir();
    let posted: Card;
    before(async function () {
        this.timeout(60_000);
        const data = JSON.parse(readFileSync('data/forbund/fryksdalen.json', 'utf8'));
        const bered = data.bodies.find((b: { kind: string }) => b.kind === 'beredningsgrupp');
        bered.decides = true;
        mkdirSync(dir.dir, { recursive: true });
        writeFileSync(join(dir.dir, 'fryksdalen.json'), JSON.stringify(data));
        h = await start(dir.dir);
        const m = await h.meeting('nytt beredningsgruppsmöte 3 december 09:30 i Torsby', BERED, 'beredningsgruppen', {
            title: 'Yttrande över remiss',
            kind: 'beslut',
            proposal: 'Att lämna yttrandet',
        });
        posted = m.posted;
        assert.match(textOf(m.draft), /0 av 3 platser besatta – inte beslutsmässigt/);
        assert.match(textOf(m.draft), /Val av justerare/);
    });
    after(async () => {
        await h.close();
        dir.cleanup();
    });

    it('When two of three come, then the card is quorate, offers decisions, and closing asks for justerare', async () => {
        await h.press(nina, posted, 'Jag kommer', inChannel(BERED));
        await h.press(bjorn, posted, 'Jag kommer', inChannel(BERED));
        const card = h.postedIn(BERED);
        assert.match(textOf(card), /2 av 3 platser besatta – beslutsmässigt/);
        assert.ok(buttons(card).some((b) => b.title === 'Bifall enligt förslaget'));
        h.at('2025-12-03T10:00:00Z');
        assert.match((await h.say(chef, 'avsluta mötet')).body.text, /Välj två justerare först/);
        assert.equal(h.count("SELECT count(*) FROM meetings WHERE status = 'stängd'"), 0);
    });
});
