// The last reading per (conversation, user), kept in memory for a short while so a follow-up ("och 2026?") can
// continue it. Not teams-ai conversation state (shared by a channel's members) nor user state (follows a person
// across chats); losing it on restart only means a follow-up is asked in full again.
import { LRUCache } from 'lru-cache';

export type RecentReadings<T extends object> = {
    /** The reading `user` made last in `conversation`, when it is younger than the expiry. */
    get(conversation: string, user: string, now: Date): T | undefined;
    set(conversation: string, user: string, reading: T, now: Date): void;
};

/** A bounded memory of readings that expire `ttlMs` after they were made (times from the injected clock). */
export function createRecentReadings<T extends object>(ttlMs: number, max = 10_000): RecentReadings<T> {
    const cache = new LRUCache<string, { at: number; reading: T }>({ max });
    const key = (conversation: string, user: string) => `${conversation}\n${user}`;
    return {
        get(conversation, user, now) {
            const hit = cache.get(key(conversation, user));
            if (!hit) return undefined;
            const age = now.getTime() - hit.at;
            if (age < 0 || age > ttlMs) {
                cache.delete(key(conversation, user));
                return undefined;
            }
            return hit.reading;
        },
        set(conversation, user, reading, now) {
            cache.set(key(conversation, user), { at: now.getTime(), reading });
        },
    };
}
