import assert from 'node:assert/strict';
import nock from 'nock';
import { parseWhen } from '../../src/bot/meeting/parse';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { button, buttons, cardOf, textOf, type Card } from '../helpers/cards';

// Fryksdalen's sample roster as Teams users. A–F are ledamöter; Dx and Ex are the ersättare of D and E.
const { chef, A, B, C, D, Dx, E, Ex, F, outsider } = FRYKSDALEN_STYRELSE;
const members = Object.fromEntries([chef, A, B, C, D, Dx, E, Ex, F, outsider].map((p) => [p.id, p]));
const CHANNEL = '19:styrelse-channel@thread.tacv2';
const channel = { id: CHANNEL, conversationType: 'channel' };
const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
const BASE = Date.parse('2025-11-20T10:00:00Z');
/** Waits (real time, briefly) for work the bot does after answering, such as notifying an ersättare. */
async function until<T>(find: () => T | undefined, ms = 3000): Promise<T> {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
        const found = find();
        if (found) return found;
    }
    assert.fail('timed out waiting');
}

describe('Meetings: agenda, kallelse, attendance and quorum (Fryksdalen styrelse)', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };
    const press = async (user: User, card: Card, title: string, conv: object, extra: object = {}) => {
        const b = button(card, title);
        const res = await t.post(executeAction(user, b.verb, { ...b.data, ...extra }, conv as never));
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.messages().at(-1)!;
    };
    const posted = () =>
        connector.sent.find((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(CHANNEL)))!;
    const puts = () => connector.sent.filter((s) => s.method === 'PUT');
    const meetingRows = () => (t.bot.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
    const activityId = () => t.bot.db.prepare('SELECT activity_id FROM meeting_cards').pluck().get() as string;
    let postedCard: Card;

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When someone who is not chef or ordförande writes "nytt styrelsemöte", then it is refused and nothing is stored', async () => {
        const reply = await say(A, 'nytt styrelsemöte 12 december 13:00');
        assert.match(reply.body.text, /förbundschef eller ordförande.*Inget har ändrats/);
        assert.equal(meetingRows(), 0);
    });

    it('When the chef writes "nytt styrelsemöte 12 december 13:00", then a meeting with the skeleton agenda is created', async () => {
        const reply = await say(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne');
        const card = cardOf(reply);
        assert.match(card.body[0].text, /Styrelsen: kallelse och dagordning/);
        assert.match(textOf(card), /fredag 12 december 2025 kl\. 13:00/);
        assert.match(textOf(card), /Kommunhuset, Sunne/);
        assert.match(textOf(card), /8\. Mötets avslutande/);
        assert.match(textOf(card), /Budget 2025 \(preliminär\): intäkter 3 044 280 kr/);
        const m = t.bot.db.prepare('SELECT starts_at, status FROM meetings').get() as Record<string, string>;
        assert.deepEqual(m, { starts_at: '2025-12-12T12:00:00.000Z', status: 'utkast' });
    });

    it('When the chef sends the kallelse before the channel is linked, then the bot says how to link it and posts nothing', async () => {
        const reply = await say(chef, 'skicka kallelse');
        assert.match(reply.body.text, /ingen kopplad kanal.*koppla kanalen till styrelsen/);
        assert.equal(posted(), undefined);
    });

    it('When someone not invited asks for the draft agenda, then it is withheld until the kallelse is sent', async () => {
        const reply = await say(outsider, 'visa dagordningen');
        assert.match(reply.body.text, /Nästa möte är ett utkast än/);
        assert.equal(reply.body.attachments, undefined);
        assert.doesNotMatch(JSON.stringify(reply.body), /Kommunhuset|Anders Berg/);
        assert.match(textOf(cardOf(await say(A, 'visa dagordningen'))), /Kommunhuset, Sunne/, 'a member sees it');
    });

    it('When someone not invited asks when the next meeting is or who comes, then the draft is withheld there too', async () => {
        for (const question of ['när är nästa styrelsemöte?', 'vilka kommer?', 'vilka har anmält förhinder?']) {
            const reply = await say(outsider, question);
            assert.match(reply.body.text, /Nästa möte är ett utkast än/, question);
            assert.doesNotMatch(JSON.stringify(reply.body), /Kommunhuset|12 december|Anders Berg/, question);
        }
        assert.match((await say(A, 'när är nästa styrelsemöte?')).body.text, /12 december/, 'a member is told');
    });

    it('When the channel is linked and the chef sends the kallelse, then the agenda card is posted there with refresh for members', async () => {
        await t.post(channelMessage(chef, 'koppla kanalen till styrelsen'));
        await t.post(personalMessage(Dx, 'vem är jag?')); // Dx writes to the bot once, so the bot can reach them 1:1.
        const reply = await say(chef, 'skicka kallelse');
        assert.match(reply.body.text, /postad i kanalen/);
        const post = posted();
        postedCard = cardOf(post);
        assert.equal(postedCard.refresh.action.verb, 'agenda.refresh');
        assert.ok(postedCard.refresh.userIds.includes(Dx.id));
        assert.match(textOf(postedCard), /0 av 6 platser besatta – inte beslutsmässigt/);
        assert.match(textOf(postedCard), /Kallelse skickad/);
    });

    it('When A, B and C answer "Jag kommer", then 3/6 seats are filled, not beslutsmässigt, and the posted card is updated in place', async () => {
        connector.clear();
        let card: Card = {};
        for (const who of [A, B, C]) card = await press(who, postedCard, 'Jag kommer', channel);
        assert.match(textOf(card), /Ditt svar: Jag kommer/);
        assert.match(textOf(card), /3 av 6 platser besatta – inte beslutsmässigt/);
        const put = puts().at(-1)!;
        assert.equal(put.path, `/teams/v3/conversations/${encodeURIComponent(CHANNEL)}/activities/${activityId()}`);
        assert.match(textOf(cardOf(put)), /3 av 6 platser besatta – inte beslutsmässigt/);
        assert.equal(puts().length, 3);
        assert.equal(connector.sent.filter((s) => s.method === 'POST').length, 0, 'updated, never re-posted');
    });

    it("When D reports förhinder, then D's ersättare is told 1:1 and, coming, makes 4/6: beslutsmässigt", async () => {
        connector.clear();
        await press(D, postedCard, 'Förhinder', channel);
        const call = await until(() =>
            connector.sent.find((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${Dx.id}`))),
        );
        assert.ok(call, 'a 1:1 message to the ersättare');
        assert.match(
            call.body.text,
            /Du kallas att tjänstgöra.*Karin Ekberg \(ledamot, Försäkringskassan\) har anmält förhinder/,
        );
        const card = await press(Dx, cardOf(call), 'Jag kommer', oneOnOne(Dx));
        assert.match(textOf(card), /4 av 6 platser besatta – beslutsmässigt/);
        assert.match(
            textOf(cardOf(puts().at(-1)!)),
            /Tjänstgörande ersättare.*Johan Ström \(ersättare, Försäkringskassan\)/,
        );
    });

    it('When A switches to förhinder, then the answer changes (never double-counts) and it is back to not beslutsmässigt', async () => {
        connector.clear();
        const card = await press(A, postedCard, 'Förhinder', channel);
        assert.match(textOf(card), /3 av 6 platser besatta – inte beslutsmässigt/);
        assert.match(textOf(card), /Ditt svar: Förhinder/);
        // A's ersättare never wrote to the bot: the chef is told who could not be reached and how to fix it.
        const toChef = await until(() =>
            connector.sent.find((s) => s.path.includes(encodeURIComponent(`a:1on1-${chef.id}`))),
        );
        assert.match(
            toChef.body.text,
            /kunde inte meddela Sofia Dahl \(ersättare, Kils kommun\).*skriva "vem är jag\?"/,
        );
    });

    it("When E's ersättare comes while E also comes, then E's seat is counted once", async () => {
        await press(E, postedCard, 'Jag kommer', channel);
        const card = await press(Ex, postedCard, 'Jag kommer', channel);
        assert.match(textOf(card), /4 av 6 platser besatta – beslutsmässigt/);
        assert.match(textOf(card), /Närvarande ersättare","value":"Per Lund"/);
    });

    it("When E's ersättare uses Teams in English and E reports förhinder, then the call to serve comes in English", async () => {
        await t.post({ ...personalMessage(Ex, 'who am I?'), locale: 'en-US' });
        connector.clear();
        const mine = await press(E, postedCard, 'Förhinder', channel);
        const call = await until(() =>
            connector.sent.find((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${Ex.id}`))),
        );
        assert.match(
            call.body.text,
            /^You are called to serve at the meeting \(Styrelsen, Friday 12 December 2025 at 13:00\): Eva Björk \(member, .*\) is unable to attend\. Answer "I'm coming" or "Can't come" on the card\.$/,
        );
        assert.match(textOf(cardOf(call)), /Attendance/);
        const card = await press(E, mine, 'Jag kommer', channel); // back as before, for the steps that follow
        assert.match(textOf(card), /4 av 6 platser besatta – beslutsmässigt/);
        assert.match(textOf(card), /Ditt svar: Jag kommer/);
    });

    it('When someone not invited presses "Jag kommer", then it is refused and attendance does not change', async () => {
        const before = t.bot.db.prepare('SELECT count(*) AS n FROM meeting_attendance').get();
        const card = await press(outsider, postedCard, 'Jag kommer', channel);
        assert.match(textOf(card), /ledamot eller ersättare.*Inget har ändrats/);
        assert.deepEqual(t.bot.db.prepare('SELECT count(*) AS n FROM meeting_attendance').get(), before);
    });

    it('When the chef adds a beslut item with förslag till beslut, then the posted card is updated and old cards become stale', async () => {
        connector.clear();
        const editor = await press(chef, postedCard, 'Redigera', channel);
        const form = await press(chef, editor, 'Lägg till punkt', channel);
        const saved = await press(chef, form, 'Spara', channel, {
            title: 'Verksamhetsplan och budget 2024',
            kind: 'beslut',
            proposal: 'Att godkänna Verksamhetsplan och budget 2024 för Fryksdalens samordningsförbund',
            links: 'Verksamhetsplan | https://contoso.sharepoint.com/sites/styrelsen/vp-2024.pdf',
        });
        assert.match(textOf(saved), /Punkt 7 är sparad/);
        const put = cardOf(puts().at(-1)!);
        assert.match(textOf(put), /7\. Verksamhetsplan och budget 2024/);
        assert.match(textOf(put), /Förslag till beslut: Att godkänna Verksamhetsplan och budget 2024/);
        assert.match(textOf(put), /9\. Mötets avslutande/);

        const stale = await press(B, postedCard, 'Förhinder', channel);
        assert.match(textOf(stale), /inaktuellt/);
        assert.equal(
            t.bot.db.prepare("SELECT count(*) AS n FROM meeting_attendance WHERE answer = 'förhinder'").pluck().get(),
            2,
        );
        postedCard = put;
    });

    it('When the chef removes an item, then a form still open for it is rejected and nothing changes', async () => {
        const editor = await press(chef, postedCard, 'Redigera', channel);
        const itemId = editor.body.find((e: Card) => e.id === 'itemId').choices[6].value;
        const form = await press(chef, editor, 'Ändra', channel, { itemId });
        const after = await press(chef, editor, 'Ta bort', channel, { itemId });
        assert.match(textOf(after), /Verksamhetsplan och budget 2024.{1,3} är borttagen/);
        const res = await press(chef, form, 'Spara', channel, { title: 'Ny rubrik', kind: 'information' });
        assert.match(textOf(res), /inaktuellt/);
        const rows = t.bot.db.prepare("SELECT count(*) FROM agenda_items WHERE title = 'Ny rubrik'").pluck().get();
        assert.equal(rows, 0);
        const gone = await press(chef, after, 'Ta bort', channel, { itemId });
        assert.match(textOf(gone), /finns inte längre/);
        postedCard = cardOf(puts().at(-1)!);
    });

    it('When the chef moves an item or gives a bad date or link, then moves renumber and bad input changes nothing', async () => {
        let editor = await press(chef, postedCard, 'Redigera', channel);
        const ids = editor.body.find((e: Card) => e.id === 'itemId').choices.map((c: Card) => c.value);
        editor = await press(chef, editor, 'Flytta upp', channel, { itemId: ids[4] });
        assert.match(textOf(editor), /Flyttad till punkt 4/);
        editor = await press(chef, editor, 'Flytta upp', channel, { itemId: ids[1] });
        assert.match(textOf(editor), /öppnande står först/);
        const v = t.bot.db.prepare('SELECT version FROM meetings').pluck().get();
        const details = await press(chef, editor, 'Tid och plats', channel);
        const bad = await press(chef, details, 'Spara', channel, { date: '2025-11-01', time: '13:00' });
        assert.match(textOf(bad), /redan passerat/);
        const form = await press(chef, editor, 'Lägg till punkt', channel);
        const badLink = await press(chef, form, 'Spara', channel, {
            title: 'X',
            kind: 'information',
            links: 'ftp://x',
        });
        assert.match(textOf(badLink), /rad 1 är ingen https-länk/);
        const garbage = await t.post(executeAction(chef, 'agenda.item.save', { key: 'nonsense', title: 1 }, channel));
        assert.match(textOf(garbage.body.value), /kunde inte läsas/);
        assert.equal(t.bot.db.prepare('SELECT version FROM meetings').pluck().get(), v);
        postedCard = cardOf(puts().at(-1)!);
    });

    it('When the chef records two justerare, then only present members can be chosen and the card shows them', async () => {
        const editor = await press(chef, postedCard, 'Redigera', channel);
        const form = await press(chef, editor, 'Justerare', channel);
        const ids = (slug: string) => String(t.bot.deps.roster.bySlug('fryksdalen', slug).id);
        const absent = await press(chef, form, 'Spara', channel, {
            justerare: `${ids('lena-strand')},${ids('anders-berg')}`,
        });
        assert.match(textOf(absent), /Välj exakt två av dem som kommer/);
        const ok = await press(chef, form, 'Spara', channel, {
            justerare: `${ids('lena-strand')},${ids('johan-strom')}`,
        });
        assert.match(textOf(ok), /Justerare: Lena Strand och Johan Ström/);
        postedCard = cardOf(puts().at(-1)!);
        assert.match(textOf(postedCard), /Justerare: Lena Strand, Johan Ström/);
    });

    it('When members ask in chat (sv and en), then they hear the next meeting, the agenda and who cannot come', async () => {
        assert.match(
            (await say(B, 'när är nästa styrelsemöte?')).body.text,
            /fredag 12 december 2025 kl\. 13:00.*Kommunhuset/,
        );
        const absent = (await say(B, 'vilka har anmält förhinder?')).body.text;
        assert.match(
            absent,
            /Förhinder till mötet.*: Karin Ekberg \(ledamot, Försäkringskassan\), Anders Berg \(ledamot, Kils kommun\)\n/,
        );
        assert.match(absent, /4 av 6 platser besatta – beslutsmässigt/);
        assert.match(
            (await say(B, "who can't come to the board meeting?")).body.text,
            /Can't come to the meeting.*Anders Berg \(member, Kils kommun\)/,
        );
        assert.match((await say(B, 'when is the next board meeting?')).body.text, /Friday 12 December 2025 at 13:00/);
        const agenda = await say(B, 'visa dagordningen');
        assert.match(textOf(cardOf(agenda)), /Ditt svar: Jag kommer/);
        assert.match(cardOf(agenda).body[0].text, /kallelse och dagordning/);
        assert.match(cardOf(await say(B, 'show the agenda')).body[0].text, /notice and agenda/);
    });

    it('When Teams refreshes the posted card for a member, then they get their own view without a refresh of its own', async () => {
        connector.clear();
        const { verb, data } = postedCard.refresh.action;
        const res = await t.post(executeAction(Dx, verb, data, channel));
        assert.match(textOf(res.body.value), /Ditt svar: Jag kommer/);
        assert.equal(res.body.value.refresh, null, 'teams-ai would otherwise replace the card for everyone');
        assert.equal(connector.sent.length, 0);
    });

    it('When the chef writes "ny dagordning" and fills in the form, then the meeting is created once even on a double click', async () => {
        const form = cardOf(await say(chef, 'ny dagordning'));
        const values = { bodyId: 'beredningsgrupp', date: '2026-01-20', time: '09:30', place: 'Torsby' };
        const b = button(form, 'Skapa mötet');
        const first = await t.post(executeAction(chef, b.verb, { ...b.data, ...values }, oneOnOne(chef)));
        const again = await t.post(executeAction(chef, b.verb, { ...b.data, ...values }, oneOnOne(chef)));
        assert.match(textOf(first.body.value), /Mötet är skapat/);
        assert.match(textOf(first.body.value), /4\. Mötets avslutande/);
        assert.deepEqual(again.body.value, first.body.value);
        const rows = t.bot.db.prepare("SELECT starts_at FROM meetings WHERE body_id = 'beredningsgrupp'").pluck().all();
        assert.deepEqual(rows, ['2026-01-20T08:30:00.000Z']);
    });

    it('When the calendar link on the card is opened, then it serves the meeting as .ics in UTC', async () => {
        const url = buttons(postedCard).find((b) => b.type === 'Action.OpenUrl')!.url as string;
        const res = await fetch(url.replace(/^https?:\/\/[^/]+/, t.url));
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /text\/calendar/);
        const ics = await res.text();
        assert.match(ics, /DTSTART:20251212T120000Z/);
        assert.match(ics, /SUMMARY:Styrelsen\\, Fryksdalen/);
    });

    it('When the bot restarts on the same database, then attendance, quorum and the posted card all carry on', async () => {
        await t.close(true);
        t = await startBot({ dataDir: t.dataDir, overrides });
        assert.match(
            (await say(B, 'vilka har anmält förhinder?')).body.text,
            /4 av 6 platser besatta – beslutsmässigt/,
        );
        connector.clear();
        const card = await press(F, postedCard, 'Jag kommer', channel);
        assert.match(textOf(card), /5 av 6 platser besatta – beslutsmässigt/);
        assert.equal(
            puts().at(-1)!.path,
            `/teams/v3/conversations/${encodeURIComponent(CHANNEL)}/activities/${activityId()}`,
        );
    });

    it('When a member answers kommer, förhinder and kommer again on one old copy of the card, then every reply shows what is stored', async () => {
        // One copy of the posted card, pressed three times: the third press repeats the first one's button.
        const copy = cardOf(puts().at(-1)!);
        const stored = () =>
            t.bot.db
                .prepare('SELECT answer FROM meeting_attendance WHERE person_id = ?')
                .pluck()
                .get(t.bot.deps.roster.bySlug('fryksdalen', 'leif-sand').id);
        const seats = (card: Card) => /(\d) av 6 platser besatta/.exec(textOf(card))![1];
        const come = await press(F, copy, 'Jag kommer', channel);
        assert.equal(stored(), 'kommer');
        assert.equal(seats(come), '5');
        const away = await press(F, copy, 'Förhinder', channel);
        assert.equal(stored(), 'förhinder');
        assert.match(textOf(away), /Ditt svar är sparat: Förhinder/);
        assert.equal(seats(away), '4');
        const back = await press(F, copy, 'Jag kommer', channel);
        assert.match(textOf(back), /Ditt svar är sparat: Jag kommer/);
        assert.equal(stored(), 'kommer', 'the reply said "Jag kommer", so that is what is stored');
        assert.equal(seats(back), '5');
        const again = await press(F, copy, 'Jag kommer', channel);
        assert.deepEqual(again, back, 'a repeat while it is still true replays the same card');
    });
});

describe('Meeting phrases', () => {
    const now = new Date('2025-11-20T10:00:00Z');
    const cases: [string, string | undefined][] = [
        ['nytt styrelsemöte 12 december 13:00', '2025-12-12T12:00:00.000Z'],
        ['nytt styrelsemöte 3 mars kl 9', '2026-03-03T08:00:00.000Z'],
        ['nytt möte 5 november 10.30', '2026-11-05T09:30:00.000Z'],
        ['new board meeting 4 June 2026 at 14:15', '2026-06-04T12:15:00.000Z'],
        ['nytt styrelsemöte 2026-01-15 13:00', '2026-01-15T12:00:00.000Z'],
        ['nytt styrelsemöte 12 december', undefined],
        ['nytt styrelsemöte', undefined],
        ['nytt styrelsemöte 1 januari 2024 13:00', undefined],
    ];
    for (const [text, iso] of cases) {
        it(`When the chef writes "${text}", then ${iso ? `the meeting starts ${iso}` : 'it is not read as a time'}`, () => {
            const w = parseWhen(text, now);
            assert.equal(w.ok ? w.startsAt.toISOString() : undefined, iso);
        });
    }
});
