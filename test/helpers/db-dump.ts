// A comparable dump of the bot's own records, to assert that a refused or invalid request changed nothing.
import type { Db } from '../../src/storage/db';

// Turn state, conversation references and generated settings change on any turn; they are not records of writes.
const VOLATILE = new Set(['bot_state', 'conversation_refs', 'schema_migrations', 'settings']);

/** Every non-volatile table's rows, in rowid order. */
export function dumpDb(db: Db): Record<string, unknown[]> {
    const tables = db
        .prepare<[], string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all()
        .filter((t) => !VOLATILE.has(t));
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
