import assert from 'node:assert/strict';
import type { Person } from '../../src/domain/access';
import { invitation, latestAnswers, quorum, ersattareCalledFor, type AnswerEvent } from '../../src/domain/meetings';
import { ekonomiskRapport, insertIndex, moveItem, reportYear, skeleton } from '../../src/domain/meetings-agenda';
import { forbund } from './load';

const f = forbund('fryksdalen');
const people: Person[] = f.roster.map((p, i) => ({
    id: i + 1,
    forbundId: f.id,
    slug: p.slug,
    name: p.name,
    sample: true,
    roles: p.roles,
}));
const id = (slug: string) => people.find((p) => p.slug === slug)!.id;
const styrelse = f.bodies.find((b) => b.kind === 'styrelse')!;
const inv = invitation(f, styrelse, people);
// A..E are ledamöter (Kil, Sunne, Torsby, Försäkringskassan, Region Värmland); D' and E' their ersättare.
const [A, B, C, D, E] = ['anders-berg', 'lena-strand', 'ingrid-fors', 'karin-ekberg', 'eva-bjork'].map(id);
const [Dx, Ex, Ax] = ['johan-strom', 'per-lund', 'sofia-dahl'].map(id);
const come = (...ids: number[]): AnswerEvent[] => ids.map((personId) => ({ personId, answer: 'kommer' }));
const away = (...ids: number[]): AnswerEvent[] => ids.map((personId) => ({ personId, answer: 'förhinder' }));

describe('meetings: invitation and quorum', () => {
    it('When the styrelse is invited, then all six ledamöter and six ersättare are called to six seats', () => {
        assert.equal(inv.seats, 6);
        assert.equal(inv.members.length, 12);
        assert.deepEqual(
            inv.groups.map((g) => [g.key, g.ledamoter.length, g.ersattare.length]),
            f.parter.map((p) => [p.id, 1, 1]),
        );
    });

    const cases: [string, AnswerEvent[], number, boolean][] = [
        ['A, B and C come', come(A, B, C), 3, false],
        ["D reports förhinder and D's ersättare comes", [...come(A, B, C), ...away(D), ...come(Dx)], 4, true],
        ["D's ersättare comes while D has not answered", [...come(A, B, C, Dx)], 3, false],
        ["E's ersättare comes while E also comes", [...come(A, B, C, E, Ex)], 4, true],
        ["A's ersättare comes while A comes", [...come(A, Ax)], 1, false],
        ['A switches to förhinder', [...come(A, B, C), ...away(D), ...come(Dx), ...away(A)], 3, false],
        ['A answers "kommer" twice', [...come(A, A, A)], 1, false],
        ['nobody answers', [], 0, false],
        ['all six ledamöter come', come(A, B, C, D, E, id('leif-sand')), 6, true],
    ];
    for (const [when, events, filled, ok] of cases) {
        it(`When ${when}, then ${filled}/6 seats are filled and it is ${ok ? '' : 'not '}beslutsmässigt`, () => {
            const q = quorum(inv, latestAnswers(events));
            assert.equal(q.filled, filled);
            assert.equal(q.beslutsmassig, ok);
        });
    }

    it("When D reports förhinder, then D's ersättare serves and E's ersättare (with E present) only attends", () => {
        const q = quorum(inv, latestAnswers([...come(A, E, Ex, Dx), ...away(D)]));
        assert.deepEqual(q.serving, [Dx]);
        assert.deepEqual(q.attendingOnly, [Ex]);
        assert.deepEqual(q.absent, [D]);
        assert.deepEqual(ersattareCalledFor(inv, D, latestAnswers(away(D))), [Dx]);
        assert.deepEqual(ersattareCalledFor(inv, D, latestAnswers([...away(D), ...away(Dx)])), []);
    });

    it('When a part has no ledamot on the roster, then its ersättare fills the vacant seat', () => {
        const noD = invitation(
            f,
            styrelse,
            people.filter((p) => p.id !== D),
        );
        assert.equal(quorum(noD, latestAnswers(come(Dx))).filled, 1);
    });

    it('When a body has no seats per part, then every member is one seat and nobody has an ersättare', () => {
        const bg = invitation(
            f,
            f.bodies.find((b) => b.kind === 'beredningsgrupp')!,
            people,
        );
        assert.equal(bg.seats, 3);
        const nav = invitation(
            f,
            f.bodies.find((b) => b.kind === 'styrgrupp')!,
            people,
        );
        assert.deepEqual(nav.members.map((m) => people[m - 1].slug).sort(), ['erik-mo', 'nina-sjo', 'tomas-as']);
        assert.equal(quorum(nav, latestAnswers(come(...nav.members.slice(0, 2)))).beslutsmassig, true);
    });
});

describe('meetings: agenda rules', () => {
    const items = skeleton(f, styrelse, 2025).map((x, i) => ({ id: i + 1, slot: x.slot }));

    it('When a styrelse meeting starts, then it has the customary skeleton in order', () => {
        assert.deepEqual(
            skeleton(f, styrelse, 2025).map((x) => x.title),
            [
                'Mötets öppnande',
                'Val av justerare',
                'Godkännande av dagordning',
                'Ekonomisk rapport',
                'Rapporter från insatser',
                'Beslutsärenden',
                'Övriga frågor',
                'Mötets avslutande',
            ],
        );
    });

    const moves: [string, number, 'up' | 'down', number[] | string][] = [
        ['item 3 moves up', 3, 'up', [1, 3, 2, 4, 5, 6, 7, 8]],
        ['item 6 moves down', 6, 'down', [1, 2, 3, 4, 5, 7, 6, 8]],
        ['item 2 moves up above the opening', 2, 'up', 'pinned'],
        ['item 7 moves down below the closing', 7, 'down', 'pinned'],
        ['the opening moves', 1, 'down', 'pinned'],
        ['the opening moves up', 1, 'up', 'edge'],
        ['a removed item moves', 42, 'up', 'unknown-item'],
    ];
    for (const [when, itemId, dir, expected] of moves) {
        it(`When ${when}, then ${Array.isArray(expected) ? 'the order follows' : `it is refused (${expected})`}`, () => {
            const r = moveItem(items, itemId, dir);
            if (Array.isArray(expected)) assert.deepEqual(r, { ok: true, order: expected });
            else assert.deepEqual(r, { ok: false, reason: expected });
        });
    }

    it('When an item is added, then it goes before "Övriga frågor" (or before the closing, or last)', () => {
        assert.equal(insertIndex(items), 6);
        assert.equal(insertIndex(items.filter((x) => x.slot !== 'ovriga')), 6);
        assert.equal(insertIndex([{ id: 1 }]), 1);
    });

    it('When the ekonomisk rapport is made for December 2025, then it states the plan figures and breaches', () => {
        const text = ekonomiskRapport(f, 2025);
        assert.match(
            text,
            /^Budget 2025 \(preliminär\): intäkter 3 044 280 kr, kostnader 3 506 000 kr, resultat −461 720 kr\./,
        );
        assert.match(
            text,
            /Eget kapital vid utgången av 2025 \(beräknat\): 170 514 kr, 5,6 % av tilldelade medel – inom ramen\./,
        );
        assert.match(text, /2026 \(beräknat\): −291 206 kr, −9,6 % av tilldelade medel – negativt/);
        assert.match(text, /kostnaderna överstiger intäkterna \(2025, 2026\)/);
        assert.match(text, /negativt eget kapital \(2026\)/);
        assert.match(text, /Avvikelser i planens siffror: inga\./);
        assert.equal(skeleton(f, styrelse, 2025)[3].details, text);
    });

    it('When the plan prints figures that do not add up, then the report lists them with printed and derived values', () => {
        const text = ekonomiskRapport(forbund('nedansiljan'), 2025);
        assert.match(text, /^Budget 2025 \(fastställd\): intäkter 3 286 tkr/);
        assert.match(
            text,
            /Avvikelser i planens siffror: .*kolumn 2026.*: tryckt 756 tkr, beräknat 761 tkr; .*: tryckt 610 tkr, beräknat 601 tkr\./,
        );
    });

    const years: [number, number][] = [
        [2025, 2025],
        [2030, 2026],
        [2019, 2024],
    ];
    for (const [meeting, plan] of years) {
        it(`When the meeting is in ${meeting}, then the report is on plan year ${plan}`, () => {
            assert.equal(reportYear(f, meeting), plan);
        });
    }
});
