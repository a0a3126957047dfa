// The förbund this deployment serves, behind one interface; today each is version 1 of its data file.
import { join } from 'node:path';
import type { Forbund, PlanText } from '../domain';
import { loadForbund, loadPlanText } from './forbund-files';

/** One version of a förbund's data, with where it came from and its plan's own text when there is one. */
export type ForbundVersion = { version: number; status: 'aktiv'; source: string; forbund: Forbund; plan?: PlanText };

export interface ForbundRepository {
    get(id: string): Forbund | undefined;
    has(id: string): boolean;
    /** Every förbund served, in configuration order. */
    list(): Forbund[];
    ids(): string[];
    readonly size: number;
    /** The version in force for `id`, or undefined when the förbund is not served. */
    active(id: string): ForbundVersion | undefined;
    /** The clean text of the plan in force for `id` (data/forbund/<id>.plan.md), as passages; undefined when none. */
    planText(id: string): PlanText | undefined;
}

/** A repository over the given versions (each förbund once). */
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
