// Omröstning between yrkanden: open (each serving ledamot's choice or avstår) or closed (counts only), and ties.
import type { Outcome } from './decisions';

/** A yrkande on an item: who made it and what it asks for (bifall to the förslag is one); withdrawn before a vote. */
export type Yrkande = { id: number; personId: number; outcome: Outcome; text?: string; withdrawn?: boolean };
export type TieBreak = 'utslagsröst' | 'lottning';
export type VoteResult =
    | { ok: true; counts: Map<number, number>; avstar: number; winner: number; tieBreak?: TieBreak }
    | { ok: false; reason: 'too-few' | 'chair-abstained' | 'no-lot' | 'too-many-votes' | 'no-votes' };

/**
 * Tie rule (kommunallagen): the ordförande's vote decides an open vote; in elections and closed votes the lot decides,
 * so the ordförande records the lot's outcome (`lot`).
 */
const decide = (
    yrkanden: readonly Yrkande[],
    counts: Map<number, number>,
    avstar: number,
    useLot: boolean,
    chairChoice: number | null | undefined,
    lot: number | undefined,
): VoteResult => {
    const top = Math.max(...counts.values());
    if (top === 0) return { ok: false, reason: 'no-votes' };
    const leaders = yrkanden.filter((y) => counts.get(y.id) === top).map((y) => y.id);
    if (leaders.length === 1) return { ok: true, counts, avstar, winner: leaders[0] };
    if (useLot)
        return lot !== undefined && leaders.includes(lot)
            ? { ok: true, counts, avstar, winner: lot, tieBreak: 'lottning' }
            : { ok: false, reason: 'no-lot' };
    return chairChoice != null && leaders.includes(chairChoice)
        ? { ok: true, counts, avstar, winner: chairChoice, tieBreak: 'utslagsröst' }
        : { ok: false, reason: 'chair-abstained' };
};

/** An open vote: `votes` maps each serving ledamot to the yrkande chosen (null = avstår). */
export function openVote(
    yrkanden: readonly Yrkande[],
    votes: ReadonlyMap<number, number | null>,
    chair: number | undefined,
    election: boolean,
    lot?: number,
): VoteResult {
    if (yrkanden.length < 2) return { ok: false, reason: 'too-few' };
    const counts = new Map(yrkanden.map((y) => [y.id, 0]));
    let avstar = 0;
    for (const choice of votes.values()) {
        if (choice === null || !counts.has(choice)) avstar++;
        else counts.set(choice, (counts.get(choice) ?? 0) + 1);
    }
    return decide(yrkanden, counts, avstar, election, chair === undefined ? undefined : votes.get(chair), lot);
}

/** A closed vote (val, anställning): only counts per yrkande, at most one vote per serving ledamot. */
export function closedVote(
    yrkanden: readonly Yrkande[],
    given: ReadonlyMap<number, number>,
    avstar: number,
    voters: number,
    lot?: number,
): VoteResult {
    if (yrkanden.length < 2) return { ok: false, reason: 'too-few' };
    const counts = new Map(yrkanden.map((y) => [y.id, given.get(y.id) ?? 0]));
    const total = [...counts.values()].reduce((s, n) => s + n, 0) + avstar;
    if (total > voters) return { ok: false, reason: 'too-many-votes' };
    return decide(yrkanden, counts, avstar, true, undefined, lot);
}

/** `Yrkande 1 (Anders Berg): bifall till förslaget` — the label a yrkande carries in propositionsordning and votes. */
export function yrkandeLabel(y: Yrkande, index: number, name: string): string {
    const what =
        y.outcome === 'bifall'
            ? 'bifall till förslaget'
            : y.outcome === 'avslag'
              ? 'avslag på förslaget'
              : y.outcome === 'återremiss'
                ? 'återremiss'
                : y.outcome === 'bordläggs'
                  ? 'bordläggning'
                  : (y.text ?? 'ändring');
    return `Yrkande ${index + 1} (${name}): ${what}`;
}
