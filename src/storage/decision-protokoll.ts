// § numbers, closing a meeting, protokoll versions and justering events; rows are only ever added.
import { z } from 'zod';
import type { JusteringAction, JusteringEvent } from '../domain/decision-justering';
import { protokollSchema, type Protokoll } from '../domain/protokoll';
import type { Db } from './db';
import { audit } from './decisions';

const versionRow = z.object({
    meeting_id: z.number().int(),
    version: z.number().int(),
    data: z.string().transform((s) => protokollSchema.parse(JSON.parse(s))),
    reason: z.string(),
    created_by: z.number().int(),
    created_at: z.string(),
});
const eventRow = z.object({
    protokoll_version: z.number().int(),
    person_id: z.number().int(),
    action: z.enum(['justerat', 'ändring']),
    comment: z.string().nullable(),
    at: z.string(),
    text_sha256: z.string().nullable().optional(),
});

/** A stored protokoll version. */
export type ProtokollVersion = { meetingId: number; version: number; data: Protokoll; reason: string; createdAt: Date };
type MeetingKey = { id: number; forbundId: string; bodyId: string };

/** Repository over paragraphs, protokoll_versions and justering. */
export function createProtokoll(db: Db, now: () => Date) {
    const toVersion = (raw: unknown): ProtokollVersion => {
        const r = versionRow.parse(raw);
        return {
            meetingId: r.meeting_id,
            version: r.version,
            data: r.data,
            reason: r.reason,
            createdAt: new Date(r.created_at),
        };
    };
    const latest = (meetingId: number) => {
        const row = db
            .prepare('SELECT * FROM protokoll_versions WHERE meeting_id = ? ORDER BY version DESC LIMIT 1')
            .get(meetingId);
        return row ? toVersion(row) : undefined;
    };
    const insertVersion = (meetingId: number, data: Protokoll, reason: string, by: number): number => {
        const version = (latest(meetingId)?.version ?? 0) + 1;
        db.prepare(
            'INSERT INTO protokoll_versions (meeting_id, version, data, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(meetingId, version, JSON.stringify(protokollSchema.parse(data)), reason, by, now().toISOString());
        return version;
    };
    const lastNumber = (forbundId: string, bodyId: string, year: number): number =>
        z
            .number()
            .int()
            .parse(
                db
                    .prepare(
                        'SELECT coalesce(max(number), 0) FROM paragraphs WHERE forbund_id = ? AND body_id = ? AND year = ?',
                    )
                    .pluck()
                    .get(forbundId, bodyId, year),
            );

    return {
        latest,
        lastNumber,
        /**
         * Closes an open meeting: § numbers in the given (agenda) order, status stängd, protokoll version 1 built from
         * the numbers. Returns false when the meeting was closed meanwhile. Runs in the caller's transaction.
         */
        close(
            m: MeetingKey,
            year: number,
            numbers: Map<number, number>,
            build: () => Protokoll,
            by: number,
            actor: string,
            beslutsmassig = true,
        ) {
            const at = now().toISOString();
            const { changes } = db
                .prepare(
                    `UPDATE meetings SET status = 'stängd', version = version + 1, updated_at = ?, ended_at = ?,
                     beslutsmassig = ? WHERE id = ? AND status IN ('utkast', 'kallad')`,
                )
                .run(at, at, beslutsmassig ? 1 : 0, m.id);
            if (changes !== 1) return false;
            const put = db.prepare(
                `INSERT INTO paragraphs (item_id, meeting_id, forbund_id, body_id, year, number, assigned_by, assigned_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            );
            for (const [itemId, n] of numbers) put.run(itemId, m.id, m.forbundId, m.bodyId, year, n, by, at);
            insertVersion(m.id, build(), 'stängt', by);
            audit(db, m.forbundId, now(), actor, 'meeting.close', {
                meetingId: m.id,
                paragraphs: [...numbers.values()],
            });
            return true;
        },
        /** The § number per item of a meeting. */
        paragraphs(meetingId: number): Map<number, number> {
            const rows = z
                .array(z.object({ item_id: z.number().int(), number: z.number().int() }))
                .parse(db.prepare('SELECT item_id, number FROM paragraphs WHERE meeting_id = ?').all(meetingId));
            return new Map(rows.map((r) => [r.item_id, r.number]));
        },
        /** The meeting and item of `§ number/year` (of one body, or any body of the förbund). */
        findParagraph(forbundId: string, bodyId: string | undefined, number: number, year: number) {
            const row = db
                .prepare(
                    `SELECT meeting_id, item_id FROM paragraphs WHERE forbund_id = ? AND (? IS NULL OR body_id = ?)
                     AND year = ? AND number = ? ORDER BY body_id = 'styrelse' DESC LIMIT 1`,
                )
                .get(forbundId, bodyId ?? null, bodyId ?? null, year, number);
            const r = z.object({ meeting_id: z.number().int(), item_id: z.number().int() }).optional().parse(row);
            return r && { meetingId: r.meeting_id, itemId: r.item_id };
        },
        /** Closed meetings of a förbund, newest first (optionally one body). */
        closedMeetings(forbundId: string, bodyId?: string): number[] {
            return z.array(z.number().int()).parse(
                db
                    .prepare(
                        `SELECT id FROM meetings WHERE forbund_id = ? AND (? IS NULL OR body_id = ?) AND status = 'stängd'
                         ORDER BY starts_at DESC, id DESC`,
                    )
                    .pluck()
                    .all(forbundId, bodyId ?? null, bodyId ?? null),
            );
        },
        /** Stores an edited protokoll as the next version; justering starts over. */
        addVersion(m: MeetingKey, data: Protokoll, reason: string, by: number, actor: string): number {
            const version = insertVersion(m.id, data, reason, by);
            audit(db, m.forbundId, now(), actor, 'protokoll.edit', { meetingId: m.id, version });
            return version;
        },
        events(meetingId: number): (JusteringEvent & { at: Date; sha256?: string })[] {
            return db
                .prepare('SELECT * FROM justering WHERE meeting_id = ? ORDER BY id')
                .all(meetingId)
                .map((raw) => {
                    const r = eventRow.parse(raw);
                    const e = {
                        version: r.protokoll_version,
                        personId: r.person_id,
                        action: r.action,
                        at: new Date(r.at),
                        sha256: r.text_sha256 ?? undefined,
                    };
                    return r.comment ? { ...e, comment: r.comment } : e;
                });
        },
        addEvent(
            m: MeetingKey,
            version: number,
            personId: number,
            action: JusteringAction,
            comment: string | undefined,
            actor: string,
            sha256?: string,
        ) {
            db.prepare(
                'INSERT INTO justering (meeting_id, protokoll_version, person_id, action, comment, at, text_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)',
            ).run(m.id, version, personId, action, comment ?? null, now().toISOString(), sha256 ?? null);
            audit(db, m.forbundId, now(), actor, `protokoll.${action}`, { meetingId: m.id, version });
        },
    };
}
export type ProtokollRepo = ReturnType<typeof createProtokoll>;
