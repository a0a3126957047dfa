// Re-derives every figure the plan prints and compares: findings are only the real mismatches.
import { isAmount, minus, roundTo, sum, times } from './amount';
import { budgetYear, yearTotals } from './budget';
import { ekForecast, type EkYear } from './equity';
import { printedAmount } from './printed';
import type { Amount, ClaimValue, Forbund, PrintedClaim, Ratio } from './schema';

export type InputKind = 'income-lines' | 'posts' | 'allotted' | 'ek-opening' | 'ek-closing' | 'result' | 'state-share';
/** `law-half`: the year's allotted funds taken as twice the state's printed allocation (the state pays half). */
export type InputBasis = 'printed' | 'beräknat' | 'utfall' | 'data' | 'law-half';
/** One number a derivation uses; `sign` says whether it is added or subtracted (ratios: numerator, denominator). */
export type DerivationInput = {
    what: InputKind;
    year: number;
    value: Amount;
    basis: InputBasis;
    cirka: boolean;
    sign: 1 | -1;
};

export type CheckStatus = 'stämmer' | 'avviker' | 'ej kontrollerbar';
export type ClaimCheck = {
    claim: PrintedClaim;
    status: CheckStatus;
    formula?: 'sum' | 'ratio';
    inputs: DerivationInput[];
    /** The re-derived value at the printed precision (tkr, or the printed number of percent decimals). */
    derived?: ClaimValue;
    /** printed − derived. */
    difference?: ClaimValue;
    /** Why a claim cannot be re-derived: the plan's starting point, or the inputs are not in the plan. */
    reason?: 'utgångsvärde' | 'underlag saknas';
    /** The claim or one of its inputs says "cirka", so the gap may be rounding. */
    possiblyRounding: boolean;
};
export type Finding = ClaimCheck & { status: 'avviker'; derived: ClaimValue; difference: ClaimValue };

type Derivation = { formula: 'sum' | 'ratio'; inputs: DerivationInput[] } | { reason: ClaimCheck['reason'] };

const data = (what: InputKind, year: number, value: Amount, sign: 1 | -1 = 1): DerivationInput => ({
    what,
    year,
    value,
    basis: 'data',
    cirka: false,
    sign,
});

function openingInput(e: EkYear): DerivationInput {
    return {
        what: 'ek-opening',
        year: e.year,
        value: e.opening,
        basis: e.openingBasis,
        cirka: e.openingCirka,
        sign: 1,
    };
}

/** The year's allotted funds: from the plan, or for a year before it, twice the printed state allocation. */
function allottedInput(f: Forbund, year: number, sign: 1 | -1): DerivationInput | undefined {
    const y = budgetYear(f, year);
    if (y) return data('allotted', year, y.allotted, sign);
    const state = printedAmount(f, 'state-allocation', year);
    if (!state) return undefined;
    return { what: 'allotted', year, value: times(state.value, 2), basis: 'law-half', cirka: state.cirka, sign };
}

function derive(f: Forbund, c: PrintedClaim, forecast: EkYear[]): Derivation {
    const y = budgetYear(f, c.year);
    const totals = yearTotals(f, c.year);
    const ek = forecast.find((e) => e.year === c.year);
    const missing: Derivation = { reason: 'underlag saknas' };
    const sumOf = (...inputs: (DerivationInput | undefined)[]): Derivation =>
        inputs.every((i) => i) ? { formula: 'sum', inputs: inputs as DerivationInput[] } : missing;
    switch (c.kind) {
        case 'sum-income':
            return y?.income.length
                ? sumOf(
                      data(
                          'income-lines',
                          c.year,
                          sum(
                              y.income.map((l) => l.amount),
                              y.unit,
                          ),
                      ),
                  )
                : missing;
        case 'sum-costs':
            return totals ? sumOf(data('posts', c.year, totals.costs)) : missing;
        case 'resultat':
            return totals
                ? sumOf(data('allotted', c.year, totals.income), data('posts', c.year, totals.costs, -1))
                : missing;
        case 'beslutsutrymme':
            return totals && ek ? sumOf(data('allotted', c.year, totals.income), openingInput(ek)) : missing;
        case 'allotted':
            return y ? sumOf(data('allotted', c.year, y.allotted)) : missing;
        case 'allotted-change':
            return sumOf(allottedInput(f, c.year, 1), allottedInput(f, c.year - 1, -1));
        case 'state-allocation': {
            const payer = f.parter.find((p) => p.paysStateShare);
            const line = y?.income.find((l) => l.partId === payer?.id);
            return line ? sumOf(data('state-share', c.year, line.amount)) : missing;
        }
        case 'ek-opening': {
            const prev = forecast.find((e) => e.year === c.year - 1);
            if (prev) return sumOf(openingInput(prev), data('result', prev.year, prev.result));
            const primary = printedAmount(f, 'ek-opening', c.year);
            if (!primary || primary.primary === c) return { reason: 'utgångsvärde' };
            return sumOf({ ...data('ek-opening', c.year, primary.value), basis: 'printed' });
        }
        case 'ek-closing':
            return ek ? sumOf(openingInput(ek), data('result', c.year, ek.result)) : missing;
        case 'ek-share':
            if (!ek || !y) return missing;
            return {
                formula: 'ratio',
                inputs: [
                    {
                        what: 'ek-closing',
                        year: c.year,
                        value: ek.closing,
                        basis: ek.closingBasis,
                        cirka: ek.closingCirka,
                        sign: 1,
                    },
                    data('allotted', c.year, y.allotted),
                ],
            };
    }
}

function compare(printed: ClaimValue, formula: 'sum' | 'ratio', inputs: DerivationInput[]) {
    if (formula === 'ratio' || !isAmount(printed)) {
        const [num, den] = inputs;
        const p = printed as Ratio;
        const scale = 100 * 10 ** p.decimals;
        const ratio = num && den && den.value.kr !== 0 ? num.value.kr / den.value.kr : 0;
        const derived: Ratio = { ratio: Math.round(ratio * scale) / scale, decimals: p.decimals };
        const diff = Math.round((p.ratio - derived.ratio) * scale) / scale;
        return { derived, difference: { ratio: diff, decimals: p.decimals }, same: diff === 0 };
    }
    const exact = sum(inputs.map((i) => ({ kr: i.sign * i.value.kr, unit: i.value.unit })));
    const derived = roundTo(exact, printed.unit);
    const difference = minus(printed, derived);
    return { derived, difference: { ...difference, unit: printed.unit }, same: difference.kr === 0 };
}

/** Every printed claim re-derived from the data and compared at the precision it was printed with. */
export function claimChecks(f: Forbund): ClaimCheck[] {
    const forecast = ekForecast(f);
    return f.claims.map((claim) => {
        const d = derive(f, claim, forecast);
        if ('reason' in d)
            return { claim, status: 'ej kontrollerbar', inputs: [], reason: d.reason, possiblyRounding: false };
        const { derived, difference, same } = compare(claim.value, d.formula, d.inputs);
        const possiblyRounding = claim.cirka || d.inputs.some((i) => i.cirka);
        const status = same ? 'stämmer' : 'avviker';
        return { claim, status, formula: d.formula, inputs: d.inputs, derived, difference, possiblyRounding };
    });
}

/** The printed claims that do not match what the plan's own figures give. */
export function findings(f: Forbund): Finding[] {
    return claimChecks(f).filter((c): c is Finding => c.status === 'avviker');
}
