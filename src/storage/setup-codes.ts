// One-time onboarding codes: created on first start per förbund (only the hash is stored), usable once.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';

const hash = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest();
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Repository over setup_codes. */
export function createSetupCodes(db: Db, now: () => Date) {
    return {
        /** Creates a code for a förbund that has none yet and returns it (plain, to be logged once); else undefined. */
        issueIfMissing(forbundId: string): string | undefined {
            if (db.prepare('SELECT 1 FROM setup_codes WHERE forbund_id = ?').get(forbundId)) return undefined;
            const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
            db.prepare('INSERT INTO setup_codes (forbund_id, code_hash, created_at) VALUES (?, ?, ?)').run(
                forbundId,
                hash(code).toString('hex'),
                now().toISOString(),
            );
            return code;
        },
        /** Marks the matching unused code as used and returns its förbund; a wrong or used code returns undefined. */
        redeem(code: string, usedBy: string): string | undefined {
            const rows = db
                .prepare<[], { forbund_id: string; code_hash: string }>(
                    'SELECT forbund_id, code_hash FROM setup_codes WHERE used_at IS NULL',
                )
                .all();
            const given = hash(code);
            const match = rows.find((r) => timingSafeEqual(Buffer.from(r.code_hash, 'hex'), given));
            if (!match) return undefined;
            const { changes } = db
                .prepare('UPDATE setup_codes SET used_at = ?, used_by = ? WHERE forbund_id = ? AND used_at IS NULL')
                .run(now().toISOString(), usedBy, match.forbund_id);
            return changes === 1 ? match.forbund_id : undefined;
        },
    };
}
export type SetupCodes = ReturnType<typeof createSetupCodes>;
