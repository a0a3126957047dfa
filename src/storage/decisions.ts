// Recorded decisions per agenda item with jäv and reservationer; a record names the version it expects (one wins).
import { z } from 'zod';
import { OUTCOMES, type Outcome } from '../domain/decisions';
import { must } from '../domain/must';
import type { Db } from './db';

const decisionRow = z.object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    item_id: z.number().int(),
    version: z.number().int(),
    outcome: z.enum(OUTCOMES),
    text: z.string(),
    note: z.string().nullable(),
    amends: z.number().int().nullable(),
    recorded_by: z.number().int(),
    recorded_at: z.string(),
});
const ids = z.array(z.number().int());

/** A decision as recorded (the latest per item is the one that counts). */
export type Decision = {
    id: number;
    meetingId: number;
    itemId: number;
    version: number;
    outcome: Outcome;
    text: string;
    note?: string;
    amends?: number;
    jav: number[];
    reservationer: number[];
    recordedBy: number;
    recordedAt: Date;
};
export type NewDecision = Omit<Decision, 'id' | 'version' | 'recordedAt'>;

/** Writes an audit_log row for a förbund. */
export function audit(db: Db, forbundId: string, at: Date, actor: string, action: string, details: object): void {
    db.prepare('INSERT INTO audit_log (forbund_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)').run(
        forbundId,
        at.toISOString(),
        actor,
        action,
        JSON.stringify(details),
    );
}

/** Repository over decisions, decision_jav and decision_reservationer. */
export function createDecisions(db: Db, now: () => Date) {
    const people = (table: string, id: number) =>
        ids.parse(db.prepare(`SELECT person_id FROM ${table} WHERE decision_id = ? ORDER BY rowid`).pluck().all(id));
    const toDecision = (raw: unknown): Decision => {
        const r = decisionRow.parse(raw);
        return {
            id: r.id,
            meetingId: r.meeting_id,
            itemId: r.item_id,
            version: r.version,
            outcome: r.outcome,
            text: r.text,
            note: r.note ?? undefined,
            amends: r.amends ?? undefined,
            jav: people('decision_jav', r.id),
            reservationer: people('decision_reservationer', r.id),
            recordedBy: r.recorded_by,
            recordedAt: new Date(r.recorded_at),
        };
    };
    const latest = (itemId: number) => {
        const row = db.prepare('SELECT * FROM decisions WHERE item_id = ? ORDER BY version DESC LIMIT 1').get(itemId);
        return row ? toDecision(row) : undefined;
    };
    const byId = (id: number) => {
        const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(id);
        return row ? toDecision(row) : undefined;
    };

    return {
        latest,
        byId,
        /** How many decisions the item has (0 before the first); a record must name this to win. */
        itemVersion: (itemId: number) => latest(itemId)?.version ?? 0,
        /** The latest decision per item of a meeting. */
        forMeeting(meetingId: number): Map<number, Decision> {
            const rows = db
                .prepare(
                    `SELECT * FROM decisions d WHERE meeting_id = ?
                     AND version = (SELECT max(version) FROM decisions WHERE item_id = d.item_id)`,
                )
                .all(meetingId)
                .map(toDecision);
            return new Map(rows.map((d) => [d.itemId, d]));
        },
        /**
         * Records a decision if the item still has `expected` decisions; else returns the one recorded meanwhile.
         * Call inside the transaction that checks the meeting is open.
         */
        record(d: NewDecision, expected: number, forbundId: string, actor: string) {
            const current = latest(d.itemId);
            if ((current?.version ?? 0) !== expected)
                return {
                    ok: false as const,
                    current: must(current, `decision on item ${d.itemId} expected at version ${expected}`),
                };
            const at = now();
            const id = Number(
                db
                    .prepare(
                        `INSERT INTO decisions (meeting_id, item_id, version, outcome, text, note, amends, recorded_by, recorded_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                    )
                    .run(
                        d.meetingId,
                        d.itemId,
                        expected + 1,
                        d.outcome,
                        d.text,
                        d.note ?? null,
                        d.amends ?? null,
                        d.recordedBy,
                        at.toISOString(),
                    ).lastInsertRowid,
            );
            for (const [table, list] of [
                ['decision_jav', d.jav],
                ['decision_reservationer', d.reservationer],
            ] as const) {
                const put = db.prepare(
                    `INSERT INTO ${table} (decision_id, person_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?)`,
                );
                for (const p of new Set(list)) put.run(id, p, d.recordedBy, at.toISOString());
            }
            audit(db, forbundId, at, actor, 'decision.record', { meetingId: d.meetingId, itemId: d.itemId, id });
            return { ok: true as const, decision: must(byId(id), `decision ${id} just recorded`) };
        },
    };
}
export type Decisions = ReturnType<typeof createDecisions>;
