// Key/value settings the bot keeps for itself, such as a generated URL signing secret.
import { randomBytes } from 'node:crypto';
import { must } from '../domain/must';
import type { Db } from './db';

/** Returns the stored value for `key`, creating it with `make()` the first time. */
export function settingOrCreate(db: Db, key: string, make: () => string): string {
    db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(key, make());
    const value = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    return must(value, `setting ${key} just ensured`);
}

/** A random secret suitable for HMAC signing. */
export const randomSecret = () => randomBytes(32).toString('base64url');
