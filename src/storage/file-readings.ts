// Ledger previews and kind questions for files sent in Teams: the parsed model waits here for the sender's button.
import { z } from 'zod';
import type { Db } from './db';

export const READING_KINDS = ['ledger', 'choice'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];
export const READING_STATUSES = ['väntar', 'sparad', 'vald', 'avbruten'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

const row = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    kind: z.enum(READING_KINDS),
    file_name: z.string(),
    model: z.string(),
    created_by: z.string(),
    created_at: z.string(),
    status: z.enum(READING_STATUSES),
    result: z.number().int().nullable(),
});

export type FileReading = {
    id: number;
    forbundId: string;
    kind: ReadingKind;
    fileName: string;
    /** The parsed model as JSON; the caller checks it with its own schema. */
    model: unknown;
    createdBy: string;
    createdAt: Date;
    status: ReadingStatus;
    /** The utfall import a saved ledger became. */
    result?: number;
};

export function createFileReadings(db: Db, now: () => Date) {
    const byId = db.prepare('SELECT * FROM file_readings WHERE id = ?');
    return {
        add(p: { forbundId: string; kind: ReadingKind; fileName: string; model: unknown; by: string }): number {
            const { lastInsertRowid } = db
                .prepare(
                    `INSERT INTO file_readings (forbund_id, kind, file_name, model, created_by, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(p.forbundId, p.kind, p.fileName, JSON.stringify(p.model), p.by, now().toISOString());
            return Number(lastInsertRowid);
        },
        get(id: number): FileReading | undefined {
            const raw = byId.get(id);
            if (raw === undefined) return undefined;
            const r = row.parse(raw);
            return {
                id: r.id,
                forbundId: r.forbund_id,
                kind: r.kind,
                fileName: r.file_name,
                model: JSON.parse(r.model) as unknown,
                createdBy: r.created_by,
                createdAt: new Date(r.created_at),
                status: r.status,
                result: r.result ?? undefined,
            };
        },
        /** Decides a waiting reading and drops its model; throws when it was already decided. */
        decide(id: number, status: Exclude<ReadingStatus, 'väntar'>, result?: number): void {
            const { changes } = db
                .prepare(
                    `UPDATE file_readings SET status = ?, result = ?, decided_at = ?, model = 'null'
                     WHERE id = ? AND status = 'väntar'`,
                )
                .run(status, result ?? null, now().toISOString(), id);
            if (changes !== 1) throw new Error(`file reading ${id} is already decided`);
        },
    };
}
export type FileReadings = ReturnType<typeof createFileReadings>;
