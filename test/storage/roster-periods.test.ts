// Roles have periods: chat grants start today, removals end yesterday, and a past day still sees who served then.
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../src/storage/db';
import { createRoster } from '../../src/storage/roster';

describe('storage/roster periods', () => {
    let db: Db;
    let clock: Date;
    beforeEach(() => {
        db = openDb(':memory:');
        clock = new Date('2026-03-10T09:00:00Z');
    });
    afterEach(() => db.close());
    const roster = () => createRoster(db, () => clock);
    const roles = (on?: Date) =>
        roster()
            .list('f', on)
            .flatMap((p) => p.roles.map((r) => `${p.name}:${r.role}`));

    it('When a role granted in chat is removed later, then it ended the day before and earlier days still show it', () => {
        const p = roster().addRole('f', 'chef', { name: 'Anna Berg' }, { role: 'beredningsgrupp' });
        assert.deepEqual(roles(), ['Anna Berg:beredningsgrupp']);
        clock = new Date('2026-06-01T09:00:00Z');
        assert.equal(roster().removeRole('f', 'chef', p.id, { role: 'beredningsgrupp' }), true);
        assert.deepEqual(roles(), []);
        assert.deepEqual(roles(new Date('2026-04-01T09:00:00Z')), ['Anna Berg:beredningsgrupp']);
        assert.deepEqual(roles(new Date('2026-03-01T09:00:00Z')), [], 'not before it was granted');
        assert.equal(roster().removeRole('f', 'chef', p.id, { role: 'beredningsgrupp' }), false);
        const periods = db.prepare('SELECT valid_from, valid_to FROM person_roles').all();
        assert.deepEqual(periods, [{ valid_from: '2026-03-10', valid_to: '2026-05-31' }]);

        clock = new Date('2026-07-01T09:00:00Z');
        roster().addRole('f', 'chef', { personId: p.id, name: p.name }, { role: 'beredningsgrupp' });
        assert.deepEqual(roles(), ['Anna Berg:beredningsgrupp'], 'granted again: a second period');
        assert.deepEqual(roles(new Date('2026-06-15T09:00:00Z')), [], 'the gap between the periods');
        assert.equal(db.prepare('SELECT count(*) FROM person_roles').pluck().get(), 2);
        assert.deepEqual(
            roster()
                .auditRows('f')
                .map((r) => r.action),
            ['person.add', 'role.add', 'role.remove', 'role.add'],
        );
    });

    it('When a role granted today is removed today, then it never served and is gone', () => {
        const p = roster().addRole('f', 'chef', { name: 'Bo Ek' }, { role: 'beredningsgrupp' });
        assert.equal(roster().removeRole('f', 'chef', p.id, { role: 'beredningsgrupp' }), true);
        assert.equal(db.prepare('SELECT count(*) FROM person_roles').pluck().get(), 0);
    });

    it('When a mandate period is granted ahead, then it starts on its first day and ends after its last', () => {
        roster().grantPeriod(
            'f',
            'import',
            { name: 'Cia Ny' },
            { role: 'ledamot', partId: 'x' },
            {
                from: '2027-01-01',
                to: '2030-12-31',
            },
        );
        assert.deepEqual(roles(), []);
        assert.deepEqual(roles(new Date('2027-01-01T00:00:00+01:00')), ['Cia Ny:ledamot']);
        assert.deepEqual(roles(new Date('2030-12-31T23:59:00+01:00')), ['Cia Ny:ledamot']);
        assert.deepEqual(roles(new Date('2031-01-01T00:00:00+01:00')), []);
    });
});
