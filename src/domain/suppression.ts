// Small-count suppression for a table published again and again: primary and complementary, audited by LP.
import { linearBounds, type LinearRow } from './linear-bounds';
import { mustGet } from './must';
import { SMALL_COUNT } from './report-mask';

type Terms = [atom: number, coef: number][];
/**
 * A published count: a sum of atoms (the finest counts, never published themselves) with integer coefficients.
 * A cell with `parents` is never chosen on its own: it is shown exactly when they all are (it follows from them).
 * `never` keeps a cell hidden whatever (it is not the sum of atoms it would be if the reports were consistent).
 */
export type SuppressionCell = { key: string; terms: Terms; value: number; parents?: string[]; never?: boolean };
/** One publication of the table; `known` are inequalities every reader knows, each as `terms ≥ 0`. */
export type Release = { cells: SuppressionCell[]; known: Terms[] };
/** The atoms' true values and the releases in the order they are published. */
export type SuppressionTable = { atoms: number[]; releases: Release[] };

type Item = { terms: Terms; value: number };
/** What the readers of the releases so far know: published equalities and the known inequalities. */
type Knowledge = { eq: LinearRow[]; ge: LinearRow[] };

const valueOf = (terms: Terms, x: number[]) => terms.reduce((s, [j, v]) => s + v * x[j], 0);
const negate = (terms: Terms): Terms => terms.map(([j, v]) => [j, -v]);
const rowsOf = (cells: SuppressionCell[]): LinearRow[] => cells.map((c) => ({ coef: c.terms, rhs: c.value }));

/**
 * The keys hidden in each release. Counts under SMALL_COUNT are hidden, then the smallest further cells until no
 * reader of all releases so far, using every published figure and every relation between them, can narrow an atom
 * or a hidden count under SMALL_COUNT to fewer than SMALL_COUNT + 1 values. Earlier releases are never changed, so
 * a release computed again later is the one that was published then.
 */
export function suppressReleases(table: SuppressionTable): Set<string>[] {
    const parts = componentsOf(table).map(suppressConnected);
    // A cell of no atoms is a zero, hidden like any small count.
    const empty = (r: Release) => r.cells.filter((c) => !c.terms.length).map((c) => c.key);
    return table.releases.map((release, r) => new Set([...parts.flatMap((p) => [...p[r]]), ...empty(release)]));
}

/** The table split into parts that share no atom (each is audited on its own, which is exact and faster). */
function componentsOf(table: SuppressionTable): SuppressionTable[] {
    const root = table.atoms.map((_, j) => j);
    const find = (j: number): number => (root[j] === j ? j : (root[j] = find(root[j])));
    const join = (terms: Terms) => terms.forEach(([j]) => (root[find(j)] = find(terms[0][0])));
    for (const r of table.releases) {
        r.cells.filter((c) => c.terms.length).forEach((c) => join(c.terms));
        r.known.filter((t) => t.length).forEach(join);
    }
    const groups = [...new Set(table.atoms.map((_, j) => find(j)))];
    return groups.map((g) => {
        const members = table.atoms.map((_, j) => j).filter((j) => find(j) === g);
        const index = new Map(members.map((j, k) => [j, k]));
        const local = (terms: Terms): Terms => terms.map(([j, v]) => [mustGet(index, j, 'local index of an atom'), v]);
        const inside = (terms: Terms) => terms.length > 0 && index.has(terms[0][0]);
        return {
            atoms: members.map((j) => table.atoms[j]),
            releases: table.releases.map((r) => ({
                cells: r.cells.filter((c) => inside(c.terms)).map((c) => ({ ...c, terms: local(c.terms) })),
                known: r.known.filter(inside).map(local),
            })),
        };
    });
}

function suppressConnected(table: SuppressionTable): Set<string>[] {
    const past: Knowledge = { eq: [], ge: [] };
    const pastHidden: Item[] = [];
    return table.releases.map((release) => {
        past.ge.push(...release.known.map((coef) => ({ coef, rhs: 0 })));
        const hidden = new Set<string>();
        const chosen = release.cells.filter((c) => !c.parents);
        const close = () => {
            for (const c of release.cells) {
                const follows = c.parents?.every((p) => !hidden.has(p)) ?? true;
                if (c.never || !follows || c.value < SMALL_COUNT) hidden.add(c.key);
                else if (c.parents) hidden.delete(c.key);
            }
        };
        const knowledge = (): Knowledge => ({
            eq: [...past.eq, ...rowsOf(chosen.filter((c) => !hidden.has(c.key)))],
            ge: past.ge,
        });
        const items = () => [...pastHidden, ...release.cells.filter((c) => hidden.has(c.key))];
        close();
        for (;;) {
            const failing = firstUnprotected(table.atoms, knowledge(), items());
            const shown = chosen.filter((c) => !hidden.has(c.key));
            if (!failing || !shown.length) break;
            // The smallest cell whose hiding protects it, else the one that widens it most.
            const trials = shown.map((c) => {
                hidden.add(c.key);
                close();
                const width = widthOf(table.atoms, knowledge(), failing);
                hidden.delete(c.key);
                close();
                return { c, width };
            });
            const enough = trials.filter((t) => t.width >= SMALL_COUNT).sort((a, b) => a.c.value - b.c.value);
            const pick = enough[0] ?? trials.sort((a, b) => b.width - a.width || a.c.value - b.c.value)[0];
            hidden.add(pick.c.key);
            close();
        }
        revealDetermined(table.atoms, knowledge(), chosen, hidden);
        close();
        past.eq.push(...rowsOf(chosen.filter((c) => !hidden.has(c.key))));
        pastHidden.push(...release.cells.filter((c) => hidden.has(c.key)));
        return hidden;
    });
}

/** Shows the hidden cells the published figures already pin down (showing them tells nothing new). */
function revealDetermined(atoms: number[], k: Knowledge, chosen: SuppressionCell[], hidden: Set<string>) {
    const lp = linearBounds({ vars: atoms.length, eq: k.eq, ge: k.ge });
    for (const c of chosen) {
        if (!hidden.has(c.key) || c.value < SMALL_COUNT || c.never) continue;
        // LP bounds contain every integer completion, so a zero span here means the value is known.
        if (lp.max(c.terms).value + lp.max(negate(c.terms)).value < 0.5) hidden.delete(c.key);
    }
}

/** The first atom or hidden count under SMALL_COUNT that the reader can place too narrowly, if any. */
function firstUnprotected(atoms: number[], k: Knowledge, hidden: Item[]): Item | undefined {
    const lp = linearBounds({ vars: atoms.length, eq: k.eq, ge: k.ge });
    const items = [...atoms.map((value, j): Item => ({ terms: [[j, 1]], value })), ...hidden];
    return items.find((i) => i.value < SMALL_COUNT && certifiedWidth(lp, atoms, i) < SMALL_COUNT);
}

function widthOf(atoms: number[], k: Knowledge, item: Item): number {
    return certifiedWidth(linearBounds({ vars: atoms.length, eq: k.eq, ge: k.ge }), atoms, item);
}

/**
 * How many values apart two integer completions can put the item; only completions checked exactly count (an LP
 * optimum off the integer grid proves nothing), so this never overstates what the reader cannot know.
 */
function certifiedWidth(lp: ReturnType<typeof linearBounds>, atoms: number[], item: Item): number {
    const extreme = (terms: Terms) => {
        const e = lp.max(terms);
        if (e.value === Infinity) return Infinity;
        return e.point ? valueOf(terms, e.point) : valueOf(terms, atoms);
    };
    const hi = extreme(item.terms);
    if (hi - item.value >= SMALL_COUNT) return hi - item.value;
    return hi + extreme(negate(item.terms));
}
