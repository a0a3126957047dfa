// Närvaro per §: who is present at each agenda item when members arrive late or leave early, and who takes part.
import { quorumWithJav } from './decisions';
import { quorum, type Answer, type Invitation, type Quorum } from './meetings';

/** A member present only from item `arrivesAt` and/or up to item `leavesAfter` (agenda numbers, 1-based). */
export type Presence = { personId: number; arrivesAt?: number; leavesAfter?: number };

/**
 * The answers that hold at item `n`: a member with a presence row counts as coming only within their interval, and
 * as away outside it, so their part's ersättare serves there and steps back when the ledamot takes the seat again.
 */
export function answersAt(
    answers: ReadonlyMap<number, Answer>,
    presence: readonly Presence[],
    n: number,
): Map<number, Answer> {
    const out = new Map(answers);
    for (const p of presence) {
        const within = (p.arrivesAt ?? 1) <= n && n <= (p.leavesAfter ?? Number.MAX_SAFE_INTEGER);
        out.set(p.personId, within ? 'kommer' : 'förhinder');
    }
    return out;
}

/** Quorum at item `n`, without the members who have jäv in it (their jäv ends with the ärende). */
export function quorumAt(
    inv: Invitation,
    answers: ReadonlyMap<number, Answer>,
    presence: readonly Presence[],
    n: number,
    jav: readonly number[] = [],
): Quorum {
    const at = answersAt(answers, presence, n);
    return jav.length ? quorumWithJav(inv, at, jav) : quorum(inv, at);
}

/** Who takes part in the decision at item `n`: present ledamöter and serving ersättare, without jäv. */
export function participants(q: Quorum): number[] {
    return [...q.presentLedamoter, ...q.serving];
}

/** Everyone present at item `n` (serving or not), the ones who may have jäv, reserve or make yrkanden. */
export function presentAt(q: Quorum): number[] {
    return [...q.presentLedamoter, ...q.serving, ...q.attendingOnly];
}

/** A meeting with no item at which it is beslutsmässig cannot take any decision, not even bordläggning. */
export function neverQuorate(
    inv: Invitation,
    answers: ReadonlyMap<number, Answer>,
    presence: readonly Presence[],
    items: number,
): boolean {
    if (items === 0) return !quorum(inv, answers).beslutsmassig;
    for (let n = 1; n <= items; n++) if (quorumAt(inv, answers, presence, n).beslutsmassig) return false;
    return true;
}
