// Utfall in SQLite: each import with its figures kept; utfall_periods says which import is in force per month.
import { z } from 'zod';
import type { UtfallImport, UtfallLine } from '../domain/utfall';
import type { UtfallData } from '../domain/utfall-report';
import { transactional, type Db } from './db';

export type SavedImport = { importId: number; replaced: { period: string; fileName: string; importedAt: Date }[] };
export type ImportMeta = { fileName: string; fileKind: string; sha256: string; generated?: string; by: string };
export type ImportHistory = { importId: number; fileName: string; importedAt: Date; by: string; inForce: boolean };

export interface UtfallRepo {
    /** Stores an import; a month imported before now points at this import (the earlier stays as history). */
    save(forbundId: string, imp: UtfallImport, meta: ImportMeta): SavedImport;
    /** The months of `periods` already imported, with the file in force for each (what saving would replace). */
    inForce(forbundId: string, periods: readonly string[]): SavedImport['replaced'];
    /** The year's utfall in force, with the chef's prognos and any bokslut; undefined when nothing is imported. */
    current(forbundId: string, year: number): UtfallData | undefined;
    /** The latest year with utfall. */
    latestYear(forbundId: string): number | undefined;
    hasPeriod(forbundId: string, period: string): boolean;
    /** Every import of a month, oldest first. */
    history(forbundId: string, period: string): ImportHistory[];
    /** Sets (or with `kr` undefined, clears) the chef's prognos for a post ("intakter" for intäkter). */
    setPrognos(forbundId: string, year: number, postId: string, kr: number | undefined, by: string): void;
    setBokslut(forbundId: string, year: number, intakter: number, kostnader: number, by: string): void;
}

const importRow = z.object({
    id: z.number().int(),
    file_name: z.string(),
    file_kind: z.string(),
    generated: z.string().nullable(),
    cumulative: z.number().int(),
    imported_by: z.string(),
    imported_at: z.string().datetime(),
});
const lineRow = z.object({
    period: z.string(),
    target: z.enum(['post', 'intakt', 'konto']),
    key: z.string(),
    kr: z.number().int(),
});
const keyed = z.object({ post_id: z.string(), kr: z.number().int() });
const bokslutRow = z.object({ year: z.number().int(), intakter: z.number().int(), kostnader: z.number().int() });

export function createUtfall(db: Db, now: () => Date): UtfallRepo {
    const inForce: UtfallRepo['inForce'] = (forbundId, periods) =>
        periods.flatMap((period) => {
            const row = db
                .prepare(
                    `SELECT i.* FROM utfall_periods p JOIN utfall_imports i ON i.id = p.import_id
                     WHERE p.forbund_id = ? AND p.period = ?`,
                )
                .get(forbundId, period);
            if (!row) return [];
            const r = importRow.parse(row);
            return [{ period, fileName: r.file_name, importedAt: new Date(r.imported_at) }];
        });
    const save = transactional(db, (forbundId: string, imp: UtfallImport, meta: ImportMeta): SavedImport => {
        const replaced = inForce(forbundId, imp.periods);
        const at = now().toISOString();
        const { lastInsertRowid } = db
            .prepare(
                `INSERT INTO utfall_imports (forbund_id, year, file_name, file_kind, file_sha256, generated, cumulative, imported_by, imported_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
                forbundId,
                imp.year,
                meta.fileName,
                meta.fileKind,
                meta.sha256,
                meta.generated ?? null,
                imp.cumulative ? 1 : 0,
                meta.by,
                at,
            );
        const importId = Number(lastInsertRowid);
        const line = db.prepare('INSERT INTO utfall_lines (import_id, period, target, key, kr) VALUES (?, ?, ?, ?, ?)');
        for (const l of imp.lines) line.run(importId, l.period, l.target, l.key, l.kr);
        const point = db.prepare(
            `INSERT INTO utfall_periods (forbund_id, period, import_id) VALUES (?, ?, ?)
             ON CONFLICT (forbund_id, period) DO UPDATE SET import_id = excluded.import_id`,
        );
        for (const p of imp.periods) point.run(forbundId, p, importId);
        return { importId, replaced };
    });
    const current: UtfallRepo['current'] = (forbundId, year) => {
        const lines = db
            .prepare(
                `SELECT l.period, l.target, l.key, l.kr FROM utfall_periods p
                 JOIN utfall_lines l ON l.import_id = p.import_id AND l.period = p.period
                 WHERE p.forbund_id = ? AND p.period GLOB ?
                 ORDER BY l.period, l.target, l.key`,
            )
            .all(forbundId, `${year}-*`)
            .map((r): UtfallLine => lineRow.parse(r));
        const latest = db
            .prepare(
                `SELECT p.period, i.* FROM utfall_periods p JOIN utfall_imports i ON i.id = p.import_id
                 WHERE p.forbund_id = ? AND p.period GLOB ? ORDER BY p.period DESC LIMIT 1`,
            )
            .get(forbundId, `${year}-*`);
        if (!latest) return undefined;
        const src = importRow.extend({ period: z.string() }).parse(latest);
        const prognos = Object.fromEntries(
            db
                .prepare('SELECT post_id, kr FROM utfall_prognos WHERE forbund_id = ? AND year = ?')
                .all(forbundId, year)
                .map((r) => keyed.parse(r))
                .map((r) => [r.post_id, r.kr]),
        );
        const bokslut = db
            .prepare('SELECT year, intakter, kostnader FROM utfall_bokslut WHERE forbund_id = ? ORDER BY year')
            .all(forbundId)
            .map((r) => bokslutRow.parse(r));
        return {
            year,
            lines,
            latest: src.period,
            source: {
                fileName: src.file_name,
                kind: src.file_kind,
                importedAt: new Date(src.imported_at),
                ...(src.generated && { generated: src.generated }),
                cumulative: src.cumulative === 1,
            },
            prognos,
            bokslut,
        };
    };
    return {
        save,
        inForce,
        current,
        latestYear: (forbundId) => {
            const p = z
                .string()
                .nullable()
                .parse(
                    db.prepare('SELECT MAX(period) FROM utfall_periods WHERE forbund_id = ?').pluck().get(forbundId),
                );
            return p ? Number(p.slice(0, 4)) : undefined;
        },
        hasPeriod: (forbundId, period) =>
            db.prepare('SELECT 1 FROM utfall_periods WHERE forbund_id = ? AND period = ?').get(forbundId, period) !==
            undefined,
        history: (forbundId, period) => {
            const force = db
                .prepare('SELECT import_id FROM utfall_periods WHERE forbund_id = ? AND period = ?')
                .pluck()
                .get(forbundId, period);
            return db
                .prepare(
                    `SELECT DISTINCT i.* FROM utfall_imports i JOIN utfall_lines l ON l.import_id = i.id
                     WHERE i.forbund_id = ? AND l.period = ? ORDER BY i.id`,
                )
                .all(forbundId, period)
                .map((row) => {
                    const r = importRow.parse(row);
                    return {
                        importId: r.id,
                        fileName: r.file_name,
                        importedAt: new Date(r.imported_at),
                        by: r.imported_by,
                        inForce: r.id === force,
                    };
                });
        },
        setPrognos: (forbundId, year, postId, kr, by) => {
            if (kr === undefined)
                db.prepare('DELETE FROM utfall_prognos WHERE forbund_id = ? AND year = ? AND post_id = ?').run(
                    forbundId,
                    year,
                    postId,
                );
            else
                db.prepare(
                    `INSERT INTO utfall_prognos (forbund_id, year, post_id, kr, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT (forbund_id, year, post_id) DO UPDATE SET kr = excluded.kr, set_by = excluded.set_by, set_at = excluded.set_at`,
                ).run(forbundId, year, postId, kr, by, now().toISOString());
        },
        setBokslut: (forbundId, year, intakter, kostnader, by) => {
            db.prepare(
                `INSERT INTO utfall_bokslut (forbund_id, year, intakter, kostnader, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                 ON CONFLICT (forbund_id, year) DO UPDATE SET intakter = excluded.intakter, kostnader = excluded.kostnader,
                 set_by = excluded.set_by, set_at = excluded.set_at`,
            ).run(forbundId, year, intakter, kostnader, by, now().toISOString());
        },
    };
}
