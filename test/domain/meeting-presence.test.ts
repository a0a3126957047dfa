import assert from 'node:assert/strict';
import type { Person } from '../../src/domain/access';
import { invitation, type Answer } from '../../src/domain/meetings';
import { periodsOf, presentAtItem, quorumAt, type PresenceChange } from '../../src/domain/meeting-presence';
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
const [A, C, D, Dx, E] = ['anders-berg', 'ingrid-fors', 'karin-ekberg', 'johan-strom', 'eva-bjork'].map(id);
const kommer = (ids: number[]) => new Map<number, Answer>(ids.map((x) => [x, 'kommer']));
const change = (personId: number, c: 'kommer' | 'går', at: number): PresenceChange => ({ personId, change: c, at });

describe('Närvaro per § as changes (periods)', () => {
    it('When a member leaves after 2 and comes back at 4, then they are present at 1–2 and 4–9 whatever order it was recorded in', () => {
        const changes = [change(D, 'kommer', 4), change(D, 'går', 2)];
        assert.deepEqual(periodsOf(changes, 9), [
            [1, 2],
            [4, 9],
        ]);
        assert.equal(presentAtItem(changes, 3), false);
    });

    it('When the first change is an arrival, then the member is away before it; a leave and an arrival at the next item leave no gap', () => {
        assert.deepEqual(periodsOf([change(D, 'kommer', 4), change(D, 'går', 7)], 9), [[4, 7]]);
        assert.deepEqual(periodsOf([change(D, 'går', 3), change(D, 'kommer', 4)], 9), [[1, 9]]);
    });

    it('When a ledamot comes back while the ersättare served, then the body’s rule decides who serves from there', () => {
        const answers = kommer([A, C, D, Dx, E]);
        const changes = [change(D, 'går', 2), change(D, 'kommer', 4)];
        assert.ok(quorumAt(inv, answers, changes, 3).serving.includes(Dx));
        const back = quorumAt(inv, answers, changes, 4);
        assert.ok(back.presentLedamoter.includes(D) && !back.serving.includes(Dx));
        const kept = quorumAt(inv, answers, changes, 4, [], 'ersättare');
        assert.ok(kept.serving.includes(Dx) && !kept.presentLedamoter.includes(D));
        assert.ok(kept.attendingOnly.includes(D) && !kept.absent.includes(D));
        assert.equal(kept.filled, back.filled);
        // A late arrival is no return: the ledamot takes the seat under either rule.
        const late = quorumAt(inv, answers, [change(D, 'kommer', 4)], 4, [], 'ersättare');
        assert.ok(late.presentLedamoter.includes(D) && !late.serving.includes(Dx));
    });
});
