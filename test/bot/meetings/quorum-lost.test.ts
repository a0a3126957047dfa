import assert from 'node:assert/strict';
import { button, cardOf, textOf } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';
import { channel, oneOnOne, P, startMeeting, type Harness } from './harness';

// Four of six seats are filled until Lena Strand and Ingrid Fors leave after § 7: from § 8 the styrelse is not
// beslutsmässig, so the second ärende cannot be decided and moves to the next meeting; §§ 1–7 stand.
describe('Meetings: a styrelse meeting that loses its quorum part-way', () => {
    let h: Harness;
    const FIRST = 'Projektmedel för samverkan';
    const SECOND = 'Revidering av delegationsordning';
    const item = (n: number) => h.count('SELECT id FROM agenda_items WHERE meeting_id = 1 AND position = ?', n);
    const leave = async (who: User, after: number) => {
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Närvaro per punkt', channel);
        return h.press(P.chef, form, 'Spara', channel, {
            person: String(h.personId(who)),
            arrives: '',
            leaves: String(item(after)),
        });
    };
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [
                [FIRST, 'beslut', 'Att bevilja 50 000 kr i projektmedel'],
                [SECOND, 'beslut', 'Att anta den reviderade delegationsordningen'],
            ],
            come: [P.A, P.B, P.C, P.E],
            absent: [P.D, P.F],
        });
        await h.say(P.chef, 'nytt styrelsemöte 20 januari 2026 13:00 i Kommunhuset, Sunne');
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, form, 'Spara', channel, { justerare: `${h.personId(P.B)},${h.personId(P.C)}` });
        h.at(5);
    });
    after(() => h.close());

    it('When two ledamöter leave after § 7, then § 8 cannot be decided and closing still needs the decisions before it', async () => {
        await leave(P.B, 7);
        await leave(P.C, 7);
        for (const n of [2, 3]) await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(n));
        const refused = await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(8));
        assert.match(textOf(refused), /inte beslutsmässigt för punkt 8: 2 av 6 platser besatta/);
        const early = await h.say(P.chef, 'avsluta mötet');
        assert.match(JSON.stringify(early), /Beslut saknas på punkt 7 \(Projektmedel för samverkan\)/);
        assert.doesNotMatch(JSON.stringify(early), /punkt 8/);
        assert.equal(h.count("SELECT status = 'stängd' FROM meetings WHERE id = 1"), 0);
    });

    it('When § 7 is decided and the chef closes, then § 8 moves to the next meeting and §§ 1–10 stand', async () => {
        await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(7));
        await h.say(P.chef, 'avsluta mötet');
        assert.match(
            h.connector.texts().join('\n'),
            /Mötet är avslutat: § 1–10\/2025\..*Mötet var inte beslutsmässigt vid punkt 8; 1 beslutsärende förs över till mötet tisdag 20 januari 2026 kl\. 13:00 utan beslut/,
        );
        assert.equal(h.count("SELECT status = 'stängd' AND beslutsmassig = 1 FROM meetings WHERE id = 1"), 1);
        assert.equal(h.count('SELECT count(*) FROM paragraphs WHERE meeting_id = 1'), 10);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 3);
        const carried = h.itemId(SECOND, 2);
        assert.ok(carried, 'the undecided item is on meeting 2');
        assert.equal(h.count('SELECT carried_from FROM agenda_items WHERE id = ?', carried), h.itemId(SECOND, 1));
        assert.equal(h.itemId(FIRST, 2), undefined, 'the decided item stays where it was decided');
    });

    it('When the protokoll is opened, then it says from which § the styrelse was not beslutsmässig and what moved on, and it is justered', async () => {
        const card = cardOf(h.toUser(P.E).at(-1)!);
        const html = await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text();
        const section = (ref: string) => new RegExp(`<h2>${ref} [^<]*</h2>(.*?)</section>`).exec(html)?.[1] ?? '';
        assert.match(html, /Styrelsen var inte längre beslutsmässig från och med § 8\/2025 \(2 av 6 platser besatta\)/);
        assert.match(html, new RegExp(`Ärenden som förs över till nästa sammanträde: ${SECOND}`));
        assert.match(section('§ 7/2025'), /Beslut \(bifall enligt förslaget\)/);
        assert.match(section('§ 8/2025'), /Styrelsen är inte beslutsmässig från och med denna paragraf/);
        assert.match(
            section('§ 8/2025'),
            /Ärendet kunde inte avgöras och förs över till nästa sammanträde utan beslut/,
        );
        assert.doesNotMatch(section('§ 8/2025'), /Beslut \(/);
        for (const p of [P.E, P.B, P.C]) {
            const mine = cardOf(h.toUser(p).at(-1)!);
            assert.match(textOf(await h.press(p, mine, 'Justera', oneOnOne(p))), /justerat/);
        }
        assert.equal(h.count("SELECT count(*) FROM justering WHERE action = 'justerat'"), 3);
    });
});
