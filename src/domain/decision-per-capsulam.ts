// Per capsulam: who answers for each part, and the tally (adopted only if every part answered Ja by the deadline).
import type { Invitation } from './meetings';

export const VOTES = ['ja', 'nej', 'avstår'] as const;
export type Vote = (typeof VOTES)[number];
/** The one person who answers for a seat: its ledamot, or the part's ersättare when the ledamot is unavailable. */
export type Voter = { part: string; personId: number; replaces?: number };
export type VoteEvent = { part: string; personId: number; answer: Vote; at: Date };

/**
 * One voter per seat of the body. A ledamot the chef marked unavailable is replaced by an available ersättare of the
 * same part; a seat nobody can answer for is listed in `uncovered` (it can only count as a missing answer).
 */
export function perCapsulamVoters(
    inv: Invitation,
    unavailable: readonly number[],
): { voters: Voter[]; uncovered: string[] } {
    const voters: Voter[] = [];
    const uncovered: string[] = [];
    for (const g of inv.groups) {
        const spare = g.ersattare.filter((id) => !unavailable.includes(id) && !g.ledamoter.includes(id));
        for (let seat = 0; seat < g.seats; seat++) {
            const part = g.seats > 1 ? `${g.key}#${seat + 1}` : g.key;
            const ledamot = g.ledamoter[seat];
            if (ledamot !== undefined && !unavailable.includes(ledamot)) {
                voters.push({ part, personId: ledamot });
                continue;
            }
            const substitute = spare.shift();
            if (substitute !== undefined) voters.push({ part, personId: substitute, replaces: ledamot });
            else uncovered.push(part);
        }
    }
    return { voters, uncovered };
}

export type Tally = {
    ja: number;
    nej: number;
    avstar: number;
    missing: number;
    /** Seats that answer (voters plus uncovered seats). */
    total: number;
    /** The answer that counts per part (the voter's latest before the deadline). */
    answers: Map<string, Vote>;
    /** Settled once every part has answered or the deadline has passed; then `adopted` is final. */
    settled: boolean;
    adopted: boolean;
};

/**
 * Counts the answers: per part the voter's latest answer given by the deadline. Adopted only when every part answered
 * Ja; any Nej or Avstår, or a part with no answer once the deadline has passed, and it is not adopted.
 */
export function tallyVotes(
    voters: readonly Voter[],
    uncovered: readonly string[],
    votes: readonly VoteEvent[],
    deadline: Date,
    now: Date,
): Tally {
    const answers = new Map<string, Vote>();
    const sorted = [...votes].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const v of sorted) {
        const voter = voters.find((x) => x.part === v.part);
        if (voter?.personId === v.personId && v.at.getTime() <= deadline.getTime()) answers.set(v.part, v.answer);
    }
    const count = (a: Vote) => [...answers.values()].filter((x) => x === a).length;
    const total = voters.length + uncovered.length;
    const missing = total - answers.size;
    const allJa = missing === 0 && count('ja') === total && total > 0;
    const settled = missing === 0 || now.getTime() >= deadline.getTime();
    return {
        ja: count('ja'),
        nej: count('nej'),
        avstar: count('avstår'),
        missing,
        total,
        answers,
        settled,
        adopted: settled && allJa,
    };
}

/**
 * When a settled proposal was decided: the moment the last part's counting answer came in, or the deadline when a
 * part never answered (or one answer came in only then). This, not the deadline, dates the register entry.
 */
export function settledAt(
    voters: readonly Voter[],
    votes: readonly VoteEvent[],
    deadline: Date,
    missing: number,
): Date {
    if (missing > 0) return deadline;
    const counting = votes.filter(
        (v) =>
            v.at.getTime() <= deadline.getTime() && voters.some((x) => x.part === v.part && x.personId === v.personId),
    );
    const lastPerPart = new Map<string, number>();
    for (const v of counting) lastPerPart.set(v.part, Math.max(lastPerPart.get(v.part) ?? 0, v.at.getTime()));
    return lastPerPart.size ? new Date(Math.max(...lastPerPart.values())) : deadline;
}

/** `PC 3/2026`: a per capsulam decision's own number in the register, per body and year of settlement. */
export const formatPcRef = (number: number, year: number) => `PC ${number}/${year}`;
