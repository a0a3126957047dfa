// How far one linear expression can move over the non-negative solutions of a linear system (a dense simplex).

/** `coef · x = rhs` (or `≥ rhs`), with `coef` as [variable index, coefficient] pairs. */
export type LinearRow = { coef: [number, number][]; rhs: number };
/** Variables `0 … vars − 1`, all ≥ 0, under equalities `eq` and inequalities `ge`. */
export type LinearSystem = { vars: number; eq: LinearRow[]; ge: LinearRow[] };
/**
 * The largest value of an objective: `Infinity` when unbounded, else the value and, when the optimum is an integer
 * point, that point (so the caller has a completion it can check, not only a bound).
 */
export type Extreme = { value: number; point?: number[] };

const EPS = 1e-9;

/** A solver for one system: the feasible basis is found once, each objective starts from it. */
export function linearBounds(system: LinearSystem): { max(objective: LinearRow['coef']): Extreme } {
    const slacks = system.ge.length;
    const cols = system.vars + slacks;
    const rows = [
        ...system.eq.map((r) => ({ dense: dense(r.coef, cols), rhs: r.rhs })),
        ...system.ge.map((r, k) => {
            const d = dense(r.coef, cols);
            d[system.vars + k] = -1;
            return { dense: d, rhs: r.rhs };
        }),
    ].map((r) => (r.rhs < 0 ? { dense: r.dense.map((v) => -v), rhs: -r.rhs } : r));
    const base = phaseOne(rows, cols);
    if (!base) throw new Error('linearBounds: the system has no non-negative solution');

    return {
        max(objective) {
            const t = base.tableau.map((r) => r.slice());
            const basis = base.basis.slice();
            const c = dense(objective, cols);
            // Reduced costs for maximising c·x: z_j = c_B·column_j − c_j; the value sits in the last column.
            const z = new Array<number>(cols + 1).fill(0);
            for (let j = 0; j < cols; j++) z[j] = -c[j];
            t.forEach((row, i) => {
                const cb = c[basis[i]];
                if (cb !== 0) for (let j = 0; j <= cols; j++) z[j] += cb * row[j];
            });
            if (!optimise(t, basis, z, cols)) return { value: Infinity };
            const x = new Array<number>(system.vars).fill(0);
            basis.forEach((b, i) => {
                if (b < system.vars) x[b] = t[i][cols];
            });
            const point = x.map((v) => Math.round(v));
            return { value: z[cols], point: satisfies(system, point) ? point : undefined };
        },
    };
}

function dense(coef: LinearRow['coef'], cols: number): number[] {
    const d = new Array<number>(cols).fill(0);
    for (const [j, v] of coef) d[j] += v;
    return d;
}

/** Whether an integer point solves the system exactly. */
export function satisfies(system: LinearSystem, x: number[]): boolean {
    const at = (r: LinearRow) => r.coef.reduce((s, [j, v]) => s + v * x[j], 0);
    return x.every((v) => v >= 0) && system.eq.every((r) => at(r) === r.rhs) && system.ge.every((r) => at(r) >= r.rhs);
}

/** Phase one: a feasible basis with no artificial variable left in it, and redundant rows dropped. */
function phaseOne(rows: { dense: number[]; rhs: number }[], cols: number) {
    const m = rows.length;
    const width = cols + m;
    const t = rows.map((r, i) => {
        const row = new Array<number>(width + 1).fill(0);
        r.dense.forEach((v, j) => (row[j] = v));
        row[cols + i] = 1;
        row[width] = r.rhs;
        return row;
    });
    const basis = rows.map((_, i) => cols + i);
    // Maximise −Σ artificials.
    const z = new Array<number>(width + 1).fill(0);
    for (let j = cols; j < width; j++) z[j] = 1;
    for (const row of t) for (let j = 0; j <= width; j++) z[j] -= row[j];
    optimise(t, basis, z, width);
    if (z[width] < -EPS) return undefined;
    for (let i = t.length - 1; i >= 0; i--) {
        if (basis[i] < cols) continue;
        const j = t[i].findIndex((v, k) => k < cols && Math.abs(v) > EPS);
        if (j >= 0) pivot(t, basis, undefined, i, j);
        else {
            t.splice(i, 1);
            basis.splice(i, 1);
        }
    }
    const tableau = t.map((row) => [...row.slice(0, cols), row[width]]);
    return { tableau, basis };
}

/** Primal simplex to optimality (Bland's rule, so it cannot cycle); false when the objective is unbounded. */
function optimise(t: number[][], basis: number[], z: number[], cols: number): boolean {
    for (;;) {
        let enter = -1;
        for (let j = 0; j < cols; j++) {
            if (z[j] < -EPS) {
                enter = j;
                break;
            }
        }
        if (enter < 0) return true;
        let leave = -1;
        let best = Infinity;
        for (let i = 0; i < t.length; i++) {
            const a = t[i][enter];
            if (a <= EPS) continue;
            const ratio = t[i][cols] / a;
            if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leave])) {
                best = ratio;
                leave = i;
            }
        }
        if (leave < 0) return false;
        pivot(t, basis, z, leave, enter);
    }
}

function pivot(t: number[][], basis: number[], z: number[] | undefined, r: number, c: number) {
    const row = t[r];
    const p = row[c];
    for (let j = 0; j < row.length; j++) row[j] /= p;
    const eliminate = (other: number[]) => {
        const f = other[c];
        if (Math.abs(f) <= EPS) return;
        for (let j = 0; j < other.length; j++) other[j] -= f * row[j];
    };
    t.forEach((other, i) => i !== r && eliminate(other));
    if (z) eliminate(z);
    basis[r] = c;
}
