import assert from 'node:assert/strict';
import { channel, P, startMeeting, type Harness } from './harness';
import { button, cardOf, textOf } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';

// Karin Ekberg (ledamot, D) reported förhinder, so Johan Ström (her ersättare, Dx) serves — until she arrives at § 4.
describe('Meetings: närvaro per §', () => {
    let h: Harness;
    const FIRST = 'Projektmedel för samverkan';
    const SECOND = 'Revidering av delegationsordning';
    const presence = async (who: User, fields: { arrives?: string; leaves?: string }) => {
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Närvaro per punkt', channel);
        return h.press(P.chef, form, 'Spara', channel, {
            person: String(h.personId(who)),
            arrives: '',
            leaves: '',
            ...fields,
        });
    };
    const item = (n: number) => h.count('SELECT id FROM agenda_items WHERE meeting_id = 1 AND position = ?', n);
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [
                [FIRST, 'beslut', 'Att bevilja 50 000 kr i projektmedel'],
                [SECOND, 'beslut', 'Att anta den reviderade delegationsordningen'],
            ],
            come: [P.A, P.B, P.E, P.Dx],
            absent: [P.C, P.D, P.F],
        });
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, form, 'Spara', channel, { justerare: `${h.personId(P.A)},${h.personId(P.B)}` });
        h.at(5);
    });
    after(() => h.close());

    it('When Karin Ekberg arrives at § 4 and Lena Strand leaves after § 7, then quorum is counted per item', async () => {
        assert.match(
            textOf(await presence(P.D, { arrives: String(item(4)) })),
            /Karin Ekberg: kommer vid punkt 4 \(närvarande vid punkt 4–10\)/,
        );
        assert.match(
            textOf(await presence(P.B, { leaves: String(item(7)) })),
            /Lena Strand: går efter punkt 7 \(närvarande vid punkt 1–7\)/,
        );
        for (const n of [2, 3, 7]) {
            const res = await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(n));
            assert.match(textOf(res), new RegExp(`Beslutet på punkt ${n} är registrerat`));
        }
        const refused = await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(8));
        assert.match(textOf(refused), /inte beslutsmässigt för punkt 8: 3 av 6 platser besatta/);
        assert.equal(h.count('SELECT count(*) FROM decisions'), 3);
    });

    it('When Lena Strand stays after all, then § 8 is decided and the protokoll shows who took part per §', async () => {
        await presence(P.B, {});
        const res = await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(8));
        assert.match(textOf(res), /Beslutet på punkt 8 är registrerat/);
        await h.say(P.chef, 'avsluta mötet');
        const card = cardOf(h.toUser(P.E).at(-1)!);
        const html = await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text();
        const section = (ref: string) => new RegExp(`<h2>${ref} [^<]*</h2>(.*?)</section>`).exec(html)?.[1] ?? '';
        assert.match(section('§ 2/2025'), /Deltog i beslutet: [^<]*Johan Ström \(ersättare, Försäkringskassan\)/);
        assert.doesNotMatch(section('§ 2/2025'), /Karin Ekberg/);
        assert.match(
            section('§ 4/2025'),
            /Karin Ekberg \(ledamot, Försäkringskassan\) tjänstgör från och med denna paragraf/,
        );
        assert.match(
            section('§ 4/2025'),
            /Johan Ström \(ersättare, Försäkringskassan\) tjänstgör inte från och med denna paragraf/,
        );
        assert.match(section('§ 7/2025'), /Deltog i beslutet: [^<]*Karin Ekberg/);
        assert.doesNotMatch(section('§ 7/2025'), /Deltog i beslutet: [^<]*Johan Ström/);
        assert.match(html, /Karin Ekberg \(ledamot, Försäkringskassan\) – närvarande §§ 4–10/);
        assert.match(html, /Johan Ström \(ersättare, Försäkringskassan\) – tjänstgörande §§ 1–3/);
    });
});
