// The förbund this deployment serves, behind one interface; today each is version 1 of its data file.
import { join } from 'node:path';
import type { Forbund } from '../domain';
import { loadForbund } from './forbund-files';

/** One version of a förbund's data, with where it came from. */
export type ForbundVersion = { version: number; status: 'aktiv'; source: string; forbund: Forbund };

export interface ForbundRepository {
    get(id: string): Forbund | undefined;
    has(id: string): boolean;
    /** Every förbund served, in configuration order. */
    list(): Forbund[];
    ids(): string[];
    readonly size: number;
    /** The version in force for `id`, or undefined when the förbund is not served. */
    active(id: string): ForbundVersion | undefined;
}

/** A repository over the given versions (each förbund once). */
export function createForbundRepository(versions: readonly Omit<ForbundVersion, 'version' | 'status'>[]) {
    const byId = new Map<string, ForbundVersion>(
        versions.map((v) => [v.forbund.id, { version: 1, status: 'aktiv', source: v.source, forbund: v.forbund }]),
    );
    const repo: ForbundRepository = {
        get: (id) => byId.get(id)?.forbund,
        has: (id) => byId.has(id),
        list: () => [...byId.values()].map((v) => v.forbund),
        ids: () => [...byId.keys()],
        size: byId.size,
        active: (id) => byId.get(id),
    };
    return repo;
}

/** Loads and validates `<dir>/<id>.json` for each id; throws ForbundDataError when a file is malformed. */
export function forbundFromFiles(dir: string, ids: readonly string[]): ForbundRepository {
    return createForbundRepository(
        ids.map((id) => ({ forbund: loadForbund(dir, id), source: join(dir, `${id}.json`) })),
    );
}
