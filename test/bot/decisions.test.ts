import assert from 'node:assert/strict';
import nock from 'nock';
import { documentHtml } from '../../src/bot/decisions/document-html';
import { winAnsi } from '../../src/bot/decisions/document-pdf';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { button, cardOf, textOf, type Card } from '../helpers/cards';

// A full Fryksdalen styrelse meeting: decisions, jäv, closing with §§, protokoll, justering, Q&A and per capsulam.
const { chef, A, B, C, D, Dx, E, F, Fx, outsider } = FRYKSDALEN_STYRELSE; // E is ledamot and ordförande
const everyone = [chef, A, B, C, D, Dx, E, F, Fx, outsider];
const CHANNEL = '19:styrelse-channel@thread.tacv2';
const channel = { id: CHANNEL, conversationType: 'channel' };
const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
const BASE = Date.parse('2025-11-20T10:00:00Z');
const MEETING = Date.parse('2025-12-12T12:00:00Z');
const BUDGET_2024 = 'Att godkänna Verksamhetsplan och budget 2024 för Fryksdalens samordningsförbund';
const BUDGET_2025 = 'Att godkänna preliminär budget 2025 och 2026 för Fryksdalens samordningsförbund';

describe('Decisions: a Fryksdalen styrelse meeting from beslut to justerat protokoll, and per capsulam', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };
    const db = () => t.bot.db;
    const count = (sql: string, ...args: unknown[]) =>
        db()
            .prepare(sql)
            .pluck()
            .get(...args) as number;
    const rows = () =>
        ['decisions', 'decision_jav', 'paragraphs', 'protokoll_versions', 'justering', 'per_capsulam_votes'].map(
            (table) => count(`SELECT count(*) FROM ${table}`),
        );
    const personId = (p: User) => t.bot.deps.roster.bySlug('fryksdalen', p.id.slice(3)).id;
    const itemId = (title: string) => count('SELECT id FROM agenda_items WHERE title = ? AND meeting_id = 1', title);
    const press = async (user: User, card: Card, title: string, conv: object, extra: object = {}, item?: number) => {
        const b = button(card, title, item);
        const res = await t.post(executeAction(user, b.verb, { ...b.data, ...extra }, conv as never));
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.messages().at(-1)!;
    };
    const toUser = (p: User) =>
        connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`)));
    const posted = () => cardOf(connector.sent.filter((s) => s.method === 'PUT').at(-1)!);
    const fetchDoc = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, t.url));
    let agenda: Card;
    let editForm: Card;
    const edited = () => ({
        [`t${itemId('Fortsatt finansiering av Projekt Navet')}`]:
            'Styrelsen beslutar att bevilja Projekt Navet (Torsby kommun) fortsatt finansiering 2025 med 500 000 kr.',
    });
    let justeringCard: Card;
    let dxCard: Card;

    before(async () => {
        isolateNetwork();
        connector = nockConnector(Object.fromEntries(everyone.map((p) => [p.id, p])));
        t = await startBot({ overrides });
        for (const p of [chef, B, Dx, E]) await t.post(personalMessage(p, 'vem är jag?'));
        await t.post(channelMessage(chef, 'koppla kanalen till styrelsen'));
        let card = cardOf(await say(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne'));
        card = await press(chef, card, 'Redigera', oneOnOne(chef));
        for (const [title, proposal] of [
            ['Verksamhetsplan och budget 2024', BUDGET_2024],
            ['Preliminär budget 2025 och 2026', BUDGET_2025],
            ['Fortsatt finansiering av Projekt Navet', 'Att bevilja Projekt Navet fortsatt finansiering 2025'],
        ]) {
            const form = await press(chef, card, 'Lägg till punkt', oneOnOne(chef));
            card = await press(chef, form, 'Spara', oneOnOne(chef), { title, kind: 'beslut', proposal });
        }
        assert.match((await say(chef, 'skicka kallelse')).body.text, /postad i kanalen/);
        const kallelse = cardOf(
            connector.sent.find((s) => s.method === 'POST' && s.path.includes('styrelse-channel'))!,
        );
        for (const p of [A, B, C, E, Dx]) await press(p, kallelse, 'Jag kommer', channel);
        for (const p of [D, F]) await press(p, kallelse, 'Förhinder', channel);
        const editor = await press(chef, kallelse, 'Redigera', channel);
        const form = await press(chef, editor, 'Justerare', channel);
        await press(chef, form, 'Spara', channel, { justerare: `${personId(B)},${personId(Dx)}` });
        agenda = posted();
        assert.match(textOf(agenda), /5 av 6 platser besatta – beslutsmässigt/);
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the chef records a decision before the meeting has started, then it is refused and nothing is stored', async () => {
        const card = await press(
            chef,
            agenda,
            'Bifall enligt förslaget',
            channel,
            {},
            itemId('Verksamhetsplan och budget 2024'),
        );
        assert.match(textOf(card), /har inte börjat än.*Inget har ändrats/);
        assert.equal(count('SELECT count(*) FROM decisions'), 0);
        offset = MEETING + 30 * 60_000 - BASE;
    });

    it('When a ledamot who is not ordförande presses "Bifall enligt förslaget", then it is refused and no row changes', async () => {
        const before = rows();
        const card = await press(
            A,
            agenda,
            'Bifall enligt förslaget',
            channel,
            {},
            itemId('Verksamhetsplan och budget 2024'),
        );
        assert.match(textOf(card), /Det får bara förbundschef eller ordförande göra\. Inget har ändrats/);
        assert.deepEqual(rows(), before);
    });

    it('When jäv for three present ledamöter drops the item below half the seats, then the decision is refused', async () => {
        const item = itemId('Verksamhetsplan och budget 2024');
        const form = await press(chef, agenda, 'Annat beslut, jäv…', channel, {}, item);
        assert.match(textOf(form), /Jäv – deltog inte/);
        const before = rows();
        const jav = [A, B, C].map(personId).join(',');
        const res = await press(chef, form, 'Registrera beslutet', channel, { outcome: 'bifall', jav });
        assert.match(
            textOf(res),
            /inte beslutsmässigt för punkt 7 när Anders Berg, Lena Strand, Ingrid Fors har jäv: 2 av 6/,
        );
        assert.deepEqual(rows(), before);
    });

    let firstClick: Card;
    it('When the chef records "Bifall enligt förslaget" twice with the same click, then it is stored once and shown on the posted card', async () => {
        const item = itemId('Verksamhetsplan och budget 2024');
        const b = (firstClick = button(agenda, 'Bifall enligt förslaget', item));
        const first = await t.post(executeAction(chef, b.verb, b.data, channel));
        const again = await t.post(executeAction(chef, b.verb, b.data, channel));
        assert.match(textOf(first.body.value), /Beslutet på punkt 7 är registrerat/);
        assert.deepEqual(again.body.value, first.body.value);
        assert.equal(count('SELECT count(*) FROM decisions WHERE item_id = ?', item), 1);
        agenda = posted();
        assert.match(
            textOf(agenda),
            /Beslut \(bifall enligt förslaget\): Styrelsen beslutar att godkänna Verksamhetsplan och budget 2024/,
        );
    });

    it('When that click is repeated after the decision was changed, then it is refused as out of date instead of confirming the old one', async () => {
        const item = itemId('Verksamhetsplan och budget 2024');
        const form = await press(chef, agenda, 'Ändra beslutet…', channel, {}, item);
        const note = 'Beslutet fattades enhälligt.';
        assert.match(
            textOf(await press(chef, form, 'Registrera beslutet', channel, { outcome: 'bifall', note })),
            /registrerat/,
        );
        const before = rows();
        const again = await t.post(executeAction(chef, firstClick.verb, firstClick.data, channel));
        assert.match(textOf(again.body.value), /Kortet är inaktuellt.*Inget har ändrats/);
        assert.deepEqual(rows(), before);
        agenda = posted();
    });

    it('When the ordförande and the chef record the same item at once, then one wins and the other is told', async () => {
        const item = itemId('Preliminär budget 2025 och 2026');
        const first = await press(E, agenda, 'Bifall enligt förslaget', channel, {}, item);
        const second = await press(chef, agenda, 'Bifall enligt förslaget', channel, {}, item);
        assert.match(textOf(first), /Beslutet på punkt 8 är registrerat/);
        assert.match(textOf(second), /Eva Björk registrerade just ett beslut på punkt 8; ditt beslut sparades inte/);
        assert.equal(count('SELECT count(*) FROM decisions WHERE item_id = ?', item), 1);
        agenda = posted();
    });

    it('When the chef records an amended decision with jäv, a reservation and a protokollsanteckning, then all are stored', async () => {
        const item = itemId('Fortsatt finansiering av Projekt Navet');
        const form = await press(chef, agenda, 'Annat beslut, jäv…', channel, {}, item);
        const res = await press(chef, form, 'Registrera beslutet', channel, {
            outcome: 'ändrat',
            text: 'Att bevilja Projekt Navet fortsatt finansiering 2025 med 500 000 kr',
            jav: String(personId(C)),
            reservationer: String(personId(A)),
            note: 'Anders Berg: kostnaden <b>ökar</b>',
        });
        assert.match(
            textOf(res),
            /Styrelsen beslutar att bevilja Projekt Navet fortsatt finansiering 2025 med 500 000 kr/,
        );
        assert.equal(count('SELECT count(*) FROM decision_jav'), 1);
        assert.equal(count('SELECT count(*) FROM decision_reservationer'), 1);
        agenda = posted();
    });

    it('When the meeting is closed with beslut items undecided or by a ledamot, then it is refused and stays open', async () => {
        assert.match((await say(A, 'avsluta mötet')).body.text, /Det får bara förbundschef eller ordförande göra/);
        const reply = (await say(chef, 'avsluta mötet')).body.text;
        assert.match(reply, /Beslut saknas på punkt 2 \(Val av justerare\), punkt 3 \(Godkännande av dagordning\)/);
        assert.equal(count("SELECT count(*) FROM meetings WHERE status = 'stängd'"), 0);
        for (const title of ['Val av justerare', 'Godkännande av dagordning']) {
            await press(chef, agenda, 'Bifall enligt förslaget', channel, {}, itemId(title));
            agenda = posted();
        }
        assert.match(textOf(agenda), /att utse Lena Strand och Johan Ström att jämte ordföranden justera protokollet/);
    });

    it('When the chef closes the meeting, then every item gets its § in agenda order and the justerare get the protokoll', async () => {
        connector.clear();
        const res = await press(chef, agenda, 'Avsluta mötet', channel);
        assert.match(textOf(res), /Mötet är avslutat: § 1–11\/2025/);
        const numbers = db().prepare('SELECT number FROM paragraphs ORDER BY number').pluck().all();
        assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        assert.equal(
            count('SELECT number FROM paragraphs WHERE item_id = ?', itemId('Verksamhetsplan och budget 2024')),
            7,
        );
        assert.match(textOf(posted()), /§ 7\/2025 Verksamhetsplan och budget 2024/);
        for (const p of [B, Dx, E]) assert.match(textOf(cardOf(toUser(p).at(-1)!)), /Protokoll: Styrelsen.*Justera/);
        justeringCard = cardOf(toUser(B).at(-1)!);
        dxCard = cardOf(toUser(Dx).at(-1)!);
        assert.match(textOf(cardOf(toUser(chef).at(-1)!)), /Tjänstgörande ersättare.*Johan Ström/);
    });

    it('When the signed protokoll links are opened, then the HTML has the §§ (escaped) and the PDF is a PDF; unknown ids are 404', async () => {
        const html = await fetchDoc(button(justeringCard, 'Öppna (HTML)').url);
        assert.equal(html.status, 200);
        const page = await html.text();
        assert.match(page, /§ 7\/2025 Verksamhetsplan och budget 2024/);
        assert.match(page, /Jäv: Ingrid Fors deltog inte/);
        assert.match(page, /kostnaden &lt;b&gt;ökar&lt;\/b&gt;/);
        const pdf = Buffer.from(await (await fetchDoc(button(justeringCard, 'PDF').url)).arrayBuffer());
        assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
        assert.equal((await fetchDoc(t.bot.deps.downloads.link('protokoll', '99.html'))).status, 404);
        assert.equal((await fetchDoc(t.bot.deps.downloads.link('protokoll', '1.exe'))).status, 404);
    });

    it('When a member asks before justering, then the budget is still förslag and the draft extract is withheld', async () => {
        assert.match((await say(A, 'är budgeten 2024 fastställd?')).body.text, /2024: \*\*förslag\*\*/);
        assert.match((await say(A, 'protokollsutdrag § 7/2025')).body.text, /inte är justerat än/);
    });

    it('When a justerare asks for a change, then justering waits for the chef, and after the edit it starts over', async () => {
        assert.match(textOf(await press(B, justeringCard, 'Justera', oneOnOne(B))), /Du har justerat protokollet/);
        const before = rows();
        assert.match(
            textOf(await press(A, justeringCard, 'Justera', oneOnOne(A))),
            /Bara ordföranden och de valda justerarna/,
        );
        assert.deepEqual(rows(), before);
        assert.match(textOf(await press(Dx, dxCard, 'Begär ändring', oneOnOne(Dx))), /Skriv i kommentaren/);
        connector.clear();
        await press(Dx, dxCard, 'Begär ändring', oneOnOne(Dx), { comment: '§ 9 ska nämna att Torsby äger insatsen.' });
        const toChef = cardOf(toUser(chef).at(-1)!);
        assert.match(textOf(toChef), /Johan Ström: § 9 ska nämna att Torsby äger insatsen/);
        assert.match(textOf(await press(Dx, dxCard, 'Justera', oneOnOne(Dx))), /En ändring är begärd/);

        editForm = await press(chef, toChef, 'Ändra protokollet', oneOnOne(chef));
        const saved = await press(chef, editForm, 'Spara ny version', oneOnOne(chef), edited());
        assert.match(textOf(saved), /Version 2 är sparad; justeringen börjar om/);
        const stale = await press(B, justeringCard, 'Begär ändring', oneOnOne(B), { comment: 'x' });
        assert.match(textOf(stale), /inaktuellt/);
        for (const p of [B, Dx, E]) await press(p, cardOf(toUser(p).at(-1)!), 'Justera', oneOnOne(p));
        assert.equal(count("SELECT count(*) FROM justering WHERE protokoll_version = 2 AND action = 'justerat'"), 3);
        assert.match(
            toUser(chef).at(-1)!.body.text,
            /justerat av ordföranden och justerarna.*Budgetstatus: 2024 fastställd, 2025 preliminär/,
        );
    });

    it('When the old edit form is sent again after justering, then it is refused as out of date and nothing is stored', async () => {
        // The same press as the one that saved version 2: its "Version 2 är sparad; justeringen börjar om" is no longer true.
        const before = rows();
        const again = await press(chef, editForm, 'Spara ny version', oneOnOne(chef), edited());
        assert.doesNotMatch(textOf(again), /Version 2 är sparad|justeringen börjar om/);
        assert.match(textOf(again), /Kortet är inaktuellt.*Inget har ändrats/);
        assert.deepEqual(rows(), before);
        assert.equal(count("SELECT count(*) FROM justering WHERE protokoll_version = 2 AND action = 'justerat'"), 3);
    });

    it('When the reminders tick after justering, then the register settles the "protokoll justerat" deadline', async () => {
        await t.bot.reminders.tick(overrides.now());
        const rows = t.bot.db.prepare("SELECT done_at, done_by FROM deadlines WHERE kind = 'protokoll'").all() as {
            done_at: string | null;
            done_by: string | null;
        }[];
        assert.equal(rows.length, 1);
        assert.ok(rows[0].done_at, 'marked done by the doneBy hook');
        const sentAboutProtokoll = t.bot.db
            .prepare(
                "SELECT count(*) FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.kind = 'protokoll' AND r.state = 'sent'",
            )
            .pluck()
            .get();
        assert.equal(sentAboutProtokoll, 0);
    });

    it('When members ask Q&A and the register afterwards, then budget 2024 is fastställd and decisions are found', async () => {
        assert.match((await say(A, 'är budgeten 2024 fastställd?')).body.text, /2024: \*\*fastställd\*\*/);
        const decided = (await say(A, 'har styrelsen fastställt budgeten 2024?')).body.text;
        assert.match(decided, /2024: \*\*fastställd\*\* – styrelsens beslut § 7\/2025/);
        assert.match(decided, /Källa för beslutet: protokoll § 7\/2025/);
        assert.doesNotMatch(decided, /Styrelsearvoden/, 'never the board fees');
        const navet = (await say(A, 'vilka beslut har fattats om Navet?')).body.text;
        assert.match(navet, /§ 9\/2025.*Torsby kommun.*\[protokollsutdrag\]\(http/);
        assert.match((await say(A, 'visa § 7/2025')).body.text, /§ 7\/2025.*budget 2024/);
        const latest = (await say(A, 'beslut från senaste styrelsemötet')).body.text;
        assert.match(latest, /§ 2\/2025[\s\S]*§ 7\/2025[\s\S]*§ 8\/2025[\s\S]*§ 9\/2025/);
        const en = (await say(A, 'what did the board decide about the budget?')).body.text;
        assert.match(en, /§ 7\/2025[\s\S]*§ 8\/2025/);
        assert.doesNotMatch(en, /§ 9\/2025/);
        const extract = (await say(A, 'protokollsutdrag § 7/2025')).body.text;
        assert.match(extract, /Protokollsutdrag – Styrelsen[\s\S]*Status: Justerat[\s\S]*§ 7\/2025/);
        const pdfUrl = /\[PDF\]\(([^)]+)\)/.exec(extract)![1];
        assert.equal(
            Buffer.from(await (await fetchDoc(pdfUrl)).arrayBuffer())
                .subarray(0, 4)
                .toString(),
            '%PDF',
        );
    });

    describe('per capsulam', () => {
        let pc: Card;
        const send = async (title: string) => {
            const form = cardOf(await say(chef, 'nytt per capsulam-beslut'));
            connector.clear();
            await press(chef, form, 'Skicka till styrelsen', oneOnOne(chef), {
                title,
                proposal: `Att godkänna ${title.toLowerCase()}`,
                date: '2025-12-19',
                time: '12:00',
                unavailable: String(personId(F)),
            });
            return cardOf(connector.sent.find((s) => s.method === 'POST' && s.path.includes('styrelse-channel'))!);
        };
        const result = (title: string) =>
            db()
                .prepare(
                    'SELECT r.adopted FROM per_capsulam_results r JOIN per_capsulam p ON p.id = r.proposal_id WHERE p.title = ?',
                )
                .pluck()
                .get(title);

        it('When all six parts answer Ja, then it is adopted, recorded once per click, and put on the next agenda', async () => {
            await say(chef, 'nytt styrelsemöte 5 februari 13:00');
            pc = await send('Samverkansavtal 2026');
            const before = rows();
            assert.match(textOf(await press(F, pc, 'Ja', channel)), /Du svarar inte i det här ärendet/);
            assert.match(textOf(await press(outsider, pc, 'Ja', channel)), /Du svarar inte/);
            assert.deepEqual(rows(), before);
            const again = await press(A, pc, 'Ja', channel);
            assert.deepEqual(await press(A, pc, 'Ja', channel), again);
            let last: Card = {};
            for (const p of [B, C, D, E, Fx]) last = await press(p, pc, 'Ja', channel);
            assert.equal(count('SELECT count(*) FROM per_capsulam_votes'), 6);
            assert.match(textOf(last), /Antaget/);
            assert.equal(result('Samverkansavtal 2026'), 1);
            const next = count("SELECT id FROM meetings WHERE starts_at = '2026-02-05T12:00:00.000Z'");
            const item = db()
                .prepare('SELECT title FROM agenda_items WHERE meeting_id = ? AND title LIKE ?')
                .pluck()
                .get(next, 'Anmälan av per capsulam-beslut%');
            assert.equal(item, 'Anmälan av per capsulam-beslut PC 1/2025: Samverkansavtal 2026');
            // Dated when it was settled (the last Ja, today), not at its deadline of 19 December.
            const details = String(
                db()
                    .prepare('SELECT details FROM agenda_items WHERE meeting_id = ? AND title LIKE ?')
                    .pluck()
                    .get(next, 'Anmälan%'),
            );
            assert.match(details, /^Antaget per capsulam \S+ \d+ \S+ 2025 kl\. \d\d:\d\d \(PC 1\/2025\)/);
            assert.doesNotMatch(details, /19 december/);
        });

        it('When one part answers Nej, then it is not adopted', async () => {
            const card = await send('Lokalbyte');
            for (const p of [A, B, C, D, E]) await press(p, card, 'Ja', channel);
            assert.match(textOf(await press(Fx, card, 'Nej', channel)), /Inte antaget/);
            assert.equal(result('Lokalbyte'), 0);
        });

        it('When a voter answers Ja, Nej and Ja again on one old copy of the card, then every reply shows the stored vote', async () => {
            const card = await send('Ny webbplats');
            const stored = () =>
                db()
                    .prepare(
                        'SELECT v.answer FROM per_capsulam_votes v JOIN per_capsulam p ON p.id = v.proposal_id WHERE p.title = ? AND v.person_id = ? ORDER BY v.id DESC',
                    )
                    .pluck()
                    .get('Ny webbplats', personId(A));
            assert.match(textOf(await press(A, card, 'Ja', channel)), /Ditt svar är sparat: Ja/);
            assert.match(textOf(await press(A, card, 'Nej', channel)), /Ditt svar är sparat: Nej/);
            assert.equal(stored(), 'nej');
            const back = await press(A, card, 'Ja', channel);
            assert.match(textOf(back), /Ditt svar är sparat: Ja/);
            assert.equal(stored(), 'ja', 'the reply said Ja, so that is what is stored');
            assert.deepEqual(await press(A, card, 'Ja', channel), back, 'a repeat while still true replays');
        });

        it('When one part has not answered at the deadline, then it is not adopted and late answers are refused', async () => {
            const card = await send('Ny logotyp');
            for (const p of [A, B, C, D, E]) await press(p, card, 'Ja', channel);
            assert.equal(result('Ny logotyp'), undefined);
            offset = Date.parse('2025-12-19T11:01:00Z') - BASE;
            assert.match(
                (await say(chef, 'visa per capsulam')).body.text,
                /Ny logotyp[\s\S]*Ej svarat 1[\s\S]*Inte antaget/,
            );
            assert.equal(result('Ny logotyp'), 0);
            assert.equal(
                db()
                    .prepare(
                        "SELECT r.settled_at || ' ' || r.register_number FROM per_capsulam_results r JOIN per_capsulam p ON p.id = r.proposal_id WHERE p.title = ?",
                    )
                    .pluck()
                    .get('Ny logotyp'),
                '2025-12-19T11:00:00.000Z 3',
                'a part that never answered: settled at the deadline, the third PC number of the year',
            );
            assert.match(textOf(await press(Fx, card, 'Ja', channel)), /Omröstningen är avslutad: inte antaget/);
        });
    });

    describe('after a restart', () => {
        it('When the bot restarts on the same database, then the register, the budget status and the results carry on', async () => {
            await t.close(true);
            t = await startBot({ dataDir: t.dataDir, overrides });
            assert.match(
                (await say(A, 'visa § 7/2025')).body.text,
                /Styrelsen beslutar att godkänna Verksamhetsplan och budget 2024/,
            );
            assert.match((await say(A, 'är budgeten 2024 fastställd?')).body.text, /2024: \*\*fastställd\*\*/);
            assert.match(
                (await say(A, 'vilka beslut har fattats om samverkansavtal?')).body.text,
                /Antaget: Att godkänna samverkansavtal 2026/,
            );
        });
    });
});

describe('Protokoll documents: text the built-in PDF font and HTML can carry', () => {
    const cases: [string, string][] = [
        ['resultat −461 720 kr', 'resultat -461 720 kr'],
        ['Försäkringskassan – Region Värmland', 'Försäkringskassan – Region Värmland'],
        ['§ 7/2025 ✎ 20,8\u00a0%', '§ 7/2025 ? 20,8 %'],
    ];
    for (const [text, want] of cases) {
        it(`When "${text}" goes into the PDF, then it is written as "${want}"`, () =>
            assert.equal(winAnsi(text), want));
    }

    it('When user text holds markup, then the HTML escapes it', () => {
        const html = documentHtml({
            heading: 'P <1>',
            meta: ['"a" & \'b\''],
            sections: [{ title: '<script>', lines: ['<b>x</b>'] }],
        });
        assert.doesNotMatch(html, /<script>|<b>/);
        assert.match(html, /&lt;script&gt;[\s\S]*&lt;b&gt;x&lt;\/b&gt;[\s\S]*/);
        assert.match(html, /&quot;a&quot; &amp; &#39;b&#39;/);
    });
});
