// Conversation references per user (their 1:1 chat) and per conversation, learned from installs, updates and messages.
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { writesElsewhere } from './data-version';
import type { Db } from './db';

const refSchema = z
    .object({
        serviceUrl: z.string(),
        channelId: z.string(),
        conversation: z.object({ id: z.string() }).passthrough(),
        bot: z.object({ id: z.string() }).passthrough().optional(),
        user: z.object({ id: z.string() }).passthrough().optional(),
    })
    .passthrough();

export type RefKind = 'user' | 'conversation';
export type StoredRef = { kind: RefKind; key: string; conversationType?: string; ref: Partial<ConversationReference> };
/** Where a reference came from; `authenticated` when its request carried a validated token (false if unsaid). */
export type RefOrigin = { conversationType?: string; tenantId?: string; authenticated?: boolean };

/** Repository of conversation references: get / put / remove / list, in the Teams Toolkit spirit. */
export function createConversationRefs(db: Db, now: () => Date = () => new Date()) {
    const upsert = db.prepare(
        `INSERT INTO conversation_refs (kind, key, conversation_type, tenant_id, ref, authenticated, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(kind, key) DO UPDATE SET conversation_type = excluded.conversation_type,
           tenant_id = excluded.tenant_id, ref = excluded.ref, authenticated = excluded.authenticated,
           updated_at = excluded.updated_at
         WHERE conversation_refs.ref IS NOT excluded.ref OR conversation_refs.authenticated IS NOT excluded.authenticated`,
    );
    const authenticatedAt = db
        .prepare<[string], number>(
            `SELECT 1 FROM conversation_refs WHERE authenticated = 1 AND json_extract(ref, '$.serviceUrl') = ? LIMIT 1`,
        )
        .pluck();
    const select = db.prepare<[RefKind, string], { ref: string; conversation_type: string | null }>(
        'SELECT ref, conversation_type FROM conversation_refs WHERE kind = ? AND key = ?',
    );
    const del = db.prepare('DELETE FROM conversation_refs WHERE kind = ? AND key = ?');
    const list = db.prepare<[RefKind], { key: string; ref: string; conversation_type: string | null }>(
        'SELECT key, ref, conversation_type FROM conversation_refs WHERE kind = ? ORDER BY key',
    );
    // What this process last wrote per key: every message carries the reference, but it rarely changes.
    const written = new Map<string, string>();
    const stale = writesElsewhere(db);
    // Service URLs an authenticated reference has shown; a URL stays trusted once seen, even if its reference goes.
    const trusted = new Set<string>();
    const toRef = (json: string) => refSchema.parse(JSON.parse(json)) as unknown as Partial<ConversationReference>;

    return {
        /** Stores (or refreshes) a reference; unchanged references are not rewritten. */
        put(kind: RefKind, key: string, ref: Partial<ConversationReference>, origin: RefOrigin = {}) {
            const json = JSON.stringify(ref);
            const authenticated = origin.authenticated === true;
            const cacheKey = `${kind}|${key}`;
            if (stale()) written.clear();
            const state = `${Number(authenticated)}${json}`;
            if (written.get(cacheKey) === state) return;
            upsert.run(
                kind,
                key,
                origin.conversationType ?? null,
                origin.tenantId ?? null,
                json,
                Number(authenticated),
                now().toISOString(),
            );
            if (authenticated && ref.serviceUrl) trusted.add(ref.serviceUrl);
            if (written.size > 10_000) written.clear();
            written.set(cacheKey, state);
        },
        /** Whether some reference learned from an authenticated request has this service URL. */
        trustsServiceUrl(serviceUrl: string): boolean {
            if (trusted.has(serviceUrl)) return true;
            if (authenticatedAt.get(serviceUrl) === undefined) return false;
            trusted.add(serviceUrl);
            return true;
        },
        get(kind: RefKind, key: string): Partial<ConversationReference> | undefined {
            const row = select.get(kind, key);
            return row ? toRef(row.ref) : undefined;
        },
        remove(kind: RefKind, key: string) {
            written.delete(`${kind}|${key}`);
            del.run(kind, key);
        },
        list(kind: RefKind): StoredRef[] {
            return list.all(kind).map((r) => ({
                kind,
                key: r.key,
                conversationType: r.conversation_type ?? undefined,
                ref: toRef(r.ref),
            }));
        },
    };
}
export type ConversationRefs = ReturnType<typeof createConversationRefs>;
