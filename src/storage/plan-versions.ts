// Versions of each förbund's plan document (the clean passage text of a PDF or Word file): a preview waits for the
// chef's choice; save makes it a förslag, activate puts it in force (the earlier one becomes ersatt), cancel drops it.
import { z } from 'zod';
import { dayOf } from '../domain/deadline-days';
import { transactional, type Db } from './db';

export const PLAN_STATUSES = ['väntar', 'avbruten', 'förslag', 'aktiv', 'ersatt'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const row = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    version: z.number().int().nullable(),
    status: z.enum(PLAN_STATUSES),
    file_name: z.string(),
    text: z.string(),
    pages: z.number().int(),
    ocr: z.union([z.literal(0), z.literal(1)]),
    created_by: z.string(),
    created_at: z.string(),
    active_from: z.string().nullable(),
});

/** One plan document row: a preview (no version yet) or a stored version. `text` is docs/plan-text.md markdown. */
export type PlanVersion = {
    id: number;
    forbundId: string;
    version?: number;
    status: PlanStatus;
    fileName: string;
    text: string;
    pages: number;
    ocr: boolean;
    createdBy: string;
    createdAt: Date;
    activeFrom?: string;
};

const toVersion = (raw: unknown): PlanVersion => {
    const r = row.parse(raw);
    return {
        id: r.id,
        forbundId: r.forbund_id,
        version: r.version ?? undefined,
        status: r.status,
        fileName: r.file_name,
        text: r.text,
        pages: r.pages,
        ocr: r.ocr === 1,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at),
        activeFrom: r.active_from ?? undefined,
    };
};

/** Repository over plan_versions; every write is one transaction. */
export function createPlanVersions(db: Db, now: () => Date) {
    const byId = db.prepare('SELECT * FROM plan_versions WHERE id = ?');
    const inForce = db.prepare(
        `SELECT * FROM plan_versions WHERE forbund_id = ? AND status = 'aktiv' ORDER BY version DESC LIMIT 1`,
    );
    const get = (id: number): PlanVersion | undefined => {
        const raw = byId.get(id);
        return raw === undefined ? undefined : toVersion(raw);
    };

    const decide = (id: number, choice: 'activate' | 'save' | 'cancel', by: string): PlanVersion => {
        const p = get(id);
        if (!p || p.status !== 'väntar') throw new Error(`plan preview ${id} is already decided`);
        const at = now().toISOString();
        if (choice === 'cancel') {
            db.prepare(`UPDATE plan_versions SET status = 'avbruten', decided_by = ?, decided_at = ? WHERE id = ?`).run(
                by,
                at,
                id,
            );
            return get(id)!;
        }
        const next =
            (db
                .prepare<[string], number | null>('SELECT max(version) FROM plan_versions WHERE forbund_id = ?')
                .pluck()
                .get(p.forbundId) ?? 0) + 1;
        if (choice === 'activate')
            db.prepare(`UPDATE plan_versions SET status = 'ersatt' WHERE forbund_id = ? AND status = 'aktiv'`).run(
                p.forbundId,
            );
        db.prepare(
            `UPDATE plan_versions SET version = ?, status = ?, active_from = ?, decided_by = ?, decided_at = ?
             WHERE id = ?`,
        ).run(
            next,
            choice === 'activate' ? 'aktiv' : 'förslag',
            choice === 'activate' ? dayOf(now()) : null,
            by,
            at,
            id,
        );
        return get(id)!;
    };

    return {
        /** Stores a parsed document as a preview waiting for the chef's choice; returns its id. */
        addPreview(p: {
            forbundId: string;
            fileName: string;
            text: string;
            pages: number;
            ocr: boolean;
            by: string;
        }): number {
            const { lastInsertRowid } = db
                .prepare(
                    `INSERT INTO plan_versions (forbund_id, file_name, text, pages, ocr, created_by, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)`,
                )
                .run(p.forbundId, p.fileName, p.text, p.pages, p.ocr ? 1 : 0, p.by, now().toISOString());
            return Number(lastInsertRowid);
        },
        get,
        /** Decides a waiting preview: the next version as förslag or aktiv (today), or avbruten; throws when decided. */
        decide: transactional(db, decide),
        /** The plan in force: the aktiv version with the highest number; undefined when none was activated. */
        active(forbundId: string): PlanVersion | undefined {
            const raw = inForce.get(forbundId);
            return raw === undefined ? undefined : toVersion(raw);
        },
        /** The stored versions (no previews), oldest first. */
        list(forbundId: string): PlanVersion[] {
            return db
                .prepare('SELECT * FROM plan_versions WHERE forbund_id = ? AND version IS NOT NULL ORDER BY version')
                .all(forbundId)
                .map(toVersion);
        },
    };
}
export type PlanVersions = ReturnType<typeof createPlanVersions>;
