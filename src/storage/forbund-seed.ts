// First start: each configured förbund is registered, and one with a data file but no versions gets version 1 from it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbundDataError } from '../domain';
import type { ForbundVersions } from './forbund-versions';

/** The day a seeded version is in force from: it is the data the förbund always had. */
export const SEED_ACTIVE_FROM = '0001-01-01';

function readJson(file: string): unknown {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
        throw new ForbundDataError(file, [{ path: '', reason: `ogiltig JSON (${(err as Error).message})` }]);
    }
}

/**
 * Registers each id and seeds version 1 (aktiv) from `<dir>/<id>.json` when the förbund has no version yet; after
 * that the database wins and the file is not read again. Returns the ids seeded from a file and those still empty.
 */
export function seedForbund(versions: ForbundVersions, dir: string, ids: readonly string[]) {
    const seeded: string[] = [];
    const empty: string[] = [];
    for (const id of ids) {
        versions.addForbund(id, 'system');
        if (versions.list(id).length > 0) continue;
        const file = join(dir, `${id}.json`);
        if (!existsSync(file)) {
            empty.push(id);
            continue;
        }
        versions.store(id, readJson(file), {
            by: 'system',
            source: file,
            note: 'första start',
            activate: { by: 'system', from: SEED_ACTIVE_FROM },
        });
        seeded.push(id);
    }
    return { seeded, empty };
}
