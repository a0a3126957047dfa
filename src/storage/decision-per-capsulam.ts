// Per capsulam proposals, their votes (a row per answer) and the settled result with the agenda item that reports it.
import { z } from 'zod';
import { VOTES, type Vote, type Voter } from '../domain/decision-per-capsulam';
import { dayOf } from '../domain/deadline-days';
import type { Db } from './db';
import { audit } from './decisions';

const voterSchema = z.object({ part: z.string(), personId: z.number().int(), replaces: z.number().int().optional() });
const proposalRow = z.object({
    id: z.number().int(),
    forbund_id: z.string(),
    body_id: z.string(),
    title: z.string(),
    proposal: z.string(),
    deadline: z.string().datetime(),
    voters: z.string().transform((s) => z.array(voterSchema).parse(JSON.parse(s))),
    created_by: z.number().int(),
    created_at: z.string(),
    conversation_id: z.string().nullable(),
    activity_id: z.string().nullable(),
});
const voteRow = z.object({ part: z.string(), person_id: z.number().int(), answer: z.enum(VOTES), at: z.string() });
const tallyJson = z.object({ ja: z.number(), nej: z.number(), avstar: z.number(), missing: z.number() });
const resultRow = z.object({
    proposal_id: z.number().int(),
    adopted: z.number().int(),
    tally: z.string().transform((s) => tallyJson.parse(JSON.parse(s))),
    settled_at: z.string(),
    reported_item_id: z.number().int().nullable(),
    register_key: z.string().nullable().optional(),
    register_number: z.number().int().nullable().optional(),
});

export type PerCapsulam = {
    id: number;
    forbundId: string;
    bodyId: string;
    title: string;
    proposal: string;
    deadline: Date;
    voters: Voter[];
    createdBy: number;
    createdAt: Date;
    posted?: { conversationId: string; activityId: string };
};
export type PcResult = {
    proposalId: number;
    adopted: boolean;
    tally: z.output<typeof tallyJson>;
    settledAt: Date;
    reportedItemId?: number;
    /** Its register number and year (`PC 3/2026`), given when it was settled. */
    register?: { number: number; year: number };
};

/** Repository over per_capsulam, per_capsulam_votes and per_capsulam_results. */
export function createPerCapsulam(db: Db, now: () => Date) {
    const toProposal = (raw: unknown): PerCapsulam => {
        const r = proposalRow.parse(raw);
        return {
            id: r.id,
            forbundId: r.forbund_id,
            bodyId: r.body_id,
            title: r.title,
            proposal: r.proposal,
            deadline: new Date(r.deadline),
            voters: r.voters,
            createdBy: r.created_by,
            createdAt: new Date(r.created_at),
            posted:
                r.conversation_id && r.activity_id
                    ? { conversationId: r.conversation_id, activityId: r.activity_id }
                    : undefined,
        };
    };
    const toResult = (raw: unknown): PcResult => {
        const r = resultRow.parse(raw);
        return {
            proposalId: r.proposal_id,
            adopted: r.adopted === 1,
            tally: r.tally,
            settledAt: new Date(r.settled_at),
            reportedItemId: r.reported_item_id ?? undefined,
            ...(r.register_key &&
                r.register_number && {
                    register: { number: r.register_number, year: Number(r.register_key.split('|').at(-1)) },
                }),
        };
    };
    const get = (id: number) => {
        const row = db.prepare('SELECT * FROM per_capsulam WHERE id = ?').get(id);
        return row ? toProposal(row) : undefined;
    };
    const result = (id: number) => {
        const row = db.prepare('SELECT * FROM per_capsulam_results WHERE proposal_id = ?').get(id);
        return row ? toResult(row) : undefined;
    };

    return {
        get,
        result,
        create(p: Omit<PerCapsulam, 'id' | 'createdAt' | 'posted'>, actor: string): number {
            const at = now();
            const id = Number(
                db
                    .prepare(
                        `INSERT INTO per_capsulam (forbund_id, body_id, title, proposal, deadline, voters, created_by, created_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
                    )
                    .run(
                        p.forbundId,
                        p.bodyId,
                        p.title,
                        p.proposal,
                        p.deadline.toISOString(),
                        JSON.stringify(p.voters),
                        p.createdBy,
                        at.toISOString(),
                    ).lastInsertRowid,
            );
            audit(db, p.forbundId, at, actor, 'per-capsulam.create', { id, deadline: p.deadline.toISOString() });
            return id;
        },
        recordPosted(id: number, conversationId: string, activityId: string) {
            db.prepare('UPDATE per_capsulam SET conversation_id = ?, activity_id = ? WHERE id = ?').run(
                conversationId,
                activityId,
                id,
            );
        },
        vote(p: PerCapsulam, part: string, personId: number, answer: Vote, actor: string) {
            db.prepare(
                'INSERT INTO per_capsulam_votes (proposal_id, part, person_id, answer, at) VALUES (?, ?, ?, ?, ?)',
            ).run(p.id, part, personId, answer, now().toISOString());
            audit(db, p.forbundId, now(), actor, 'per-capsulam.vote', { id: p.id, part, answer });
        },
        votes(id: number) {
            return db
                .prepare('SELECT part, person_id, answer, at FROM per_capsulam_votes WHERE proposal_id = ? ORDER BY id')
                .all(id)
                .map((raw) => {
                    const r = voteRow.parse(raw);
                    return { part: r.part, personId: r.person_id, answer: r.answer, at: new Date(r.at) };
                });
        },
        /**
         * Records the settled result once (a second call keeps the first), dated `at` (when it was decided), with the
         * next register number of its body in that year.
         */
        settle(p: PerCapsulam, adopted: boolean, tally: z.input<typeof tallyJson>, at: Date): boolean {
            const year = dayOf(at).slice(0, 4);
            const key = `${p.forbundId}|${p.bodyId}|${year}`;
            const last = z
                .number()
                .int()
                .parse(
                    db
                        .prepare(
                            'SELECT coalesce(max(register_number), 0) FROM per_capsulam_results WHERE register_key = ?',
                        )
                        .pluck()
                        .get(key),
                );
            const { changes } = db
                .prepare(
                    `INSERT OR IGNORE INTO per_capsulam_results (proposal_id, adopted, tally, settled_at, register_key, register_number)
                     VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(p.id, adopted ? 1 : 0, JSON.stringify(tallyJson.parse(tally)), at.toISOString(), key, last + 1);
            if (changes === 1)
                audit(db, p.forbundId, now(), 'bot', 'per-capsulam.settle', { id: p.id, adopted, number: last + 1 });
            return changes === 1;
        },
        markReported(id: number, itemId: number) {
            db.prepare(
                'UPDATE per_capsulam_results SET reported_item_id = ?, reported_at = ? WHERE proposal_id = ?',
            ).run(itemId, now().toISOString(), id);
        },
        /** Settled results not yet put on an agenda, of a förbund's body. */
        unreported(forbundId: string, bodyId: string): PcResult[] {
            return db
                .prepare(
                    `SELECT r.* FROM per_capsulam_results r JOIN per_capsulam p ON p.id = r.proposal_id
                     WHERE p.forbund_id = ? AND p.body_id = ? AND r.reported_item_id IS NULL ORDER BY r.settled_at`,
                )
                .all(forbundId, bodyId)
                .map(toResult);
        },
        /** Every proposal of a förbund, newest first (for the register and settling on read). */
        list(forbundId: string): PerCapsulam[] {
            return db
                .prepare('SELECT * FROM per_capsulam WHERE forbund_id = ? ORDER BY id DESC')
                .all(forbundId)
                .map(toProposal);
        },
    };
}
export type PerCapsulamRepo = ReturnType<typeof createPerCapsulam>;
