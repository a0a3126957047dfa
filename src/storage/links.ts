// Which förbund a team or chat belongs to, and which body (styrelse, beredningsgrupp, …) a channel serves.
import { transactional, type Db } from './db';

export type LinkScope = 'team' | 'conversation';

/** Repository over conversation_links and channel_bodies; each change writes an audit row in the same transaction. */
export function createLinks(db: Db, now: () => Date) {
    const audit = db.prepare('INSERT INTO audit_log (forbund_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)');
    // Asked on every turn once there is more than one förbund: prepared once.
    const linkOf = db.prepare<[string, string], { forbund_id: string }>(
        `SELECT forbund_id FROM conversation_links WHERE (scope = 'conversation' AND scope_id = ?)
         OR (scope = 'team' AND scope_id = ?) ORDER BY scope = 'conversation' DESC LIMIT 1`,
    );
    return {
        /** The förbund linked to the conversation itself, else to its team. */
        forbundOf(conversationId: string, teamId?: string): string | undefined {
            const row = linkOf.get(conversationId, teamId ?? '');
            return row?.forbund_id;
        },
        link: transactional(db, (scope: LinkScope, scopeId: string, forbundId: string, actor: string) => {
            db.prepare(
                `INSERT INTO conversation_links (scope, scope_id, forbund_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT(scope, scope_id) DO UPDATE SET forbund_id = excluded.forbund_id,
                   linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
            ).run(scope, scopeId, forbundId, actor, now().toISOString());
            audit.run(forbundId, now().toISOString(), actor, 'conversation.link', JSON.stringify({ scope, scopeId }));
        }),
        bodyOf(conversationId: string): { forbundId: string; bodyId: string } | undefined {
            const row = db
                .prepare<[string], { forbund_id: string; body_id: string }>(
                    'SELECT forbund_id, body_id FROM channel_bodies WHERE conversation_id = ?',
                )
                .get(conversationId);
            return row && { forbundId: row.forbund_id, bodyId: row.body_id };
        },
        channelOf(forbundId: string, bodyId: string): string | undefined {
            return db
                .prepare<[string, string], string>(
                    'SELECT conversation_id FROM channel_bodies WHERE forbund_id = ? AND body_id = ?',
                )
                .pluck()
                .get(forbundId, bodyId);
        },
        /** Links a channel to a body; a body has one channel, so an earlier link for the body moves here. */
        linkBody: transactional(db, (conversationId: string, forbundId: string, bodyId: string, actor: string) => {
            db.prepare('DELETE FROM channel_bodies WHERE forbund_id = ? AND body_id = ?').run(forbundId, bodyId);
            db.prepare(
                `INSERT INTO channel_bodies (conversation_id, forbund_id, body_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT(conversation_id) DO UPDATE SET forbund_id = excluded.forbund_id, body_id = excluded.body_id,
                   linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
            ).run(conversationId, forbundId, bodyId, actor, now().toISOString());
            audit.run(
                forbundId,
                now().toISOString(),
                actor,
                'channel.body',
                JSON.stringify({ conversationId, bodyId }),
            );
        }),
    };
}
export type Links = ReturnType<typeof createLinks>;
