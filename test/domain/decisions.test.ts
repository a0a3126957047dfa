import assert from 'node:assert/strict';
import type { Person } from '../../src/domain/access';
import {
    budgetEffects,
    decisionText,
    numberParagraphs,
    parseRef,
    quorumWithJav,
    type BudgetEffect,
    type Outcome,
} from '../../src/domain/decisions';
import { invitation, type Answer } from '../../src/domain/meetings';
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
const inv = invitation(
    f,
    f.bodies.find((b) => b.kind === 'styrelse')!,
    people,
);
const [A, B, C, D, E, F] = ['anders-berg', 'lena-strand', 'ingrid-fors', 'karin-ekberg', 'eva-bjork', 'leif-sand'].map(
    id,
);
const [Ax, Dx] = ['sofia-dahl', 'johan-strom'].map(id);
const answers = (come: number[], away: number[] = []) =>
    new Map<number, Answer>([
        ...come.map((x) => [x, 'kommer'] as const),
        ...away.map((x) => [x, 'förhinder'] as const),
    ]);

describe('decisions: quorum recounted without members with jäv', () => {
    const cases: [string, Map<number, Answer>, number[], number, boolean][] = [
        ['five seats filled and no jäv', answers([A, B, C, E, Dx], [D, F]), [], 5, true],
        ['five seats filled and one ledamot with jäv', answers([A, B, C, E, Dx], [D, F]), [C], 4, true],
        ['five seats filled and two with jäv', answers([A, B, C, E, Dx], [D, F]), [A, B], 3, false],
        ['five seats filled and three with jäv', answers([A, B, C, E, Dx], [D, F]), [A, B, C], 2, false],
        ['a ledamot with jäv whose ersättare is present (serves instead)', answers([A, B, C, E, Ax]), [A], 4, true],
        ['a serving ersättare with jäv', answers([A, B, C, E, Dx], [D]), [Dx], 4, true],
        ['jäv of someone absent changes nothing', answers([A, B, C, E], [D]), [D], 4, true],
    ];
    for (const [name, given, jav, filled, ok] of cases) {
        it(`When ${name}, then ${filled} of 6 seats count (${ok ? 'beslutsmässigt' : 'not beslutsmässigt'})`, () => {
            const q = quorumWithJav(inv, given, jav);
            assert.equal(q.filled, filled);
            assert.equal(q.beslutsmassig, ok);
        });
    }
});

describe('decisions: wording', () => {
    const P = 'Att godkänna Verksamhetsplan och budget 2024';
    const cases: [Outcome, string | undefined, string | undefined, string | undefined][] = [
        ['bifall', P, undefined, 'Styrelsen beslutar att godkänna Verksamhetsplan och budget 2024.'],
        ['bifall', 'Budgeten godkänns.', undefined, 'Styrelsen beslutar: Budgeten godkänns.'],
        ['bifall', undefined, undefined, undefined],
        [
            'ändrat',
            P,
            'Att godkänna budgeten med ändringen i punkt 3',
            'Styrelsen beslutar att godkänna budgeten med ändringen i punkt 3.',
        ],
        ['ändrat', P, '  ', undefined],
        ['avslag', P, undefined, 'Styrelsen avslår förslaget att godkänna Verksamhetsplan och budget 2024.'],
        [
            'återremiss',
            P,
            'Beredningen ska ta fram en ny kalkyl',
            'Ärendet återremitteras: Beredningen ska ta fram en ny kalkyl.',
        ],
        ['bordläggs', P, undefined, 'Ärendet bordläggs till nästa sammanträde.'],
    ];
    for (const [outcome, proposal, edited, want] of cases) {
        it(`When the outcome is ${outcome} with ${edited ? 'a text' : 'no text'}, then it reads ${want ?? '(refused)'}`, () => {
            const w = decisionText(outcome, 'Styrelsen', proposal, edited);
            assert.equal(w.ok ? w.text : undefined, want);
        });
    }
});

describe('decisions: § references and numbering', () => {
    const refs: [string, { number: number; year: number } | undefined][] = [
        ['visa § 14/2025', { number: 14, year: 2025 }],
        ['protokollsutdrag §14/2025', { number: 14, year: 2025 }],
        ['paragraf 3 2024', { number: 3, year: 2024 }],
        ['visa § 14', undefined],
        ['budget 2025', undefined],
    ];
    for (const [text, want] of refs) {
        it(`When the text is "${text}", then the reference is ${want ? `${want.number}/${want.year}` : 'none'}`, () => {
            assert.deepEqual(parseRef(text), want);
        });
    }

    it('When a meeting is closed after § 11 of the year, then its items continue at § 12 in agenda order', () => {
        assert.deepEqual(
            [...numberParagraphs([40, 38, 41], 11)],
            [
                [40, 12],
                [38, 13],
                [41, 14],
            ],
        );
    });
});

describe('decisions: budget effects', () => {
    const cases: [Outcome, string, BudgetEffect[]][] = [
        [
            'bifall',
            'Styrelsen beslutar att godkänna Verksamhetsplan och budget 2024 för Fryksdalens samordningsförbund.',
            [{ year: 2024, status: 'fastställd' }],
        ],
        [
            'bifall',
            'Styrelsen beslutar att godkänna preliminär budget 2025 och 2026.',
            [
                { year: 2025, status: 'preliminär' },
                { year: 2026, status: 'preliminär' },
            ],
        ],
        [
            'ändrat',
            'Styrelsen beslutar att fastställa budgeten 2025 med ändringar.',
            [{ year: 2025, status: 'fastställd' }],
        ],
        ['avslag', 'Styrelsen avslår förslaget att godkänna budget 2024.', []],
        ['bifall', 'Styrelsen beslutar att godkänna dagordningen.', []],
    ];
    for (const [outcome, text, want] of cases) {
        it(`When the decision (${outcome}) reads "${text.slice(0, 60)}…", then it settles ${want.map((e) => `${e.year} ${e.status}`).join(', ') || 'no budget year'}`, () => {
            assert.deepEqual(budgetEffects(outcome, text), want);
        });
    }
});
