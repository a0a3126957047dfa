import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/storage/db';
import { createDeadlines } from '../../src/storage/deadlines';
import { createReminderRows, REMINDER_LEASE_MS } from '../../src/storage/reminders';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';
import { tempDir } from '../helpers/temp-dir';

const f = forbund('fryksdalen');
const AT = new Date('2025-11-16T07:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

describe('reminder rows on two connections (two bot processes on one file)', () => {
    let tmp: ReturnType<typeof tempDir>;
    let first: Db;
    let second: Db;
    let deadline: number;
    let id: number;

    beforeEach(() => {
        tmp = tempDir();
        const file = join(tmp.dir, 'finsam.sqlite');
        first = openDb(file);
        second = openDb(file);
        const roster = createRoster(first, () => AT);
        roster.seedOnce(f.id, f.roster);
        deadline = createDeadlines(first).upsert(
            f.id,
            {
                key: 'budget:2025',
                kind: 'budget',
                due: '2025-11-30',
                title: { sv: 'Budget', en: 'Budget' },
                source: { sv: 'Lag', en: 'Law' },
                origin: 'lag',
                audience: { to: 'chef' },
                leads: [14],
            },
            'test',
            AT,
        );
        const person = roster.bySlug(f.id, 'helena-vik').id;
        id = createReminderRows(first).ensure(deadline, 14, person, AT, false, AT).id;
    });
    afterEach(() => {
        first.close();
        second.close();
        tmp.cleanup();
    });

    it('When both claim the same pending reminder, then only one wins, and only the winner can record the result', () => {
        const a = createReminderRows(first);
        const b = createReminderRows(second);
        assert.equal(a.claim(id, AT), true);
        assert.equal(b.claim(id, later(1_000)), false, 'the claim holds while the first one sends');
        assert.equal(b.sent(id, later(2_000), 1), false);
        assert.equal(a.sent(id, later(3_000), 1, 'act-1'), true);
        assert.equal(b.claim(id, later(REMINDER_LEASE_MS * 2)), false, 'a sent reminder is never claimed again');
        const [row] = b.ofDeadline(deadline);
        assert.deepEqual([row.state, row.attempts, row.claimed_at, row.claimed_by], ['sent', 1, null, null]);
    });

    it('When the claim holder never records a result, then another takes the row only after the lease has run out', () => {
        const a = createReminderRows(first);
        const b = createReminderRows(second);
        assert.equal(a.claim(id, AT), true);
        assert.deepEqual(b.interrupted(later(REMINDER_LEASE_MS - 1)), [], 'not interrupted while the lease runs');
        assert.equal(b.claim(id, later(REMINDER_LEASE_MS - 1)), false);
        assert.deepEqual(
            b.interrupted(later(REMINDER_LEASE_MS)).map((r) => r.id),
            [id],
        );
        assert.equal(b.claim(id, later(REMINDER_LEASE_MS)), true, 're-claimed once the lease ran out');
        assert.equal(a.sent(id, later(REMINDER_LEASE_MS + 1), 1), false, 'the first one lost its claim');
        assert.equal(b.sent(id, later(REMINDER_LEASE_MS + 2), 1), true);
    });

    it('When a process holding the instance lock takes over, then a dead process’s claim is interrupted at once, not after the lease', () => {
        const dead = createReminderRows(first);
        assert.equal(dead.claim(id, AT), true);
        const next = createReminderRows(second);
        assert.equal(next.claim(id, later(1_000)), false);
        assert.equal(next.endForeignLeases(), 1);
        assert.deepEqual(
            next.interrupted(later(1_000)).map((r) => r.id),
            [id],
            'still reported as interrupted (it may arrive twice)',
        );
        assert.equal(next.claim(id, later(1_000)), true);
        assert.equal(next.endForeignLeases(), 0, 'its own claim is left alone');
        assert.equal(next.sent(id, later(2_000), 1), true);
    });
});
