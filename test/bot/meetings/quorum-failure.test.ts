import assert from 'node:assert/strict';
import { channel, oneOnOne, P, startMeeting, type Harness } from './harness';
import { button, cardOf, textOf } from '../../helpers/cards';

// Only two of six seats are filled: the meeting can be opened and closed, but takes no decision at all.
describe('Meetings: a styrelse meeting without quorum', () => {
    let h: Harness;
    const INSATS = 'Ny insats för unga vuxna';
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [[INSATS, 'beslut', 'Att bevilja insatsen 300 000 kr för 2026']],
            come: [P.A, P.E],
            absent: [P.B, P.C, P.D, P.F],
        });
        // The next meeting exists already, so the carried items go straight onto its agenda.
        await h.say(P.chef, 'nytt styrelsemöte 20 januari 2026 13:00 i Kommunhuset, Sunne');
        h.at(15);
    });
    after(() => h.close());

    it('When the ordförande tries bordläggning or choosing justerare, then both are refused as decisions the meeting cannot take', async () => {
        const agenda = h.kallelse;
        const form = await h.press(P.E, agenda, 'Annat beslut, jäv…', channel, {}, h.itemId(INSATS));
        const res = await h.press(P.E, form, 'Registrera beslutet', channel, { outcome: 'bordläggs' });
        assert.match(textOf(res), /inte beslutsmässigt för punkt \d+: 2 av 6 platser besatta/);
        const editor = await h.press(P.chef, agenda, 'Redigera', channel);
        const jform = await h.press(P.chef, editor, 'Justerare', channel);
        const j = await h.press(P.chef, jform, 'Spara', channel, {
            justerare: `${h.personId(P.A)},${h.personId(P.E)}`,
        });
        assert.match(textOf(j), /inte beslutsmässigt, så justerare kan inte väljas/);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 0);
        assert.equal(h.count('SELECT count(*) FROM meeting_justerare'), 0);
    });

    it('When the chef closes it, then there are no §§, a short record, and the beslut item is on the next agenda', async () => {
        await h.say(P.chef, 'avsluta mötet');
        const reply = h.connector.texts().join('\n');
        assert.match(
            reply,
            /avslutat utan beslut: det var inte beslutsmässigt.*1 beslutsärenden förs över till mötet tisdag 20 januari 2026/,
        );
        assert.equal(h.count('SELECT count(*) FROM paragraphs'), 0);
        assert.equal(h.count('SELECT beslutsmassig FROM meetings WHERE id = 1'), 0);
        assert.equal(h.count("SELECT status = 'stängd' FROM meetings WHERE id = 1"), 1);
        const carried = h.itemId(INSATS, 2);
        assert.ok(carried, 'the item is on meeting 2');
        assert.equal(h.count('SELECT carried_from FROM agenda_items WHERE id = ?', carried), h.itemId(INSATS, 1));
        assert.equal(
            h.count(
                'SELECT proposal = ? FROM agenda_items WHERE id = ?',
                'Att bevilja insatsen 300 000 kr för 2026',
                carried,
            ),
            1,
        );
    });

    it('When the record is opened, then it names who came and that the styrelse was not beslutsmässig, and the ordförande justerar it (the default)', async () => {
        const card = cardOf(h.toUser(P.E).at(-1)!);
        assert.match(
            textOf(card),
            /Styrelsen var inte beslutsmässig \(2 av 6 platser besatta\)\. Inga beslut fattades/,
        );
        const html = await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text();
        assert.match(html, /Närvarande ledamöter: Eva Björk \(ledamot, [^)]+\), Anders Berg/);
        assert.match(html, new RegExp(`Ärenden som förs över till nästa sammanträde: ${INSATS}`));
        assert.doesNotMatch(html, /§ \d+\/2025/);
        assert.match(html, /Ordförande: Eva Björk – ej justerat än/);
        const done = await h.press(P.E, card, 'Justera', oneOnOne(P.E));
        assert.match(textOf(done), /Protokollet är justerat och nu slutligt/);
        assert.equal(
            h.count("SELECT count(*) FROM justering WHERE action = 'justerat' AND length(text_sha256) = 64"),
            1,
        );
    });
});
