import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir';
import { button, cardOf, textOf } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';
import { channel, P, startMeeting } from './harness';

const FIRST = 'Projektmedel för samverkan';

/**
 * A styrelse meeting where Karin Ekberg (ledamot, D) leaves after § 2 and comes back at § 4 while her ersättare Johan
 * Ström (Dx) is there, and Ingrid Fors (C) does the same, which takes the quorum away at § 3 (3 of 6 seats).
 */
async function meetingWithReturns(rule?: 'ledamot' | 'ersättare') {
    const dir = tempDir();
    const data = JSON.parse(readFileSync('data/forbund/fryksdalen.json', 'utf8'));
    if (rule) data.bodies[0].meetingRules = { returnAfterLeaving: rule };
    mkdirSync(dir.dir, { recursive: true });
    writeFileSync(join(dir.dir, 'fryksdalen.json'), JSON.stringify(data));
    const h = await startMeeting({
        env: { FORBUND_DATA_DIR: dir.dir },
        items: [[FIRST, 'beslut', 'Att bevilja 50 000 kr i projektmedel']],
        come: [P.A, P.C, P.D, P.E, P.Dx],
        absent: [P.B, P.F],
    });
    const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
    const form = await h.press(P.chef, editor, 'Justerare', channel);
    await h.press(P.chef, form, 'Spara', channel, { justerare: `${h.personId(P.A)},${h.personId(P.C)}` });
    h.at(5);
    const item = (n: number) => h.count('SELECT id FROM agenda_items WHERE meeting_id = 1 AND position = ?', n);
    const presence = async (who: User, fields: { arrives?: string; leaves?: string }, en = false) => {
        const ed = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const f = await h.press(P.chef, ed, 'Närvaro per punkt', channel);
        const save = en ? h.pressEn : h.press;
        return save(P.chef, f, 'Spara', channel, {
            person: String(h.personId(who)),
            arrives: '',
            leaves: '',
            ...fields,
        });
    };
    const leaveAndReturn = async () => {
        const left = await presence(P.D, { leaves: String(item(2)) });
        assert.match(textOf(left), /Karin Ekberg: går efter punkt 2 \(närvarande vid punkt 1–2\)/);
        const back = await presence(P.D, { arrives: String(item(4)) });
        assert.match(
            textOf(back),
            /Karin Ekberg: går efter punkt 2, kommer vid punkt 4 \(närvarande vid punkt 1–2, 4–9\)/,
        );
        // Both at once: a leave before the arrival is a leave and a return.
        const c = await presence(P.C, { leaves: String(item(2)), arrives: String(item(4)) }, true);
        assert.match(textOf(c), /Ingrid Fors: leaves after item 2, arrives at item 4 \(present at items 1–2, 4–9\)/);
    };
    const protokoll = async () => {
        for (const n of [2, 7]) {
            const res = await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, item(n));
            assert.match(textOf(res), new RegExp(`Beslutet på punkt ${n} är registrerat`));
        }
        await h.say(P.chef, 'avsluta mötet');
        const card = cardOf(h.toUser(P.E).at(-1)!);
        const html = await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text();
        const section = (ref: string) => new RegExp(`<h2>${ref} [^<]*</h2>(.*?)</section>`).exec(html)?.[1] ?? '';
        return { html, section };
    };
    return { h, dir, item, presence, leaveAndReturn, protokoll };
}

describe('Meetings: a ledamot who leaves and comes back (the default: the ledamot takes the seat again)', () => {
    let m: Awaited<ReturnType<typeof meetingWithReturns>>;
    before(async function () {
        this.timeout(60_000);
        m = await meetingWithReturns();
    });
    after(async () => {
        await m.h.close();
        m.dir.cleanup();
    });

    it('When Karin Ekberg and Ingrid Fors leave after § 2 and return at § 4, then § 3 is not beslutsmässig and § 4 is again', async () => {
        await m.leaveAndReturn();
        const refused = await m.h.press(P.E, m.h.kallelse, 'Bifall enligt förslaget', channel, {}, m.item(3));
        assert.match(textOf(refused), /inte beslutsmässigt för punkt 3: 3 av 6 platser besatta/);
        assert.equal(m.h.count('SELECT count(*) FROM decisions'), 0);
        assert.equal(m.h.count('SELECT count(*) FROM meeting_presence_changes'), 4);
    });

    it('When the meeting is closed, then each § shows who served there and the närvaro lists show the periods', async () => {
        const { html, section } = await m.protokoll();
        assert.match(section('§ 2/2025'), /Deltog i beslutet: [^<]*Karin Ekberg/);
        assert.match(
            section('§ 3/2025'),
            /Johan Ström \(ersättare, Försäkringskassan\) tjänstgör från och med denna paragraf/,
        );
        assert.match(
            section('§ 3/2025'),
            /Styrelsen är inte beslutsmässig från och med denna paragraf \(3 av 6 platser besatta\)/,
        );
        assert.match(section('§ 3/2025'), /Ärendet kunde inte avgöras eftersom styrelsen inte var beslutsmässig/);
        assert.match(
            section('§ 4/2025'),
            /Karin Ekberg \(ledamot, Försäkringskassan\) tjänstgör från och med denna paragraf/,
        );
        assert.match(
            section('§ 4/2025'),
            /Johan Ström \(ersättare, Försäkringskassan\) tjänstgör inte från och med denna paragraf/,
        );
        assert.match(section('§ 4/2025'), /Styrelsen är åter beslutsmässig från och med denna paragraf/);
        assert.match(section('§ 7/2025'), /Deltog i beslutet: [^<]*Ingrid Fors/);
        assert.match(section('§ 7/2025'), /Deltog i beslutet: [^<]*Karin Ekberg/);
        assert.doesNotMatch(section('§ 7/2025'), /Deltog i beslutet: [^<]*Johan Ström/);
        assert.match(html, /Karin Ekberg \(ledamot, Försäkringskassan\) – närvarande §§ 1–2, 4–9/);
        assert.match(html, /Ingrid Fors \([^)]*\) – närvarande §§ 1–2, 4–9/);
        assert.match(html, /Johan Ström \(ersättare, Försäkringskassan\) – tjänstgörande § 3/);
        assert.match(html, /Styrelsen var inte beslutsmässig vid § 3\/2025/);
    });
});

describe('Meetings: a ledamot who leaves and comes back where the ersättare keeps serving (returnAfterLeaving: ersättare)', () => {
    let m: Awaited<ReturnType<typeof meetingWithReturns>>;
    before(async function () {
        this.timeout(60_000);
        m = await meetingWithReturns('ersättare');
    });
    after(async () => {
        await m.h.close();
        m.dir.cleanup();
    });

    it('When Karin Ekberg comes back at § 4, then Johan Ström serves to the end and she is present without serving', async () => {
        await m.leaveAndReturn();
        const { html, section } = await m.protokoll();
        assert.match(
            section('§ 4/2025'),
            /Karin Ekberg \(ledamot, Försäkringskassan\) är åter närvarande från och med denna paragraf men tjänstgör inte/,
        );
        assert.doesNotMatch(section('§ 4/2025'), /Johan Ström[^<]*tjänstgör inte/);
        assert.match(section('§ 7/2025'), /Deltog i beslutet: [^<]*Johan Ström/);
        assert.doesNotMatch(section('§ 7/2025'), /Deltog i beslutet: [^<]*Karin Ekberg/);
        assert.match(html, /Johan Ström \(ersättare, Försäkringskassan\) – tjänstgörande §§ 3–9/);
        assert.match(html, /Karin Ekberg \(ledamot, Försäkringskassan\) – närvarande §§ 1–2, 4–9/);
        // Ingrid Fors's part has no ersättare there, so she takes her seat again and the quorum comes back.
        assert.match(section('§ 7/2025'), /Deltog i beslutet: [^<]*Ingrid Fors/);
    });
});
