// Närvaro per §, yrkanden and voteringar of a meeting's items; rows of a closed vote hold counts only.
import { z } from 'zod';
import { OUTCOMES, type Outcome } from '../domain/decisions';
import type { TieBreak, Yrkande } from '../domain/votering';
import type { Db } from './db';

const presenceRow = z.object({
    person_id: z.number().int(),
    change: z.enum(['kommer', 'går']),
    item_id: z.number().int(),
});
const yrkandeRow = z.object({
    id: z.number().int(),
    person_id: z.number().int(),
    outcome: z.enum(OUTCOMES),
    text: z.string().nullable(),
    withdrawn_at: z.string().nullable(),
});
const voteringRow = z.object({
    id: z.number().int(),
    item_id: z.number().int(),
    kind: z.enum(['öppen', 'sluten']),
    election: z.number().int(),
    counts: z.string().transform((s) => z.record(z.number().int()).parse(JSON.parse(s))),
    winner: z.number().int(),
    tie_break: z.enum(['utslagsröst', 'lottning']).nullable(),
    decision_id: z.number().int(),
});
const voteRow = z.object({ person_id: z.number().int(), yrkande_id: z.number().int().nullable() });

/** One arrival at an item or leave after one, by item id (the bot turns them into agenda numbers). */
export type PresenceRow = { personId: number; change: 'kommer' | 'går'; itemId: number };
/** A stored votering; `votes` is empty for a closed vote. */
export type Votering = {
    id: number;
    itemId: number;
    kind: 'öppen' | 'sluten';
    election: boolean;
    counts: Map<number, number>;
    avstar: number;
    winner: number;
    tieBreak?: TieBreak;
    decisionId: number;
    votes: { personId: number; yrkandeId: number | null }[];
};
export type NewVotering = Omit<Votering, 'id'> & { recordedBy: number };

/** Repository over meeting_presence, yrkanden, voteringar and votering_votes. */
export function createMeetingRecord(db: Db, now: () => Date) {
    const toVotering = (raw: unknown): Votering => {
        const r = voteringRow.parse(raw);
        const { avstar = 0, ...rest } = r.counts;
        const votes = db
            .prepare('SELECT person_id, yrkande_id FROM votering_votes WHERE votering_id = ? ORDER BY rowid')
            .all(r.id)
            .map((v) => voteRow.parse(v))
            .map((v) => ({ personId: v.person_id, yrkandeId: v.yrkande_id }));
        return {
            id: r.id,
            itemId: r.item_id,
            kind: r.kind,
            election: r.election === 1,
            counts: new Map(Object.entries(rest).map(([k, n]) => [Number(k), n])),
            avstar,
            winner: r.winner,
            tieBreak: r.tie_break ?? undefined,
            decisionId: r.decision_id,
            votes,
        };
    };
    return {
        /** Adds a person's arrivals and leaves; none clears theirs, so their answer to the kallelse holds again. */
        setPresence(meetingId: number, personId: number, changes: readonly PresenceRow[], by: number): void {
            if (!changes.length)
                db.prepare('DELETE FROM meeting_presence_changes WHERE meeting_id = ? AND person_id = ?').run(
                    meetingId,
                    personId,
                );
            const put = db.prepare(
                `INSERT INTO meeting_presence_changes (meeting_id, person_id, change, item_id, recorded_by, recorded_at)
                 VALUES (?, ?, ?, ?, ?, ?)`,
            );
            for (const c of changes) put.run(meetingId, personId, c.change, c.itemId, by, now().toISOString());
        },
        presence(meetingId: number): PresenceRow[] {
            return db
                .prepare('SELECT * FROM meeting_presence_changes WHERE meeting_id = ? ORDER BY id')
                .all(meetingId)
                .map((raw) => {
                    const r = presenceRow.parse(raw);
                    return { personId: r.person_id, change: r.change, itemId: r.item_id };
                });
        },
        addYrkande(
            meetingId: number,
            itemId: number,
            y: { personId: number; outcome: Outcome; text?: string },
            by: number,
        ): number {
            return Number(
                db
                    .prepare(
                        `INSERT INTO yrkanden (meeting_id, item_id, person_id, outcome, text, recorded_by, recorded_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?)`,
                    )
                    .run(meetingId, itemId, y.personId, y.outcome, y.text ?? null, by, now().toISOString())
                    .lastInsertRowid,
            );
        },
        yrkanden(itemId: number): Yrkande[] {
            return db
                .prepare('SELECT * FROM yrkanden WHERE item_id = ? ORDER BY id')
                .all(itemId)
                .map((raw) => {
                    const r = yrkandeRow.parse(raw);
                    return {
                        id: r.id,
                        personId: r.person_id,
                        outcome: r.outcome,
                        text: r.text ?? undefined,
                        withdrawn: r.withdrawn_at !== null,
                    };
                });
        },
        /** Withdraws a yrkande not yet withdrawn; false when it was withdrawn meanwhile. */
        withdrawYrkande(yrkandeId: number, by: number): boolean {
            return (
                db
                    .prepare(
                        'UPDATE yrkanden SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL',
                    )
                    .run(now().toISOString(), by, yrkandeId).changes === 1
            );
        },
        /** Stores a votering; an open one with a row per voter, a closed one with its counts only. */
        addVotering(meetingId: number, v: NewVotering): number {
            const counts = { ...Object.fromEntries(v.counts), avstar: v.avstar };
            const id = Number(
                db
                    .prepare(
                        `INSERT INTO voteringar (meeting_id, item_id, kind, election, counts, winner, tie_break, decision_id, recorded_by, recorded_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                    )
                    .run(
                        meetingId,
                        v.itemId,
                        v.kind,
                        v.election ? 1 : 0,
                        JSON.stringify(counts),
                        v.winner,
                        v.tieBreak ?? null,
                        v.decisionId,
                        v.recordedBy,
                        now().toISOString(),
                    ).lastInsertRowid,
            );
            if (v.kind === 'öppen') {
                const put = db.prepare(
                    'INSERT INTO votering_votes (votering_id, person_id, yrkande_id) VALUES (?, ?, ?)',
                );
                for (const vote of v.votes) put.run(id, vote.personId, vote.yrkandeId);
            }
            return id;
        },
        /** The item's latest votering, if any. */
        votering(itemId: number): Votering | undefined {
            const row = db.prepare('SELECT * FROM voteringar WHERE item_id = ? ORDER BY id DESC LIMIT 1').get(itemId);
            return row ? toVotering(row) : undefined;
        },
    };
}
export type MeetingRecord = ReturnType<typeof createMeetingRecord>;
