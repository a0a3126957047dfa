// Meetings with their agenda, attendance, justerare and posted cards; every agenda change bumps the meeting version.
import { z } from 'zod';
import type { NewItem } from '../domain/meetings-agenda';
import { must } from '../domain/must';
import { transactional, type Db } from './db';
import { createMeetingAttendance } from './meeting-attendance';
import { createMeetingItems, type AgendaItem, type ItemFields } from './meeting-items';
import { createMeetingRecord, type PresenceRow } from './meeting-record';

export const MEETING_STATUSES = ['utkast', 'kallad', 'stängd', 'inställd'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
const meetingRow = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    body_id: z.string(),
    starts_at: z.string().datetime(),
    duration_minutes: z.number().int(),
    place: z.string().nullable(),
    online_url: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    version: z.number().int(),
    created_by: z.number().int(),
    called_at: z.string().nullable(),
    ended_at: z.string().nullable().optional(),
    beslutsmassig: z.number().int().nullable().optional(),
});

export type Meeting = {
    id: number;
    forbundId: string;
    bodyId: string;
    startsAt: Date;
    durationMinutes: number;
    place?: string;
    onlineUrl?: string;
    status: MeetingStatus;
    version: number;
    createdBy: number;
    calledAt?: Date;
    /** When the meeting was closed. */
    endedAt?: Date;
    /** Set at closing: false for a meeting that was never beslutsmässig. */
    beslutsmassig?: boolean;
};
export type MeetingDetails = { startsAt: Date; place?: string; onlineUrl?: string };

/** Repository over the meeting tables. `actor` strings go to the audit log. */
export function createMeetings(db: Db, now: () => Date) {
    const items = createMeetingItems(db, now);
    const record = createMeetingRecord(db, now);
    const toMeeting = (raw: unknown): Meeting => {
        const r = meetingRow.parse(raw);
        return {
            id: r.id,
            forbundId: r.forbund_id,
            bodyId: r.body_id,
            startsAt: new Date(r.starts_at),
            durationMinutes: r.duration_minutes,
            place: r.place ?? undefined,
            onlineUrl: r.online_url ?? undefined,
            status: r.status,
            version: r.version,
            createdBy: r.created_by,
            calledAt: r.called_at ? new Date(r.called_at) : undefined,
            endedAt: r.ended_at ? new Date(r.ended_at) : undefined,
            beslutsmassig: r.beslutsmassig == null ? undefined : r.beslutsmassig === 1,
        };
    };
    const get = (id: number) => {
        const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id);
        return row ? toMeeting(row) : undefined;
    };
    /** Writes the audit row and (unless `bump` is false) bumps the version: the one way a meeting change is recorded. */
    const touch = (id: number, actor: string, action: string, details: object = {}, bump = true) => {
        const at = now().toISOString();
        db.prepare('UPDATE meetings SET version = version + ?, updated_at = ? WHERE id = ?').run(bump ? 1 : 0, at, id);
        db.prepare(
            `INSERT INTO audit_log (forbund_id, at, actor, action, details)
             SELECT forbund_id, ?, ?, ?, ? FROM meetings WHERE id = ?`,
        ).run(at, actor, action, JSON.stringify({ meetingId: id, ...details }), id);
    };
    const tx = <A extends unknown[], R>(fn: (...a: A) => R) => transactional(db, fn);

    return {
        get,
        version: (id: number) => get(id)?.version,
        create: tx(
            (
                m: { forbundId: string; bodyId: string; createdBy: number; items: NewItem[] } & MeetingDetails,
                actor: string,
            ): Meeting => {
                const at = now().toISOString();
                const id = Number(
                    db
                        .prepare(
                            `INSERT INTO meetings (forbund_id, body_id, starts_at, place, online_url, created_by, created_at, updated_at)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
                        )
                        .run(
                            m.forbundId,
                            m.bodyId,
                            m.startsAt.toISOString(),
                            m.place ?? null,
                            m.onlineUrl ?? null,
                            m.createdBy,
                            at,
                            at,
                        ).lastInsertRowid,
                );
                m.items.forEach((item, i) => items.add(id, item, i));
                touch(id, actor, 'meeting.create', { bodyId: m.bodyId, startsAt: m.startsAt.toISOString() });
                return must(get(id), `meeting ${id} just created`);
            },
        ),
        /** Meetings of a förbund (optionally one body) not closed or cancelled, starting at or after `from`. */
        upcoming(forbundId: string, bodyId: string | undefined, from: Date): Meeting[] {
            return db
                .prepare(
                    `SELECT * FROM meetings WHERE forbund_id = ? AND (? IS NULL OR body_id = ?) AND starts_at >= ?
                     AND status IN ('utkast', 'kallad') ORDER BY starts_at, id`,
                )
                .all(forbundId, bodyId ?? null, bodyId ?? null, from.toISOString())
                .map(toMeeting);
        },
        items: items.list,
        item: items.get,
        addItem: tx((meetingId: number, f: ItemFields, index: number, actor: string) => {
            const id = items.add(meetingId, f, index);
            touch(meetingId, actor, 'agenda.add', { itemId: id, title: f.title });
            return id;
        }),
        updateItem: tx((meetingId: number, itemId: number, f: ItemFields, actor: string) => {
            const ok = items.update(meetingId, itemId, f);
            if (ok) touch(meetingId, actor, 'agenda.edit', { itemId, title: f.title });
            return ok;
        }),
        removeItem: tx((meetingId: number, itemId: number, actor: string) => {
            const ok = items.remove(meetingId, itemId);
            if (ok) touch(meetingId, actor, 'agenda.remove', { itemId });
            return ok;
        }),
        reorder: tx((meetingId: number, order: number[], actor: string) => {
            items.setOrder(meetingId, order);
            touch(meetingId, actor, 'agenda.reorder', { order });
        }),
        updateDetails: tx((meetingId: number, d: MeetingDetails, actor: string) => {
            db.prepare('UPDATE meetings SET starts_at = ?, place = ?, online_url = ? WHERE id = ?').run(
                d.startsAt.toISOString(),
                d.place ?? null,
                d.onlineUrl ?? null,
                meetingId,
            );
            touch(meetingId, actor, 'meeting.details', { startsAt: d.startsAt.toISOString() });
        }),
        markCalled: tx((meetingId: number, actor: string) => {
            db.prepare("UPDATE meetings SET status = 'kallad', called_at = coalesce(called_at, ?) WHERE id = ?").run(
                now().toISOString(),
                meetingId,
            );
            // Not a new version: the posted card was rendered at the current one.
            touch(meetingId, actor, 'meeting.call', {}, false);
        }),
        /**
         * Beslut items of the body's closed meetings not yet on a later agenda that the meeting could not decide: all
         * of a meeting that was never beslutsmässig, and those marked when the styrelse lost quorum part-way.
         */
        uncarried(forbundId: string, bodyId: string, before: Date): AgendaItem[] {
            const rows = z.array(z.object({ id: z.number().int(), beslutsmassig: z.number().int() })).parse(
                db
                    .prepare(
                        `SELECT m.id, m.beslutsmassig FROM meetings m WHERE m.forbund_id = ? AND m.body_id = ?
                         AND m.status = 'stängd' AND m.starts_at < ? AND (m.beslutsmassig = 0 OR EXISTS
                         (SELECT 1 FROM agenda_items a WHERE a.meeting_id = m.id AND a.not_quorate = 1))
                         ORDER BY m.starts_at, m.id`,
                    )
                    .all(forbundId, bodyId, before.toISOString()),
            );
            const ids = (sql: string) => new Set(z.array(z.number().int()).parse(db.prepare(sql).pluck().all()));
            const carried = ids('SELECT carried_from FROM agenda_items WHERE carried_from IS NOT NULL');
            const notQuorate = ids('SELECT id FROM agenda_items WHERE not_quorate = 1');
            return rows.flatMap((m) =>
                items
                    .list(m.id)
                    .filter(
                        (it) =>
                            it.kind === 'beslut' &&
                            !it.slot &&
                            !carried.has(it.id) &&
                            (m.beslutsmassig === 0 || notQuorate.has(it.id)),
                    ),
            );
        },
        /** Marks beslut items the meeting could not decide without quorum; they move to the body's next meeting. */
        markNotQuorate(itemIds: readonly number[]): void {
            const mark = db.prepare('UPDATE agenda_items SET not_quorate = 1 WHERE id = ?');
            for (const id of itemIds) mark.run(id);
        },
        /** Puts items of a failed meeting on `meetingId`'s agenda (before Övriga frågor), naming where they came from. */
        carry: tx((meetingId: number, from: AgendaItem[], index: number, actor: string) => {
            from.forEach((it, i) =>
                items.add(
                    meetingId,
                    {
                        kind: it.kind,
                        title: it.title,
                        presenter: it.presenter,
                        proposal: it.proposal,
                        details: it.details,
                        links: it.links,
                        carriedFrom: it.id,
                    },
                    index + i,
                ),
            );
            if (from.length) touch(meetingId, actor, 'agenda.carry', { from: from.map((it) => it.id) });
        }),
        ...createMeetingAttendance(db, now, touch),
        ...record,
        setPresence: tx((meetingId: number, personId: number, changes: PresenceRow[], by: number, actor: string) => {
            record.setPresence(meetingId, personId, changes, by);
            touch(meetingId, actor, 'meeting.presence', { personId, changes });
        }),
    };
}
export type Meetings = ReturnType<typeof createMeetings>;
