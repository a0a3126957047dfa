// Opens the SQLite database (WAL) and applies forward-only migrations from migrations/*.sql in name order.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths';

export type Db = Database.Database;

/** Opens (creating if needed) the database file and migrates it. Use ':memory:' for a throwaway database. */
export function openDb(file: string, migrationsDir = MIGRATIONS_DIR): Db {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrationsDir);
    return db;
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
