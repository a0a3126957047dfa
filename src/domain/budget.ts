// A budget year's totals, cost categories and administration share, computed from the data file.
import { minus, sum } from './amount';
import { CATEGORIES, type Amount, type BudgetYear, type Category, type Forbund } from './schema';

export type YearTotals = { year: number; income: Amount; costs: Amount; result: Amount };
export type AdminShare = {
    year: number;
    admin: Amount;
    costs: Amount;
    share: number;
    /** Only where the förbund states its own ceiling. */
    limit?: number;
    breach?: boolean;
};

/** The plan's years, ascending. */
export function planYears(f: Forbund): number[] {
    return f.years.map((y) => y.year);
}

/** The budget for one year, if the plan has it. */
export function budgetYear(f: Forbund, year: number): BudgetYear | undefined {
    return f.years.find((y) => y.year === year);
}

/** Income (the allotted funds), costs and result for a plan year. */
export function yearTotals(f: Forbund, year: number): YearTotals | undefined {
    const y = budgetYear(f, year);
    if (!y) return undefined;
    const costs = sum(
        y.posts.map((p) => p.amount),
        y.unit,
    );
    return { year, income: y.allotted, costs, result: minus(y.allotted, costs) };
}

/** Costs per category for a plan year (every category present, 0 where none). */
export function categoryTotals(f: Forbund, year: number): Record<Category, Amount> | undefined {
    const y = budgetYear(f, year);
    if (!y) return undefined;
    const totals = {} as Record<Category, Amount>;
    for (const c of CATEGORIES) {
        totals[c] = sum(
            y.posts.filter((p) => p.category === c).map((p) => p.amount),
            y.unit,
        );
    }
    return totals;
}

/** Administration's share of the year's costs, judged only against the förbund's own ceiling. */
export function adminShare(f: Forbund, year: number): AdminShare | undefined {
    const totals = yearTotals(f, year);
    const byCategory = categoryTotals(f, year);
    if (!totals || !byCategory) return undefined;
    const admin = byCategory.administration;
    const share = totals.costs.kr === 0 ? 0 : admin.kr / totals.costs.kr;
    const limit = f.thresholds.adminMaxShareOfCosts;
    const verdict = limit === undefined ? {} : { limit, breach: share > limit };
    return { year, admin, costs: totals.costs, share, ...verdict };
}
