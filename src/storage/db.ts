// Opens the SQLite database (WAL), checks it is intact and applies forward-only migrations from migrations/*.sql.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MIGRATIONS_DIR } from '../paths';

export type Db = Database.Database;

/** `fn` wrapped in a transaction, typed as a plain function so repository interfaces show no SQLite types. */
export function transactional<A extends unknown[], R>(db: Db, fn: (...a: A) => R): (...a: A) => R {
    return db.transaction(fn);
}

/** The database file fails SQLite's own check; the message says how to restore a backup. */
export class DatabaseDamagedError extends Error {}

const CORRUPTION = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Opens (creating if needed) the database file, checks it with PRAGMA quick_check and migrates it; a damaged file
 * throws DatabaseDamagedError. Use ':memory:' for a throwaway database.
 */
export function openDb(file: string, migrationsDir = MIGRATIONS_DIR): Db {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        // Random bytes in a middle page go unnoticed until a query reads that page, maybe weeks later.
        const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
        if (problems.some((p) => p.quick_check !== 'ok'))
            throw new DatabaseDamagedError(damaged(file, problems.map((p) => p.quick_check).join('; ')));
        migrate(db, migrationsDir);
    } catch (err) {
        db.close();
        const code = (err as { code?: string }).code;
        if (code && CORRUPTION.has(code)) throw new DatabaseDamagedError(damaged(file, (err as Error).message));
        throw err;
    }
    return db;
}

function damaged(file: string, detail: string): string {
    const path = resolve(file);
    return [
        `The database ${path} is damaged (${detail}), so the bot does not start on it.`,
        'To restore the latest backup made with `npm run backup -- <file>`:',
        '  1. stop the bot if it still runs;',
        `  2. move ${path} and its ${basename(path)}-wal and ${basename(path)}-shm files (if any) to another folder;`,
        `  3. copy the backup file to ${path};`,
        '  4. start the bot again (npm start).',
    ].join('\n');
}

/** Applies every migration not yet recorded in schema_migrations, each in its own transaction. */
export function migrate(db: Db, migrationsDir: string): string[] {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
    const pending = readdirSync(migrationsDir)
        .filter((f) => f.endsWith('.sql') && !done.has(f))
        .sort();
    for (const name of pending) {
        const sql = readFileSync(join(migrationsDir, name), 'utf8');
        db.transaction(() => {
            db.exec(sql);
            db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
                name,
                new Date().toISOString(),
            );
        })();
    }
    return pending;
}
