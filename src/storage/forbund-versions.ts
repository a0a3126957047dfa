// Versions of each förbund's data in the database: propose (förslag), activate from a day, list, read back.
import { z } from 'zod';
import { dayOf } from '../domain/deadline-days';
import { ForbundDataError, parseForbund, type Forbund } from '../domain';
import { transactional, type Db } from './db';

export const VERSION_STATUSES = ['förslag', 'aktiv', 'ersatt'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

const versionRow = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    version: z.number().int(),
    status: z.enum(VERSION_STATUSES),
    active_from: z.string().nullable(),
    source: z.string(),
    created_by: z.string(),
    created_at: z.string(),
    activated_by: z.string().nullable(),
    activated_at: z.string().nullable(),
    note: z.string().nullable(),
});

/** One stored version without its document. `activeFrom` is the Stockholm day an aktiv version takes force. */
export type VersionInfo = {
    rowId: number;
    forbundId: string;
    version: number;
    status: VersionStatus;
    activeFrom?: string;
    source: string;
    createdBy: string;
    createdAt: Date;
    activatedBy?: string;
    activatedAt?: Date;
    note?: string;
};

const toInfo = (raw: unknown): VersionInfo => {
    const r = versionRow.parse(raw);
    return {
        rowId: r.id,
        forbundId: r.forbund_id,
        version: r.version,
        status: r.status,
        activeFrom: r.active_from ?? undefined,
        source: r.source,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at),
        activatedBy: r.activated_by ?? undefined,
        activatedAt: r.activated_at ? new Date(r.activated_at) : undefined,
        note: r.note ?? undefined,
    };
};

export type ProposeMeta = { by: string; source: string; note?: string };
export type ActivateMeta = { by: string; /** yyyy-MM-dd; today when omitted. */ from?: string };

/** The aktiv version in force on `day`: the latest active_from on or before it (then the highest version). */
export function inForceOn(versions: readonly VersionInfo[], day: string): VersionInfo | undefined {
    return versions
        .filter((v) => v.status === 'aktiv' && v.activeFrom !== undefined && v.activeFrom <= day)
        .sort((a, b) =>
            a.activeFrom! < b.activeFrom! ? -1 : a.activeFrom! > b.activeFrom! ? 1 : a.version - b.version,
        )
        .at(-1);
}

/** Repository over forbund and forbund_versions; every write is one transaction. */
export function createForbundVersions(db: Db, now: () => Date) {
    const listeners: (() => void)[] = [];
    const changed = () => listeners.forEach((l) => l());
    const all = db.prepare(
        `SELECT id, forbund_id, version, status, active_from, source, created_by, created_at, activated_by,
                activated_at, note FROM forbund_versions WHERE forbund_id = ? ORDER BY version`,
    );
    const aktivRows = db.prepare(
        `SELECT id, forbund_id, version, status, active_from, source, created_by, created_at, activated_by,
                activated_at, note FROM forbund_versions WHERE status = 'aktiv' ORDER BY forbund_id, version`,
    );
    const docOf = db
        .prepare<[string, number], string>('SELECT document FROM forbund_versions WHERE forbund_id = ? AND version = ?')
        .pluck();

    const list = (id: string): VersionInfo[] => all.all(id).map(toInfo);

    const addForbund = (id: string, by: string): boolean => {
        const { changes } = db
            .prepare('INSERT OR IGNORE INTO forbund (id, added_at, added_by) VALUES (?, ?, ?)')
            .run(id, now().toISOString(), by);
        if (changes > 0) changed();
        return changes > 0;
    };

    const propose = (id: string, document: unknown, meta: ProposeMeta): number => {
        const forbund = parseForbund(document, meta.source);
        if (forbund.id !== id)
            throw new ForbundDataError(meta.source, [
                { path: 'id', reason: `förväntade "${id}", inte "${forbund.id}"` },
            ]);
        addForbund(id, meta.by);
        const next =
            (db
                .prepare<[string], number | null>('SELECT max(version) FROM forbund_versions WHERE forbund_id = ?')
                .pluck()
                .get(id) ?? 0) + 1;
        db.prepare(
            `INSERT INTO forbund_versions (forbund_id, version, status, source, created_by, created_at, note, document)
             VALUES (?, ?, 'förslag', ?, ?, ?, ?, ?)`,
        ).run(id, next, meta.source, meta.by, now().toISOString(), meta.note ?? null, JSON.stringify(document));
        changed();
        return next;
    };

    const activate = (id: string, version: number, meta: ActivateMeta): VersionInfo => {
        const from = meta.from ?? dayOf(now());
        const { changes } = db
            .prepare(
                `UPDATE forbund_versions SET status = 'aktiv', active_from = ?, activated_by = ?, activated_at = ?
                 WHERE forbund_id = ? AND version = ? AND status = 'förslag'`,
            )
            .run(from, meta.by, now().toISOString(), id, version);
        if (changes !== 1) throw new Error(`förbund ${id} version ${version} är inget förslag`);
        settle(id);
        changed();
        return list(id).find((v) => v.version === version)!;
    };

    /** Marks aktiv versions that a later one in force today replaced as ersatt. */
    const settle = (id: string): void => {
        const current = inForceOn(list(id), dayOf(now()));
        if (!current) return;
        db.prepare(
            `UPDATE forbund_versions SET status = 'ersatt' WHERE forbund_id = ? AND status = 'aktiv' AND id != ?
             AND (active_from < ? OR (active_from = ? AND version < ?))`,
        ).run(id, current.rowId, current.activeFrom, current.activeFrom, current.version);
    };

    const repo = {
        /** Registers a förbund as served (no data yet); false when it was already known. */
        addForbund: transactional(db, addForbund),
        /** Every förbund in the database, in the order they were added. */
        forbundIds: (): string[] => db.prepare<[], string>('SELECT id FROM forbund ORDER BY rowid').pluck().all(),
        /** Validates `document` (the data-file format) and stores it as the next version, status förslag. */
        propose: transactional(db, propose),
        /** Makes a förslag aktiv from `from` (today by default); a version it replaces today becomes ersatt. */
        activate: transactional(db, activate),
        /** propose + activate in one transaction. */
        store: transactional(
            db,
            (id: string, document: unknown, meta: ProposeMeta & { activate?: ActivateMeta }): VersionInfo => {
                const version = propose(id, document, meta);
                return meta.activate ? activate(id, version, meta.activate) : list(id).at(-1)!;
            },
        ),
        /** Writes ersatt on versions a later aktiv version replaced by today (e.g. after 1 January). */
        settle: transactional(db, (id: string) => {
            settle(id);
        }),
        list,
        /** Every aktiv version of every förbund. */
        aktiv: (): VersionInfo[] => aktivRows.all().map(toInfo),
        /** The stored document (data-file format) of a version, as JSON; parse it with parseForbund. */
        document: (id: string, version: number): unknown => {
            const text = docOf.get(id, version);
            return text === undefined ? undefined : (JSON.parse(text) as unknown);
        },
        /** The validated model of a version; throws ForbundDataError when the stored document no longer validates. */
        model: (id: string, version: number): Forbund | undefined => {
            const text = docOf.get(id, version);
            const doc = text === undefined ? undefined : (JSON.parse(text) as unknown);
            return doc === undefined ? undefined : parseForbund(doc, `databasen: ${id} version ${version}`);
        },
        /** Calls `fn` after each write through this repository (the förbund repository drops its cache). */
        onChange: (fn: () => void) => {
            listeners.push(fn);
        },
    };
    return repo;
}
export type ForbundVersions = ReturnType<typeof createForbundVersions>;
