// Närvaro per §: who is present at each agenda item when members arrive late, leave early or leave and come back.
import { quorumWithJav } from './decisions';
import { quorum, type Answer, type Invitation, type Quorum } from './meetings';

/** One recorded change: `kommer` — present from item `at`; `går` — away after item `at` (agenda numbers, 1-based). */
export type PresenceChange = { personId: number; change: 'kommer' | 'går'; at: number };
/** What a ledamot does on coming back after leaving while an ersättare served: take the seat again, or not. */
export type ReturnRule = 'ledamot' | 'ersättare';

/** A change's place between the items: an arrival just before its item, a leave just after; a leave comes first. */
const place = (c: PresenceChange) => (c.change === 'kommer' ? c.at - 0.5 : c.at + 0.5);

/**
 * Whether a person with recorded changes is present at item `n`: from the start unless their first change (in agenda
 * order) is an arrival, then each change in turn; repeated arrivals (or leaves) in a row change nothing.
 */
export function presentAtItem(changes: readonly PresenceChange[], n: number): boolean {
    const sorted = [...changes].sort((a, b) => place(a) - place(b) || (a.change === 'går' ? -1 : 1));
    let present = sorted[0]?.change !== 'kommer';
    for (const c of sorted) if (place(c) < n) present = c.change === 'kommer';
    return present;
}

/** The runs of items (`[from, to]`, 1-based) at which a person with these changes is present, of `items` items. */
export function periodsOf(changes: readonly PresenceChange[], items: number): [number, number][] {
    const runs: [number, number][] = [];
    for (let n = 1; n <= items; n++) {
        if (!presentAtItem(changes, n)) continue;
        const last = runs.at(-1);
        if (last && last[1] === n - 1) last[1] = n;
        else runs.push([n, n]);
    }
    return runs;
}

const byPerson = (presence: readonly PresenceChange[]) => {
    const out = new Map<number, PresenceChange[]>();
    for (const c of presence) out.set(c.personId, [...(out.get(c.personId) ?? []), c]);
    return out;
};

/**
 * The answers that hold at item `n`: a member with recorded changes counts as coming where present and as away
 * elsewhere, so their part's ersättare serves there and steps back when the ledamot takes the seat again.
 */
export function answersAt(
    answers: ReadonlyMap<number, Answer>,
    presence: readonly PresenceChange[],
    n: number,
): Map<number, Answer> {
    const out = new Map(answers);
    for (const [id, changes] of byPerson(presence)) out.set(id, presentAtItem(changes, n) ? 'kommer' : 'förhinder');
    return out;
}

/**
 * Ledamöter present at `n` who left earlier and came back while an ersättare of their part served in their place:
 * under the rule `ersättare` that ersättare keeps the seat for the rest of the meeting. A late arrival is no return.
 */
function heldBack(
    inv: Invitation,
    answers: ReadonlyMap<number, Answer>,
    presence: readonly PresenceChange[],
    n: number,
) {
    const out: { ledamot: number; ersattare: number[] }[] = [];
    for (const [id, changes] of byPerson(presence)) {
        const group = inv.groups.find((g) => g.ledamoter.includes(id));
        if (!group || !presentAtItem(changes, n)) continue;
        let away: number | undefined;
        for (let k = n - 1; k >= 1 && away === undefined; k--) if (!presentAtItem(changes, k)) away = k;
        if (away === undefined) continue;
        let before = false;
        for (let j = 1; j < away && !before; j++) before = presentAtItem(changes, j);
        if (!before) continue;
        const served = quorum(inv, answersAt(answers, presence, away)).serving.filter((e) =>
            group.ersattare.includes(e),
        );
        if (served.length) out.push({ ledamot: id, ersattare: served });
    }
    return out;
}

/**
 * Quorum at item `n`, without the members who have jäv in it (their jäv ends with the ärende). A ledamot who comes
 * back after leaving takes the seat again (`ledamot`, the default) or, under `ersättare`, stays present without
 * serving while the ersättare who took the seat still serves.
 */
export function quorumAt(
    inv: Invitation,
    answers: ReadonlyMap<number, Answer>,
    presence: readonly PresenceChange[],
    n: number,
    jav: readonly number[] = [],
    rule: ReturnRule = 'ledamot',
): Quorum {
    const at = answersAt(answers, presence, n);
    const count = (a: ReadonlyMap<number, Answer>) => (jav.length ? quorumWithJav(inv, a, jav) : quorum(inv, a));
    if (rule === 'ledamot') return count(at);
    const held = heldBack(inv, answers, presence, n);
    if (!held.length) return count(at);
    const without = new Map(at);
    for (const h of held) without.set(h.ledamot, 'förhinder');
    const q = count(without);
    const keep = held.filter((h) => h.ersattare.some((e) => q.serving.includes(e))).map((h) => h.ledamot);
    if (!keep.length) return count(at);
    if (keep.length < held.length)
        for (const h of held) if (!keep.includes(h.ledamot)) without.set(h.ledamot, 'kommer');
    const final = count(without);
    return {
        ...final,
        absent: final.absent.filter((id) => !keep.includes(id)),
        attendingOnly: [...final.attendingOnly, ...keep.filter((id) => !jav.includes(id))],
    };
}

/** Ledamöter present at item `n` who do not serve there because their ersättare keeps the seat (rule `ersättare`). */
export function returnedNotServing(q: Quorum, inv: Invitation): number[] {
    return q.attendingOnly.filter((id) => inv.groups.some((g) => g.ledamoter.includes(id)));
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
    presence: readonly PresenceChange[],
    items: number,
): boolean {
    if (items === 0) return !quorum(inv, answers).beslutsmassig;
    for (let n = 1; n <= items; n++) if (quorumAt(inv, answers, presence, n).beslutsmassig) return false;
    return true;
}
