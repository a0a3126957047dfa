// One process writes a DATA_DIR at a time: npm start, npm run chat and npm run seed-demo each hold an exclusive SQLite
// lock on a side file. It is an fcntl lock, so the operating system drops it when the process dies, even by kill -9:
// no stale lock file to remove by hand. npm run backup is read-only and runs beside them; npm run forbund writes one
// transaction per command beside them (the bot re-reads the förbund after another connection's commit).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'finsam.lock.sqlite';

/** Another process holds the data folder. */
export class InstanceLockedError extends Error {}

export type InstanceLock = { release(): void };

// Kept referenced so a collected connection cannot drop the lock while the process still runs.
const held = new Set<Database.Database>();

/** Takes the data folder's lock or throws InstanceLockedError; a ':memory:' data dir needs none. */
export function acquireInstanceLock(dataDir: string): InstanceLock {
    if (dataDir === ':memory:') return { release: () => undefined };
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
    try {
        db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
        db.close();
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        throw new InstanceLockedError(
            `Another bot process is running on the data folder ${dir} (npm start, npm run chat or npm run seed-demo ` +
                `holds ${join(dir, LOCK_FILE)}). Stop it first, or set DATA_DIR to another folder; ` +
                `npm run backup may run beside it.`,
        );
    }
    held.add(db);
    return {
        release() {
            if (!held.delete(db)) return;
            db.exec('ROLLBACK');
            db.close();
        },
    };
}
