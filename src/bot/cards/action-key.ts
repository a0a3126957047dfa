// The action key every card button carries: record id + record version + nonce, so repeats and stale cards are caught.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A fresh key for a card showing `record` at `version`. */
export function newActionKey(record: string, version: number): string {
    return `${record}|${version}|${randomBytes(9).toString('base64url')}`;
}

export const actionKeySchema = z
    .string()
    .max(300)
    .transform((s, ctx) => {
        const m = /^(.+)\|(\d{1,12})\|([A-Za-z0-9_-]{8,32})$/.exec(s);
        if (!m) {
            ctx.addIssue({ code: 'custom', message: 'malformed action key' });
            return z.NEVER;
        }
        return { record: m[1], version: Number(m[2]), nonce: m[3] };
    });
export type ActionKey = z.output<typeof actionKeySchema>;
