// Närvaro for the protokoll with närvaro per §: who was present or served, and at which §§ when not throughout.
import { participants, presentAt } from '../../domain/meeting-presence';
import type { Protokoll } from '../../domain/protokoll';
import { type DecisionState, quorumAtItem } from './state';

/** `§§ 1–3, 6` for a sorted list of § numbers. */
export function paragraphRange(ns: readonly number[]): string {
    const runs: [number, number][] = [];
    for (const n of ns) {
        const last = runs.at(-1);
        if (last && n === last[1] + 1) last[1] = n;
        else runs.push([n, n]);
    }
    const text = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
    return ns.length === 1 ? `§ ${text}` : `§§ ${text}`;
}

/**
 * The närvaro lists, computed per §: a member who arrived late or left early is shown with the §§ they were
 * present at; an ersättare with the §§ they served. Without §§ (a meeting without quorum) the answers decide.
 */
export function presenceLists(
    st: DecisionState,
    numbers: Map<number, number>,
    member: (id: number) => string,
): Protokoll['present'] {
    const label = (id: number, extra = '') => `${member(id)}${extra}`;
    const items = st.items.filter((it) => numbers.has(it.id));
    if (!items.length) {
        const q = st.quorum;
        return {
            ledamoter: q.presentLedamoter.map((id) => label(id)),
            serving: q.serving.map((id) => label(id)),
            attendingOnly: q.attendingOnly.map((id) => label(id)),
            absent: q.absent.map((id) => label(id)),
            others: [],
        };
    }
    const per = items.map((it) => ({ n: numbers.get(it.id) ?? 0, q: quorumAtItem(st, it.number) }));
    const at = (id: number, pick: (x: (typeof per)[number]) => number[]) =>
        per.filter((x) => pick(x).includes(id)).map((x) => x.n);
    const suffix = (ns: number[], what: string) => (ns.length === per.length ? '' : ` – ${what} ${paragraphRange(ns)}`);
    const ledamot = (id: number) => st.inv.groups.some((g) => g.ledamoter.includes(id));
    const ledamoter: string[] = [];
    const serving: string[] = [];
    const attendingOnly: string[] = [];
    const absent: string[] = [];
    for (const id of st.inv.members) {
        const present = at(id, (x) => presentAt(x.q));
        const served = at(id, (x) => participants(x.q));
        if (!present.length) {
            if (st.answers.get(id) === 'förhinder' || st.presence.some((p) => p.personId === id))
                absent.push(label(id));
        } else if (ledamot(id)) ledamoter.push(label(id, suffix(present, 'närvarande')));
        else if (served.length) serving.push(label(id, suffix(served, 'tjänstgörande')));
        else attendingOnly.push(label(id));
    }
    return { ledamoter, serving, attendingOnly, absent, others: [] };
}
