// Lets an in-process cache of database rows notice commits by other connections (another process, a sqlite3 shell).
import type { Db } from './db';

/**
 * A check that answers true once after each commit another connection made since the last call. PRAGMA
 * data_version is a counter read from shared memory; this connection's own commits do not move it.
 */
export function writesElsewhere(db: Db): () => boolean {
    const read = db.prepare('PRAGMA data_version').pluck();
    let seen = read.get();
    return () => {
        const now = read.get();
        if (now === seen) return false;
        seen = now;
        return true;
    };
}
