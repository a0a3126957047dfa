// Uppdrag rows: given with a decision, listed while open, marked done once (who, when, a short note).
import { z } from 'zod';
import { must } from '../domain/must';
import type { UppdragFact } from '../domain/uppdrag';
import { audit } from './decisions';
import type { Db } from './db';

const uppdragRow = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    body_id: z.string(),
    meeting_id: z.number().int(),
    item_id: z.number().int(),
    decision_id: z.number().int(),
    what: z.string(),
    owner_person_id: z.number().int().nullable(),
    owner_part: z.string().nullable(),
    due: z.string(),
    created_by: z.number().int(),
    created_at: z.string(),
    done_at: z.string().nullable(),
    done_by: z.number().int().nullable(),
    done_note: z.string().nullable(),
});

/** A stored uppdrag: the rules' view plus where it came from and who marked it done. */
export type Uppdrag = UppdragFact & { forbundId: string; itemId: number; decisionId: number; doneBy?: number };
export type NewUppdrag = {
    forbundId: string;
    bodyId: string;
    meetingId: number;
    itemId: number;
    decisionId: number;
    what: string;
    owner: UppdragFact['owner'];
    due: string;
    createdBy: number;
};

const toUppdrag = (raw: unknown): Uppdrag => {
    const r = uppdragRow.parse(raw);
    return {
        id: r.id,
        forbundId: r.forbund_id,
        bodyId: r.body_id,
        meetingId: r.meeting_id,
        itemId: r.item_id,
        decisionId: r.decision_id,
        what: r.what,
        owner: r.owner_person_id !== null ? { personId: r.owner_person_id } : { partId: must(r.owner_part, 'owner') },
        due: r.due,
        createdAt: new Date(r.created_at),
        ...(r.done_at && { done: { at: new Date(r.done_at), note: r.done_note ?? undefined } }),
        doneBy: r.done_by ?? undefined,
    };
};

/** Repository over the uppdrag table. */
export function createUppdrag(db: Db, now: () => Date) {
    const byId = (id: number) => {
        const row = db.prepare('SELECT * FROM uppdrag WHERE id = ?').get(id);
        return row ? toUppdrag(row) : undefined;
    };
    return {
        byId,
        /** Writes one uppdrag (call in the transaction that records its decision). */
        add(u: NewUppdrag, actor: string): Uppdrag {
            const at = now();
            const id = Number(
                db
                    .prepare(
                        `INSERT INTO uppdrag (forbund_id, body_id, meeting_id, item_id, decision_id, what, owner_person_id, owner_part, due, created_by, created_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                    )
                    .run(
                        u.forbundId,
                        u.bodyId,
                        u.meetingId,
                        u.itemId,
                        u.decisionId,
                        u.what,
                        'personId' in u.owner ? u.owner.personId : null,
                        'partId' in u.owner ? u.owner.partId : null,
                        u.due,
                        u.createdBy,
                        at.toISOString(),
                    ).lastInsertRowid,
            );
            audit(db, u.forbundId, at, actor, 'uppdrag.add', { id, decisionId: u.decisionId });
            return must(byId(id), `uppdrag ${id} just added`);
        },
        /** Open uppdrag of a förbund (of one body when given), earliest due first. */
        open(forbundId: string, bodyId?: string): Uppdrag[] {
            return db
                .prepare(
                    `SELECT * FROM uppdrag WHERE forbund_id = ? AND done_at IS NULL AND (? IS NULL OR body_id = ?)
                     ORDER BY due, id`,
                )
                .all(forbundId, bodyId ?? null, bodyId ?? null)
                .map(toUppdrag);
        },
        /** Every uppdrag (open or done) due in [from, to], for the reminder deadlines. */
        dueBetween(forbundId: string, from: string, to: string): Uppdrag[] {
            return db
                .prepare('SELECT * FROM uppdrag WHERE forbund_id = ? AND due BETWEEN ? AND ? ORDER BY due, id')
                .all(forbundId, from, to)
                .map(toUppdrag);
        },
        /** The uppdrag given with decisions on an item. */
        forItem(itemId: number): Uppdrag[] {
            return db.prepare('SELECT * FROM uppdrag WHERE item_id = ? ORDER BY id').all(itemId).map(toUppdrag);
        },
        /** Marks an uppdrag done (once); false when it already was. */
        markDone(id: number, by: number, note: string | undefined, actor: string): boolean {
            const at = now();
            const changed =
                db
                    .prepare(
                        'UPDATE uppdrag SET done_at = ?, done_by = ?, done_note = ? WHERE id = ? AND done_at IS NULL',
                    )
                    .run(at.toISOString(), by, note ?? null, id).changes === 1;
            const u = byId(id);
            if (changed && u) audit(db, u.forbundId, at, actor, 'uppdrag.done', { id });
            return changed;
        },
    };
}
export type UppdragRepo = ReturnType<typeof createUppdrag>;
