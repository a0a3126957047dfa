import assert from 'node:assert/strict';
import { channel, P, startMeeting, type Harness } from './harness';
import { textOf, type Card } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';

// All six ledamöter serve: yrkanden, propositionsordning, an open 3–3 vote and a closed val.
describe('Meetings: yrkanden and votering', () => {
    let h: Harness;
    const INSATS = 'Finansiering av arbetsmarknadsinsats';
    const VAL = 'Val av vice ordförande';
    const yrkandeIds = (title: string) =>
        h.t.bot.db
            .prepare('SELECT id FROM yrkanden WHERE item_id = ? ORDER BY id')
            .pluck()
            .all(h.itemId(title)) as number[];
    const addYrkande = async (card: Card, by: User, outcome: string, text = '') =>
        h.press(P.E, card, 'Lägg till yrkande', channel, { person: String(h.personId(by)), outcome, text });
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [
                [INSATS, 'beslut', 'Att bevilja insatsen 400 000 kr för 2026'],
                [VAL, 'beslut', 'Att välja Anders Berg till vice ordförande'],
            ],
            come: [P.A, P.B, P.C, P.D, P.E, P.F],
            absent: [],
        });
        h.at(20);
    });
    after(() => h.close());

    it('When two yrkanden tie 3–3 in an open vote, then the ordförande’s utslagsröst decides and each vote is stored', async () => {
        let card = await h.press(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(INSATS));
        card = await addYrkande(card, P.A, 'bifall');
        card = await addYrkande(card, P.B, 'avslag');
        assert.match(textOf(card), /Yrkande 1 \(Anders Berg\): bifall till förslaget/);
        assert.match(textOf(card), /Ordföranden ställer yrkande 1 mot yrkande 2 under proposition/);
        const [y1, y2] = yrkandeIds(INSATS);
        const votes = Object.fromEntries([
            ...[P.E, P.A, P.C].map((p) => [`v${h.personId(p)}`, String(y1)]),
            ...[P.B, P.D, P.F].map((p) => [`v${h.personId(p)}`, String(y2)]),
        ]);
        const missing = await h.press(P.E, card, 'Registrera öppen omröstning', channel, {
            [`v${h.personId(P.A)}`]: String(y1),
        });
        assert.match(textOf(missing), /Ange röst \(eller avstår\) för/);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 0);
        const done = await h.press(P.E, card, 'Registrera öppen omröstning', channel, votes);
        assert.match(
            textOf(done),
            /Omröstningen är registrerad \(1: 3, 2: 3, avstår 0\); yrkande 1 vann genom ordförandens utslagsröst/,
        );
        assert.equal(h.count("SELECT outcome = 'bifall' FROM decisions WHERE item_id = ?", h.itemId(INSATS)), 1);
        assert.equal(h.count("SELECT tie_break = 'utslagsröst' FROM voteringar"), 1);
        assert.equal(h.count('SELECT count(*) FROM votering_votes'), 6);
    });

    it('When an English client opens the votering card of a Swedish kallelse, then its words and dates are English', async () => {
        const card = await h.pressEn(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(VAL));
        assert.match(textOf(card), /Motions and vote: \d+\. Val av vice ordförande/);
        assert.match(textOf(card), /Add the motion/);
        assert.doesNotMatch(textOf(card), /Registrera|Yrkanden/);
        const answer = await h.pressEn(P.Fx, h.kallelse, 'Jag kommer', channel);
        assert.match(textOf(answer), /Your answer is saved: I'm coming/);
        assert.match(textOf(answer), /Friday 12 December 2025 at 13:00/);
        assert.match(textOf(answer), /Decision \(approved as proposed\)/);
    });

    it('When a closed val is recorded, then only the counts are stored, never who voted what', async () => {
        let card = await h.press(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(VAL));
        card = await addYrkande(card, P.C, 'bifall');
        card = await addYrkande(card, P.D, 'ändrat', 'Att välja Lena Strand till vice ordförande');
        const [y1, y2] = yrkandeIds(VAL);
        const tooMany = await h.press(P.E, card, 'Registrera sluten omröstning', channel, {
            election: 'true',
            [`c${y1}`]: '3',
            [`c${y2}`]: '4',
        });
        assert.match(textOf(tooMany), /Fler röster än tjänstgörande ledamöter/);
        const done = await h.press(P.E, card, 'Registrera sluten omröstning', channel, {
            election: 'true',
            [`c${y1}`]: '2',
            [`c${y2}`]: '4',
        });
        assert.match(
            textOf(done),
            /yrkande 2 vann\. Beslut: Styrelsen beslutar att välja Lena Strand till vice ordförande/,
        );
        const v = h.t.bot.db.prepare("SELECT id, counts FROM voteringar WHERE kind = 'sluten'").get() as {
            id: number;
            counts: string;
        };
        assert.deepEqual(JSON.parse(v.counts), { [y1]: 2, [y2]: 4, avstar: 0 });
        assert.equal(h.count('SELECT count(*) FROM votering_votes WHERE votering_id = ?', v.id), 0);
    });
});
