// The förbund this deployment serves, behind one interface: the database's version in force, or fixed models.
import { join } from 'node:path';
import { dayOf } from '../domain/deadline-days';
import { emptyForbund, must, type Forbund, type PlanText } from '../domain';
import { editionOf } from '../domain/edition';
import { SEED_ACTIVE_FROM } from './forbund-seed';
import { loadForbund, loadPlanText } from './forbund-files';
import { inForceOn, type ForbundVersions, type VersionInfo, type VersionStatus } from './forbund-versions';

/** One version of a förbund's data, with where it came from; version 0 is a förbund with no data yet. */
export type ForbundVersion = {
    version: number;
    status: VersionStatus;
    source: string;
    forbund: Forbund;
    activeFrom?: string;
    /** The plan's own text, as passages, when there is one. */
    plan?: PlanText;
};

export interface ForbundRepository {
    get(id: string): Forbund | undefined;
    has(id: string): boolean;
    /** Every förbund served, in configuration order. */
    list(): Forbund[];
    ids(): string[];
    readonly size: number;
    /** The version in force for `id`, or undefined when the förbund is not served. */
    active(id: string): ForbundVersion | undefined;
    /** The clean text of the plan in force for `id`, as passages; undefined when none. */
    planText(id: string): PlanText | undefined;
}

/** A repository over fixed models (each förbund once), e.g. a test's invented förbund. */
export function createForbundRepository(versions: readonly Omit<ForbundVersion, 'version' | 'status'>[]) {
    const byId = new Map<string, ForbundVersion>(
        versions.map((v) => [v.forbund.id, { ...v, version: 1, status: 'aktiv' }]),
    );
    const repo: ForbundRepository = {
        get: (id) => byId.get(id)?.forbund,
        has: (id) => byId.has(id),
        list: () => [...byId.values()].map((v) => v.forbund),
        ids: () => [...byId.keys()],
        size: byId.size,
        active: (id) => byId.get(id),
        planText: (id) => byId.get(id)?.plan,
    };
    return repo;
}

/** Loads and validates `<dir>/<id>.json` (and `<id>.plan.md` when present) for each id; throws ForbundDataError when a file is malformed. */
export function forbundFromFiles(dir: string, ids: readonly string[]): ForbundRepository {
    return createForbundRepository(
        ids.map((id) => ({
            forbund: loadForbund(dir, id),
            source: join(dir, `${id}.json`),
            plan: loadPlanText(dir, id),
        })),
    );
}

/**
 * The database's förbund: the configured ids first, then any other förbund an import added. Each model is parsed
 * once per version; the list of aktiv versions is re-read after a write through `versions` or, via
 * `changedElsewhere` (PRAGMA data_version), after another process (the import command) committed.
 */
export function forbundFromDb(opts: {
    versions: ForbundVersions;
    configured: readonly string[];
    now: () => Date;
    changedElsewhere: () => boolean;
    /** The plan text in force for a förbund (an activated plan document, else the seed's `<id>.plan.md`). */
    planText?: (id: string) => PlanText | undefined;
}): ForbundRepository {
    const { versions, now } = opts;
    let stale = true;
    let ids: string[] = [];
    let aktiv = new Map<string, VersionInfo[]>();
    const models = new Map<number, Forbund>();
    const empties = new Map<string, Forbund>();
    versions.onChange(() => {
        stale = true;
    });

    const fresh = () => {
        if (opts.changedElsewhere()) stale = true;
        if (!stale) return;
        const known = versions.forbundIds();
        ids = [...new Set([...opts.configured, ...known])];
        aktiv = new Map();
        for (const v of versions.aktiv()) aktiv.set(v.forbundId, [...(aktiv.get(v.forbundId) ?? []), v]);
        stale = false;
    };
    const version = (id: string): ForbundVersion | undefined => {
        fresh();
        return versionOn(id, dayOf(now()));
    };
    const versionOn = (id: string, day: string): ForbundVersion | undefined => {
        if (!ids.includes(id)) return undefined;
        const v = inForceOn(aktiv.get(id) ?? [], day);
        if (!v) {
            let empty = empties.get(id);
            if (!empty) empties.set(id, (empty = emptyForbund(id)));
            return { version: 0, status: 'aktiv', source: 'inga uppgifter ännu', forbund: empty };
        }
        let model = models.get(v.rowId);
        if (!model) {
            model = must(versions.model(id, v.version), `stored version ${v.version} of ${id}`);
            // An imported version says which it is in every answer's source; seeded data is the printed plan itself.
            if (v.activeFrom !== SEED_ACTIVE_FROM)
                model = {
                    ...model,
                    source: { ...model.source, edition: editionOf(v.version, v.source, v.activeFrom) },
                };
            models.set(v.rowId, model);
        }
        return { version: v.version, status: v.status, source: v.source, forbund: model, activeFrom: v.activeFrom };
    };
    return {
        get: (id) => version(id)?.forbund,
        has: (id) => {
            fresh();
            return ids.includes(id);
        },
        list: () => {
            fresh();
            const day = dayOf(now());
            return ids.map((id) => versionOn(id, day)!.forbund);
        },
        ids: () => {
            fresh();
            return [...ids];
        },
        get size() {
            fresh();
            return ids.length;
        },
        active: version,
        planText: (id) => opts.planText?.(id),
    };
}
