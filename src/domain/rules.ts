// Rule checks per year against the förbund's own thresholds, and the law's 50/25/25 funding split.
import { minus, sum, times } from './amount';
import { adminShare, budgetYear, yearTotals } from './budget';
import { ekForecast } from './equity';
import type { Amount, Forbund, PartKind } from './schema';

/** Lag (2003:1210): the state pays half, the region a quarter, the kommuner together a quarter. */
export const LAW_SHARES: Record<PartKind, number> = { stat: 0.5, region: 0.25, kommun: 0.25 };

export type LawSplitPart = { kind: PartKind; amount: Amount; share: number; expected: Amount; deviation: Amount };
/** `stated: false` when the plan does not state every part's contribution: no split is invented. */
export type LawSplit = { year: number; stated: boolean; total?: Amount; parts?: LawSplitPart[] };

/** Each kind of part's contribution against the law's split, only where the plan states them all. */
export function lawSplit(f: Forbund, year: number): LawSplit {
    const y = budgetYear(f, year);
    const stated = !!y && f.parter.every((p) => y.income.some((l) => l.partId === p.id));
    if (!y || !stated) return { year, stated: false };
    const total = sum(
        y.income.map((l) => l.amount),
        y.unit,
    );
    const kindOf = (partId: string) => f.parter.find((p) => p.id === partId)?.kind;
    const parts = (Object.keys(LAW_SHARES) as PartKind[]).map((kind) => {
        const amount = sum(
            y.income.filter((l) => kindOf(l.partId) === kind).map((l) => l.amount),
            y.unit,
        );
        const expected = times(total, LAW_SHARES[kind]);
        return {
            kind,
            amount,
            share: total.kr ? amount.kr / total.kr : 0,
            expected,
            deviation: minus(amount, expected),
        };
    });
    return { year, stated: true, total, parts };
}

export type RuleName =
    'ek-tak' | 'ek-buffert' | 'ek-negativt' | 'admin-tak' | 'kostnader-över-intäkter' | 'lagens-fördelning';
/** `actual`/`limit` are amounts, or ratios (numbers) for share rules; `passed: false` is a breach. */
export type RuleCheck = {
    rule: RuleName;
    year: number;
    passed: boolean;
    actual: Amount | number;
    limit: Amount | number;
    /** For EK rules: whether the balance is printed or computed. */
    basis?: 'printed' | 'beräknat' | 'utfall';
    /** For the law split: the state's deviation from half. */
    deviation?: Amount;
};

/** Every rule that applies to the förbund, per plan year; a rule it does not state is not checked. */
export function ruleChecks(f: Forbund): RuleCheck[] {
    const { ekMaxShareOfAllotted: ceiling, ekBuffer, adminMaxShareOfCosts } = f.thresholds;
    const out: RuleCheck[] = [];
    for (const ek of ekForecast(f)) {
        const { year, closing, closingBasis: basis } = ek;
        if (ceiling !== undefined) {
            const passed = ek.shareOfAllotted <= ceiling;
            out.push({ rule: 'ek-tak', year, passed, actual: ek.shareOfAllotted, limit: ceiling, basis });
        }
        if (ekBuffer) {
            const passed = closing.kr >= ekBuffer.amount.kr;
            out.push({ rule: 'ek-buffert', year, passed, actual: closing, limit: ekBuffer.amount, basis });
        }
        out.push({
            rule: 'ek-negativt',
            year,
            passed: closing.kr >= 0,
            actual: closing,
            limit: { kr: 0, unit: closing.unit },
            basis,
        });
        const admin = adminShare(f, year);
        if (admin && adminMaxShareOfCosts !== undefined) {
            out.push({
                rule: 'admin-tak',
                year,
                passed: !admin.breach,
                actual: admin.share,
                limit: adminMaxShareOfCosts,
            });
        }
        const totals = yearTotals(f, year);
        if (totals) {
            const passed = totals.costs.kr <= totals.income.kr;
            out.push({ rule: 'kostnader-över-intäkter', year, passed, actual: totals.costs, limit: totals.income });
        }
        const split = lawSplit(f, year);
        const state = split.parts?.find((p) => p.kind === 'stat');
        if (split.parts && state) {
            const passed = split.parts.every((p) => p.deviation.kr === 0);
            out.push({
                rule: 'lagens-fördelning',
                year,
                passed,
                actual: state.amount,
                limit: state.expected,
                deviation: state.deviation,
            });
        }
    }
    return out;
}
