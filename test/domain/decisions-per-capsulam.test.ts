import assert from 'node:assert/strict';
import type { Person } from '../../src/domain/access';
import {
    formatPcRef,
    perCapsulamVoters,
    settledAt,
    tallyVotes,
    type Vote,
    type VoteEvent,
} from '../../src/domain/decision-per-capsulam';
import { invitation } from '../../src/domain/meetings';
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
const F = id('leif-sand');
const Fx = id('maria-holm');
const DEADLINE = new Date('2025-12-19T11:00:00Z');
const BEFORE = new Date('2025-12-18T09:00:00Z');
const AFTER = new Date('2025-12-19T11:00:01Z');

describe('decisions: per capsulam voters', () => {
    it('When nobody is unavailable, then each of the six parts answers by its ledamot', () => {
        const { voters, uncovered } = perCapsulamVoters(inv, []);
        assert.equal(voters.length, 6);
        assert.deepEqual(uncovered, []);
        assert.ok(voters.every((v) => inv.groups.find((g) => g.key === v.part)!.ledamoter.includes(v.personId)));
    });

    it("When the chef marks a ledamot unavailable, then that part's ersättare answers instead", () => {
        const v = perCapsulamVoters(inv, [F]).voters.find((x) => x.part === 'arbetsformedlingen')!;
        assert.deepEqual(v, { part: 'arbetsformedlingen', personId: Fx, replaces: F });
    });

    it('When both the ledamot and the ersättare are unavailable, then the part is uncovered', () => {
        assert.deepEqual(perCapsulamVoters(inv, [F, Fx]).uncovered, ['arbetsformedlingen']);
    });
});

describe('decisions: per capsulam tally', () => {
    const { voters } = perCapsulamVoters(inv, [F]);
    const votes = (answers: (Vote | undefined)[], at = BEFORE): VoteEvent[] =>
        voters.flatMap((v, i) => (answers[i] ? [{ part: v.part, personId: v.personId, answer: answers[i], at }] : []));
    const all = (a: Vote): Vote[] => voters.map(() => a);
    const cases: [string, VoteEvent[], Date, boolean, boolean][] = [
        ['every part answered Ja before the deadline', votes(all('ja')), BEFORE, true, true],
        ['every part answered Ja, read after the deadline', votes(all('ja')), AFTER, true, true],
        ['one part answered Nej', votes([...all('ja').slice(1), 'nej']), BEFORE, true, false],
        ['one part answered Avstår', votes(['avstår', ...all('ja').slice(1)]), BEFORE, true, false],
        ['one part is missing before the deadline', votes([...all('ja').slice(1), undefined]), BEFORE, false, false],
        ['one part is missing at the deadline', votes([...all('ja').slice(1), undefined]), AFTER, true, false],
        [
            'one Ja came after the deadline',
            [
                ...votes([...all('ja').slice(1), undefined]),
                ...votes([undefined, undefined, undefined, undefined, undefined, 'ja'], AFTER),
            ],
            AFTER,
            true,
            false,
        ],
        [
            'a replaced ledamot answered for the part',
            [
                ...votes([...all('ja').slice(0, 5), undefined]),
                { part: 'arbetsformedlingen', personId: F, answer: 'ja', at: BEFORE },
            ],
            AFTER,
            true,
            false,
        ],
        [
            'a voter changed Nej to Ja before the deadline',
            [
                ...votes([...all('ja').slice(1), 'nej']),
                ...votes([undefined, undefined, undefined, undefined, undefined, 'ja'], new Date(BEFORE.getTime() + 1)),
            ],
            BEFORE,
            true,
            true,
        ],
    ];
    for (const [name, events, now, settled, adopted] of cases) {
        it(`When ${name}, then it is ${settled ? (adopted ? 'adopted' : 'not adopted') : 'still open'}`, () => {
            const t = tallyVotes(voters, [], events, DEADLINE, now);
            assert.equal(t.settled, settled);
            assert.equal(t.adopted, adopted);
        });
    }

    it('When a part is uncovered, then it can never be adopted', () => {
        const t = tallyVotes(
            voters.slice(1),
            [voters[0].part],
            votes([undefined, ...all('ja').slice(1)]),
            DEADLINE,
            AFTER,
        );
        assert.deepEqual([t.settled, t.adopted, t.missing], [true, false, 1]);
    });
});

describe('per capsulam: the moment of settlement', () => {
    const voters = [
        { part: 'kil', personId: 1 },
        { part: 'fk', personId: 2 },
    ];
    const deadline = new Date('2025-12-19T11:00:00Z');
    it('When every part has answered, then it is settled at the last counting answer, not at the deadline', () => {
        const votes = [
            { part: 'kil', personId: 1, answer: 'ja' as const, at: new Date('2025-12-10T08:00:00Z') },
            { part: 'fk', personId: 2, answer: 'ja' as const, at: new Date('2025-12-12T09:00:00Z') },
            { part: 'fk', personId: 9, answer: 'nej' as const, at: new Date('2025-12-13T09:00:00Z') },
        ];
        assert.equal(settledAt(voters, votes, deadline, 0).toISOString(), '2025-12-12T09:00:00.000Z');
    });
    it('When a part never answered, then it is settled at the deadline', () => {
        assert.equal(settledAt(voters, [], deadline, 2).toISOString(), deadline.toISOString());
    });
    it('When the register number is written, then it reads PC n/year', () => {
        assert.equal(formatPcRef(3, 2026), 'PC 3/2026');
    });
});
