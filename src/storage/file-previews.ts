// Previews of files sent to the bot: the parsed model waits here for the chef's activate / save / cancel.
import { z } from 'zod';
import type { Db } from './db';

export const PREVIEW_STATUSES = ['väntar', 'aktiverad', 'sparad', 'avbruten'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];

const row = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    kind: z.literal('workbook'),
    file_name: z.string(),
    model: z.string(),
    created_by: z.string(),
    created_at: z.string(),
    status: z.enum(PREVIEW_STATUSES),
    version: z.number().int().nullable(),
});

export type FilePreview = {
    id: number;
    forbundId: string;
    kind: 'workbook';
    fileName: string;
    /** The parsed model as JSON; the caller checks it with its own schema. */
    model: unknown;
    createdBy: string;
    createdAt: Date;
    status: PreviewStatus;
    version?: number;
};

export function createFilePreviews(db: Db, now: () => Date) {
    const byId = db.prepare('SELECT * FROM file_previews WHERE id = ?');
    return {
        add(p: { forbundId: string; kind: 'workbook'; fileName: string; model: unknown; by: string }): number {
            const { lastInsertRowid } = db
                .prepare(
                    `INSERT INTO file_previews (forbund_id, kind, file_name, model, created_by, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(p.forbundId, p.kind, p.fileName, JSON.stringify(p.model), p.by, now().toISOString());
            return Number(lastInsertRowid);
        },
        get(id: number): FilePreview | undefined {
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
                version: r.version ?? undefined,
            };
        },
        /** Decides a waiting preview; the model is dropped (it lives on in the version, if one was stored). */
        decide(id: number, status: Exclude<PreviewStatus, 'väntar'>, version?: number): void {
            const { changes } = db
                .prepare(
                    `UPDATE file_previews SET status = ?, version = ?, decided_at = ?, model = 'null'
                     WHERE id = ? AND status = 'väntar'`,
                )
                .run(status, version ?? null, now().toISOString(), id);
            if (changes !== 1) throw new Error(`preview ${id} is already decided`);
        },
    };
}
export type FilePreviews = ReturnType<typeof createFilePreviews>;
