// Remembers applied card actions by nonce so a double click or a Teams retry is applied once.
import { z } from 'zod';
import type { Db } from './db';

/** Repository over action_keys; `result` is the JSON the press produced (replayed on a repeat while still true). */
export function createActionKeys(db: Db, now: () => Date) {
    const get = db.prepare<[string], { record: string; result: string }>(
        'SELECT record, result FROM action_keys WHERE nonce = ?',
    );
    return {
        seen(nonce: string): { record: string; result: unknown } | undefined {
            const row = get.get(nonce);
            return row && { record: row.record, result: z.unknown().parse(JSON.parse(row.result)) };
        },
        /** Records the nonce (again, when an answer is re-applied); call inside the same transaction as the write. */
        remember(nonce: string, record: string, result: unknown) {
            db.prepare(
                `INSERT INTO action_keys (nonce, record, applied_at, result) VALUES (?, ?, ?, ?)
                 ON CONFLICT (nonce) DO UPDATE SET record = excluded.record, applied_at = excluded.applied_at,
                   result = excluded.result`,
            ).run(nonce, record, now().toISOString(), JSON.stringify(result ?? null));
        },
    };
}
export type ActionKeys = ReturnType<typeof createActionKeys>;
