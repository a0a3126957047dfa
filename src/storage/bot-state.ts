// botbuilder Storage over SQLite with eTag optimistic concurrency (teams-ai turn state lives here).
import type { Storage, StoreItems } from 'botbuilder';
import { z } from 'zod';
import type { Db } from './db';

const stateItem = z.record(z.string(), z.unknown());

/** A botbuilder Storage whose items survive restarts; a write with a stale eTag throws like MemoryStorage does. */
export function createSqliteStorage(db: Db): Storage {
    const select = db.prepare<[string], { etag: number; data: string }>(
        'SELECT etag, data FROM bot_state WHERE key = ?',
    );
    const upsert = db.prepare(
        'INSERT INTO bot_state (key, etag, data) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data',
    );
    const remove = db.prepare('DELETE FROM bot_state WHERE key = ?');

    const writeAll = db.transaction((changes: StoreItems) => {
        for (const [key, value] of Object.entries(changes)) {
            // botbuilder types StoreItems as `any`; a turn-state item is a plain object with an optional eTag.
            const item = (value ?? {}) as { eTag?: string } & Record<string, unknown>;
            const current = select.get(key);
            const wanted = item.eTag;
            if (current && wanted && wanted !== '*' && wanted !== String(current.etag)) {
                throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            }
            const next = (current?.etag ?? 0) + 1;
            const { eTag: _ignored, ...rest } = item;
            upsert.run(key, next, JSON.stringify(rest));
        }
    });

    return {
        async read(keys: string[]): Promise<StoreItems> {
            const out: StoreItems = {};
            for (const key of keys) {
                const row = select.get(key);
                if (row) out[key] = { ...stateItem.parse(JSON.parse(row.data)), eTag: String(row.etag) };
            }
            return out;
        },
        async write(changes: StoreItems): Promise<void> {
            writeAll(changes);
        },
        async delete(keys: string[]): Promise<void> {
            db.transaction(() => keys.forEach((k) => remove.run(k)))();
        },
    };
}
