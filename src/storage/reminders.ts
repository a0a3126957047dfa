// Reminder rows, one per (deadline, lead time, person): planned, claimed right before a send, then sent or failed.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { transactional, type Db } from './db';

/**
 * How long a claim keeps other processes off a row. A send makes at most 5 attempts and waits at most 60 s between
 * two (the sender's Retry-After ceiling; its own backoff stops at 30 s): 4 minutes of waiting, plus throttling and
 * the requests themselves. 10 minutes leaves room. After a crash, `npm start` (which holds the instance lock, so the
 * claimer is known dead) ends the old leases at once and the interrupted reminder goes out at the first tick.
 */
export const REMINDER_LEASE_MS = 10 * 60 * 1000;

const reminderRow = z.object({
    id: z.number().int(),
    deadline_id: z.number().int(),
    lead_days: z.number().int(),
    person_id: z.number().int(),
    fire_at: z.string(),
    late: z.number().int(),
    state: z.enum(['pending', 'sent', 'failed', 'superseded']),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    claimed_at: z.string().nullable(),
    claimed_by: z.string().nullable(),
    sent_at: z.string().nullable(),
});
/** A stored reminder. */
export type ReminderRow = z.output<typeof reminderRow>;

/** The reminder repository over the db; `owner` names this process in its claims. */
export function createReminderRows(db: Db, owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`) {
    const leaseEnd = (at: Date) => new Date(at.getTime() - REMINDER_LEASE_MS).toISOString();
    const parse = (r: unknown) => reminderRow.parse(r);
    const one = db.prepare('SELECT * FROM reminders WHERE deadline_id = ? AND lead_days = ? AND person_id = ?');
    const insert = db.prepare(
        `INSERT OR IGNORE INTO reminders (deadline_id, lead_days, person_id, fire_at, late, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    );
    return {
        /** The row for this lead time and person, created pending if new; an existing row is returned as it is. */
        ensure(deadlineId: number, lead: number, personId: number, fireAt: Date, late: boolean, at: Date): ReminderRow {
            insert.run(deadlineId, lead, personId, fireAt.toISOString(), late ? 1 : 0, at.toISOString());
            return parse(one.get(deadlineId, lead, personId));
        },
        /** Older pending rows of the same deadline and person are never sent once a later lead time is due. */
        supersede(deadlineId: number, personId: number, keepLead: number): number {
            return db
                .prepare(
                    `UPDATE reminders SET state = 'superseded' WHERE deadline_id = ? AND person_id = ? AND lead_days <> ?
                     AND state = 'pending'`,
                )
                .run(deadlineId, personId, keepLead).changes;
        },
        /**
         * Committed right before the send: if the process dies before `sent`, the row shows it was in flight. Only
         * one connection wins; a row claimed by anyone is taken again only after REMINDER_LEASE_MS.
         */
        claim(id: number, at: Date): boolean {
            return (
                db
                    .prepare(
                        `UPDATE reminders SET claimed_at = ?, claimed_by = ? WHERE id = ? AND state = 'pending'
                         AND (claimed_at IS NULL OR julianday(claimed_at) <= julianday(?))`,
                    )
                    .run(at.toISOString(), owner, id, leaseEnd(at)).changes === 1
            );
        },
        /**
         * Records the connector's acceptance; called synchronously right after it, to keep the crash window small.
         * False when the claim was no longer this process's (its lease ran out and another took the row).
         */
        sent(id: number, at: Date, attempts: number, activityId?: string): boolean {
            return (
                db
                    .prepare(
                        `UPDATE reminders SET state = 'sent', sent_at = ?, attempts = attempts + ?, activity_id = ?,
                         claimed_at = NULL, claimed_by = NULL, last_error = NULL
                         WHERE id = ? AND state = 'pending' AND claimed_by = ?`,
                    )
                    .run(at.toISOString(), attempts, activityId ?? null, id, owner).changes === 1
            );
        },
        /** Records a failed send: `final` makes it 'failed', otherwise it stays pending for the next tick. */
        failed(id: number, error: string, attempts: number, final: boolean): boolean {
            return (
                db
                    .prepare(
                        `UPDATE reminders SET state = ?, attempts = attempts + ?, last_error = ?, claimed_at = NULL,
                         claimed_by = NULL WHERE id = ? AND state = 'pending' AND claimed_by = ?`,
                    )
                    .run(final ? 'failed' : 'pending', attempts, error.slice(0, 500), id, owner).changes === 1
            );
        },
        /**
         * Ends the leases of other processes at once. Only for a caller that holds the instance lock: then no other
         * process can be alive on this database, and a send it left claimed was interrupted by its death.
         */
        endForeignLeases(): number {
            return db
                .prepare(
                    `UPDATE reminders SET claimed_at = '1970-01-01T00:00:00.000Z' WHERE state = 'pending'
                     AND claimed_at IS NOT NULL AND claimed_by IS NOT ?`,
                )
                .run(owner).changes;
        },
        /** Pending rows whose send was interrupted: claimed but never recorded, and the lease has run out. */
        interrupted(at: Date): ReminderRow[] {
            return db
                .prepare(
                    `SELECT * FROM reminders WHERE state = 'pending' AND claimed_at IS NOT NULL
                     AND julianday(claimed_at) <= julianday(?)`,
                )
                .all(leaseEnd(at))
                .map(parse);
        },
        /** Every row of a deadline (tests and listings). */
        ofDeadline(deadlineId: number): ReminderRow[] {
            return db.prepare('SELECT * FROM reminders WHERE deadline_id = ? ORDER BY id').all(deadlineId).map(parse);
        },
        /** True once a notice with this key reached the chef. */
        noticed(key: string): boolean {
            return db.prepare('SELECT 1 FROM reminder_notices WHERE key = ?').get(key) !== undefined;
        },
        /** Records that notices reached the chef. */
        recordNotices: transactional(db, (forbundId: string, keys: string[], at: Date) => {
            const put = db.prepare(
                'INSERT OR IGNORE INTO reminder_notices (key, forbund_id, sent_at) VALUES (?, ?, ?)',
            );
            for (const k of keys) put.run(k, forbundId, at.toISOString());
        }),
    };
}
export type ReminderRows = ReturnType<typeof createReminderRows>;
