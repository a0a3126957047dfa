// Deadlines table: built-in deadlines written when they come near, one-offs added in chat, and their done markers.
import { z } from 'zod';
import { DEADLINE_KINDS, ORIGINS, type Deadline, type MeetingFact, type Text } from '../domain/deadlines';
import { must } from '../domain/must';
import type { Db } from './db';

const text = z.string().transform((s, ctx): Text => {
    const parsed = z.object({ sv: z.string(), en: z.string() }).safeParse(JSON.parse(s));
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'bad text JSON' });
    return parsed.success ? parsed.data : z.NEVER;
});
const deadlineRow = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    key: z.string(),
    kind: z.enum(DEADLINE_KINDS),
    due: z.string(),
    title: text,
    source: text,
    origin: z.enum(ORIGINS),
    person_id: z.number().int().nullable(),
    known_from: z.string().nullable(),
    created_by: z.string(),
    done_at: z.string().nullable(),
    done_by: z.string().nullable(),
});
/** A stored deadline with its id and done marker. */
export type DeadlineRow = z.output<typeof deadlineRow>;

const meetingRow = z.object({
    id: z.number().int(),
    body_id: z.string(),
    starts_at: z.string(),
    status: z.enum(['utkast', 'kallad', 'stängd', 'inställd']),
    created_at: z.string(),
});

/** Repository over the deadlines table (and the meeting facts their kallelse and protokoll deadlines come from). */
export function createDeadlines(db: Db) {
    /** One deadline by key. */
    const byKey = (forbundId: string, key: string): DeadlineRow | undefined => {
        const row = db.prepare('SELECT * FROM deadlines WHERE forbund_id = ? AND key = ?').get(forbundId, key);
        return row ? deadlineRow.parse(row) : undefined;
    };
    return {
        byKey,
        /** Writes a deadline (or refreshes its day and texts while it is open, e.g. a moved meeting); returns its id. */
        upsert(forbundId: string, d: Deadline, by: string, at: Date): number {
            db.prepare(
                `INSERT INTO deadlines (forbund_id, key, kind, due, title, source, origin, person_id, known_from, created_by, created_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (forbund_id, key) DO UPDATE SET due = excluded.due, title = excluded.title, source = excluded.source
                 WHERE deadlines.done_at IS NULL AND (deadlines.due, deadlines.title, deadlines.source) IS NOT (excluded.due, excluded.title, excluded.source)`,
            ).run(
                forbundId,
                d.key,
                d.kind,
                d.due,
                JSON.stringify(d.title),
                JSON.stringify(d.source),
                d.origin,
                d.audience.to === 'person' ? d.audience.personId : null,
                d.knownFrom?.toISOString() ?? null,
                by,
                at.toISOString(),
            );
            return must(byKey(forbundId, d.key), `deadline ${d.key} just inserted`).id;
        },
        /** Every stored deadline of a förbund with a due day in [from, to]. */
        stored(forbundId: string, from: string, to: string): DeadlineRow[] {
            return db
                .prepare('SELECT * FROM deadlines WHERE forbund_id = ? AND due BETWEEN ? AND ? ORDER BY due, id')
                .all(forbundId, from, to)
                .map((r) => deadlineRow.parse(r));
        },
        /** Marks a deadline done (once); false when it already was. */
        markDone(forbundId: string, key: string, by: string, at: Date): boolean {
            return (
                db
                    .prepare(
                        'UPDATE deadlines SET done_at = ?, done_by = ? WHERE forbund_id = ? AND key = ? AND done_at IS NULL',
                    )
                    .run(at.toISOString(), by, forbundId, key).changes === 1
            );
        },
        /** Meetings of a förbund starting at or after `from` (any status), for kallelse and protokoll deadlines. */
        meetingFacts(forbundId: string, from: Date): MeetingFact[] {
            return db
                .prepare(
                    'SELECT id, body_id, starts_at, status, created_at FROM meetings WHERE forbund_id = ? AND starts_at >= ?',
                )
                .all(forbundId, from.toISOString())
                .map((raw) => {
                    const r = meetingRow.parse(raw);
                    return {
                        id: r.id,
                        bodyId: r.body_id,
                        startsAt: new Date(r.starts_at),
                        status: r.status,
                        createdAt: new Date(r.created_at),
                    };
                });
        },
    };
}
export type Deadlines = ReturnType<typeof createDeadlines>;

/** A one-off deadline added in chat, as the domain sees it (its one recipient is the person who added it). */
export function customDeadline(row: DeadlineRow, leads: readonly number[]): Deadline {
    return {
        key: row.key,
        kind: row.kind,
        due: row.due,
        title: row.title,
        source: row.source,
        origin: row.origin,
        audience: { to: 'person', personId: row.person_id ?? -1 },
        leads,
        knownFrom: row.known_from ? new Date(row.known_from) : undefined,
    };
}
