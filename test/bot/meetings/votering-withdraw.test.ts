import assert from 'node:assert/strict';
import { button, cardOf, textOf, type Card } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';
import { channel, P, startMeeting, type Harness } from './harness';

// Three yrkanden on an item; Lena Strand withdraws hers before the vote, so yrkande 1 is put against yrkande 3.
describe('Meetings: a yrkande withdrawn before the votering', () => {
    let h: Harness;
    const INSATS = 'Finansiering av arbetsmarknadsinsats';
    let y: number[] = [];
    let before2: Card;
    let shown: Card;
    let other: Card;
    const open = () => h.press(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(INSATS));
    const addYrkande = async (card: Card, by: User, outcome: string) =>
        h.press(P.E, card, 'Lägg till yrkande', channel, { person: String(h.personId(by)), outcome, text: '' });
    const vote = (p: User, yrkande: number) => [`v${h.personId(p)}`, String(yrkande)];
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [[INSATS, 'beslut', 'Att bevilja insatsen 400 000 kr för 2026']],
            come: [P.A, P.B, P.C, P.D, P.E, P.F],
            absent: [],
        });
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, form, 'Spara', channel, { justerare: `${h.personId(P.B)},${h.personId(P.C)}` });
        h.at(20);
        let card = await addYrkande(await open(), P.A, 'bifall');
        before2 = await addYrkande(card, P.B, 'avslag');
        card = await addYrkande(before2, P.C, 'återremiss');
        y = h.t.bot.db.prepare('SELECT id FROM yrkanden ORDER BY id').pluck().all() as number[];
        shown = await open();
        other = await open();
    });
    after(() => h.close());

    it('When the ordförande records that Lena Strand withdraws yrkande 2, then the card keeps it marked and puts 1 against 3', async () => {
        const card = await h.press(P.E, shown, 'Återta yrkande 2', channel);
        assert.match(textOf(card), /Lena Strand återtar yrkande 2\./);
        assert.match(textOf(card), /Yrkande 2 \(Lena Strand\): avslag på förslaget – återtaget av Lena Strand/);
        assert.match(textOf(card), /Ordföranden ställer yrkande 1 mot yrkande 3 under proposition/);
        assert.throws(() => button(card, 'Återta yrkande 2'), /no button/);
        assert.equal(h.count('SELECT count(*) FROM yrkanden WHERE withdrawn_at IS NOT NULL'), 1);
    });

    it('When a card shown before the withdrawal is pressed, then the withdrawn yrkande can be neither voted on nor withdrawn again', async () => {
        const votes = Object.fromEntries([
            ...[P.E, P.A, P.C].map((p) => vote(p, y[0])),
            ...[P.B, P.D, P.F].map((p) => vote(p, y[1])),
        ]);
        const refused = await h.press(P.E, other, 'Registrera öppen omröstning', channel, votes);
        assert.match(textOf(refused), /Yrkande 2 är återtaget och kan inte röstas om/);
        const closed = await h.press(P.E, other, 'Registrera sluten omröstning', channel, {
            [`c${y[0]}`]: '3',
            [`c${y[1]}`]: '3',
        });
        assert.match(textOf(closed), /Yrkande 2 är återtaget och kan inte röstas om/);
        const again = await h.press(P.E, other, 'Återta yrkande 2', channel);
        assert.match(textOf(again), /Yrkande 2 är redan återtaget/);
        // A card already pressed once (here to add yrkande 3) is out of date for any other press.
        const used = await h.press(P.E, before2, 'Återta yrkande 2', channel);
        assert.match(textOf(used), /Kortet är inaktuellt/);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 0);
        assert.equal(h.count('SELECT count(*) FROM voteringar'), 0);
    });

    it('When an English client opens the card, then the yrkanden and the withdrawal read in English', async () => {
        const card = await h.pressEn(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(INSATS));
        assert.match(textOf(card), /Motion 2 \(Lena Strand\): rejected – withdrawn by Lena Strand/);
        assert.match(textOf(card), /The chair puts motion 1 against motion 3 to the vote/);
        const res = await h.pressEn(P.E, card, 'Withdraw motion 3', channel);
        assert.match(textOf(res), /Ingrid Fors withdraws motion 3\./);
        assert.doesNotMatch(textOf(res), /Yrkande|återtag/);
    });

    it('When the vote is held and the meeting closed, then the protokoll records the withdrawals and the vote between the rest', async () => {
        // Ingrid Fors made yrkande 3 and withdrew it too, so with one yrkande left the decision is taken on the form.
        const fourth = await addYrkande(await open(), P.D, 'avslag');
        const [, , , y4] = h.t.bot.db.prepare('SELECT id FROM yrkanden ORDER BY id').pluck().all() as number[];
        const votes = Object.fromEntries([
            ...[P.E, P.A, P.C, P.B].map((p) => vote(p, y[0])),
            ...[P.D, P.F].map((p) => vote(p, y4)),
        ]);
        const done = await h.press(P.E, fourth, 'Registrera öppen omröstning', channel, votes);
        assert.match(textOf(done), /Omröstningen är registrerad \(1: 4, 4: 2, avstår 0\); yrkande 1 vann/);
        for (const title of ['Val av justerare', 'Godkännande av dagordning'])
            await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, h.itemId(title));
        await h.say(P.chef, 'avsluta mötet');
        const card = cardOf(h.toUser(P.E).at(-1)!);
        const html = await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text();
        assert.match(html, /Yrkande 2 \(Lena Strand\): avslag på förslaget – Lena Strand återtar sitt yrkande\./);
        assert.match(html, /Yrkande 3 \(Ingrid Fors\): återremiss – Ingrid Fors återtar sitt yrkande\./);
        assert.match(html, /Ordföranden ställer yrkande 1 mot yrkande 4 under proposition/);
        assert.match(html, /Lena Strand: yrkande 1/);
        assert.doesNotMatch(html, /Yrkande 2 \(Lena Strand\)[^<]*röst/);
    });
});
