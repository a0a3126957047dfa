// Test helper: an exact reader of published figures. It searches non-negative integer completions of linear
// equalities and inequalities by branching with bound propagation; it shares no code with the suppression.

export type Expr = Map<string, number>;
export type Constraint = { expr: Expr; op: '=' | '>='; rhs: number };

type Box = Map<string, [number, number]>;

/** Narrows every variable's bounds until nothing changes; undefined when some constraint cannot hold. */
function propagate(cs: Constraint[], box: Box): Box | undefined {
    const b = new Map(box);
    for (let changed = true; changed;) {
        changed = false;
        for (const c of cs) {
            let lo = 0;
            let hi = 0;
            for (const [v, k] of c.expr) {
                const [l, h] = b.get(v)!;
                lo += k > 0 ? k * l : k * h;
                hi += k > 0 ? k * h : k * l;
            }
            if (hi < c.rhs || (c.op === '=' && lo > c.rhs)) return undefined;
            for (const [v, k] of c.expr) {
                const [l, h] = b.get(v)!;
                const restLo = lo - (k > 0 ? k * l : k * h);
                const restHi = hi - (k > 0 ? k * h : k * l);
                // k·x ≥ rhs − restHi always; k·x ≤ rhs − restLo for equalities.
                let nl = l;
                let nh = h;
                if (k > 0) {
                    nl = Math.max(nl, Math.ceil((c.rhs - restHi) / k));
                    if (c.op === '=') nh = Math.min(nh, Math.floor((c.rhs - restLo) / k));
                } else {
                    nh = Math.min(nh, Math.floor((c.rhs - restHi) / k));
                    if (c.op === '=') nl = Math.max(nl, Math.ceil((c.rhs - restLo) / k));
                }
                if (nl > nh) return undefined;
                if (nl !== l || nh !== h) {
                    b.set(v, [nl, nh]);
                    changed = true;
                }
            }
        }
    }
    return b;
}

/**
 * Variables that every constraint counts alike (say arbete and studier, which every share adds up together) matter
 * only through their sum: one variable stands for them, capped at the sum of their caps. This is exact.
 */
function mergeTwins(cs: Constraint[], truth: Map<string, number>, cap: number) {
    const signature = new Map<string, string>();
    cs.forEach((c, n) => c.expr.forEach((k, v) => signature.set(v, `${signature.get(v) ?? ''}${n}:${k},`)));
    const groupOf = new Map<string, string>();
    for (const [v, sig] of signature) if (!groupOf.has(sig)) groupOf.set(sig, v);
    const rep = (v: string) => groupOf.get(signature.get(v)!)!;
    const caps = new Map<string, number>();
    const t = new Map<string, number>();
    for (const v of signature.keys()) {
        caps.set(rep(v), (caps.get(rep(v)) ?? 0) + cap);
        t.set(rep(v), (t.get(rep(v)) ?? 0) + (truth.get(v) ?? 0));
    }
    const merged = cs.map((c) => ({ ...c, expr: new Map([...c.expr].filter(([v]) => rep(v) === v)) }));
    return { cs: merged, caps, truth: t };
}

/** Whether some integer point in `box` meets every constraint (complete search, trying the true values' side first). */
function feasible(cs: Constraint[], box: Box, truth: Map<string, number>, budget: { left: number }): boolean {
    if (--budget.left <= 0) return false;
    const b = propagate(cs, box);
    if (!b) return false;
    let pick: string | undefined;
    for (const [v, [l, h]] of b) if (l < h && (!pick || h - l < b.get(pick)![1] - b.get(pick)![0])) pick = v;
    if (!pick) return true;
    const [l, h] = b.get(pick)!;
    const t = Math.min(Math.max(truth.get(pick) ?? l, l), h);
    const halves: [number, number][] =
        t < h
            ? [
                  [l, t],
                  [t + 1, h],
              ]
            : [
                  [t, h],
                  [l, t - 1],
              ];
    return halves.some((half) => feasible(cs, new Map(b).set(pick, half), truth, budget));
}

/**
 * A reader's view of the figures: whether some completion puts `expr` at or above (`>=`) or at or below (`<=`) a
 * value, with every variable capped at `cap` (a cap only hides completions, so a found one is real).
 */
export function reader(cs: Constraint[], truth: Map<string, number>, cap: number) {
    return (expr: Expr, op: '>=' | '<=', t: number): boolean => {
        // A search that runs out of steps counts as finding nothing: the check can only get stricter by it.
        const budget = { left: 100_000 };
        // Only constraints linked to the expression's variables matter; the rest is independent of it.
        const linked = new Set(expr.keys());
        let relevant: Constraint[] = [];
        for (let grew = true; grew;) {
            grew = false;
            relevant = cs.filter((c) => [...c.expr.keys()].some((v) => linked.has(v)));
            for (const c of relevant)
                for (const v of c.expr.keys()) {
                    if (linked.has(v)) continue;
                    linked.add(v);
                    grew = true;
                }
        }
        const e = op === '>=' ? expr : new Map([...expr].map(([v, k]) => [v, -k]));
        const merged = mergeTwins([...relevant, { expr: e, op: '>=', rhs: op === '>=' ? t : -t }], truth, cap);
        const box: Box = new Map([...merged.caps].map(([v, c]) => [v, [0, c]]));
        return feasible(merged.cs, box, merged.truth, budget);
    };
}
