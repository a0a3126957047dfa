// Agenda items of a meeting: ordered rows, numbered 1..n in position order; removal hides a row, never deletes it.
import { z } from 'zod';
import { ITEM_KINDS, SLOTS, type ItemKind, type Slot } from '../domain/meetings-agenda';
import type { Db } from './db';

/** A handling: its link, an optional version note, and when it was added and last changed (ISO). */
const linkSchema = z.object({
    title: z.string().max(200),
    url: z.string().url().max(2000),
    version: z.string().max(120).optional(),
    addedAt: z.string().datetime().optional(),
    changedAt: z.string().datetime().optional(),
});
export type ItemLink = z.output<typeof linkSchema>;
const itemRow = z.object({
    id: z.number().int(),
    meeting_id: z.number().int(),
    kind: z.enum(ITEM_KINDS),
    slot: z.enum(SLOTS).nullable(),
    title: z.string(),
    presenter: z.string().nullable(),
    proposal: z.string().nullable(),
    details: z.string().nullable(),
    links: z.string().transform((s) => z.array(linkSchema).parse(JSON.parse(s))),
    carried_from: z.number().int().nullable().optional(),
});

/** One agenda item as shown: `number` is its place in the current order (1-based). */
export type AgendaItem = {
    id: number;
    meetingId: number;
    number: number;
    kind: ItemKind;
    slot?: Slot;
    title: string;
    presenter?: string;
    proposal?: string;
    details?: string;
    links: ItemLink[];
    /** The item of a meeting without quorum this one was carried over from. */
    carriedFrom?: number;
};
/** What the chef may set on an item; an absent optional field is stored as empty. */
export type ItemFields = {
    kind: ItemKind;
    title: string;
    presenter?: string;
    proposal?: string;
    details?: string;
    links?: ItemLink[];
};

/** Repository over agenda_items; callers bump the meeting's version in the same transaction. */
export function createMeetingItems(db: Db, now: () => Date) {
    const toItem = (raw: unknown, i: number): AgendaItem => {
        const r = itemRow.parse(raw);
        return {
            id: r.id,
            meetingId: r.meeting_id,
            number: i + 1,
            kind: r.kind,
            slot: r.slot ?? undefined,
            title: r.title,
            presenter: r.presenter ?? undefined,
            proposal: r.proposal ?? undefined,
            details: r.details ?? undefined,
            links: r.links,
            carriedFrom: r.carried_from ?? undefined,
        };
    };
    const list = (meetingId: number): AgendaItem[] =>
        db
            .prepare('SELECT * FROM agenda_items WHERE meeting_id = ? AND removed_at IS NULL ORDER BY position, id')
            .all(meetingId)
            .map(toItem);
    const setOrder = (meetingId: number, ids: readonly number[]) => {
        const update = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ?');
        ids.forEach((id, i) => update.run(i + 1, id, meetingId));
    };
    const insert = db.prepare(
        `INSERT INTO agenda_items (meeting_id, position, kind, slot, title, presenter, proposal, details, links, carried_from, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    return {
        list,
        get: (meetingId: number, itemId: number) => list(meetingId).find((x) => x.id === itemId),
        /** Inserts at `index` (0-based) of the current order and renumbers. */
        add(meetingId: number, fields: ItemFields & { slot?: Slot; carriedFrom?: number }, index: number): number {
            const at = now().toISOString();
            const id = Number(
                insert.run(
                    meetingId,
                    0,
                    fields.kind,
                    fields.slot ?? null,
                    fields.title,
                    fields.presenter ?? null,
                    fields.proposal ?? null,
                    fields.details ?? null,
                    JSON.stringify(fields.links ?? []),
                    fields.carriedFrom ?? null,
                    at,
                    at,
                ).lastInsertRowid,
            );
            const order = list(meetingId)
                .map((x) => x.id)
                .filter((x) => x !== id);
            order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
            setOrder(meetingId, order);
            return id;
        },
        update(meetingId: number, itemId: number, f: ItemFields): boolean {
            const { changes } = db
                .prepare(
                    `UPDATE agenda_items SET kind = ?, title = ?, presenter = ?, proposal = ?, details = ?, links = ?, updated_at = ?
                     WHERE id = ? AND meeting_id = ? AND removed_at IS NULL`,
                )
                .run(
                    f.kind,
                    f.title,
                    f.presenter ?? null,
                    f.proposal ?? null,
                    f.details ?? null,
                    JSON.stringify(f.links ?? []),
                    now().toISOString(),
                    itemId,
                    meetingId,
                );
            return changes === 1;
        },
        remove(meetingId: number, itemId: number): boolean {
            const { changes } = db
                .prepare(
                    'UPDATE agenda_items SET removed_at = ? WHERE id = ? AND meeting_id = ? AND removed_at IS NULL',
                )
                .run(now().toISOString(), itemId, meetingId);
            if (changes === 1)
                setOrder(
                    meetingId,
                    list(meetingId).map((x) => x.id),
                );
            return changes === 1;
        },
        setOrder,
    };
}
export type MeetingItems = ReturnType<typeof createMeetingItems>;
