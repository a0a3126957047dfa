// Eget kapital year by year: the plan's printed balance where it prints one, otherwise computed.
import { minus, sum } from './amount';
import { budgetYear, yearTotals } from './budget';
import { printedAmount } from './printed';
import type { Amount, Forbund } from './schema';

/** Where a balance comes from: the plan's print, computed, or the year's bokslut (utfall). */
export type Basis = 'printed' | 'beräknat' | 'utfall';
export type EkVerdict = 'över taket' | 'under bufferten' | 'negativt' | 'inom ramen' | 'ingen regel';

export type EkYear = {
    year: number;
    opening: Amount;
    openingBasis: Basis;
    /** The printed opening (or an input to it) is marked "cirka". */
    openingCirka: boolean;
    result: Amount;
    /** The printed closing where the plan prints one (as a closing or as next year's opening), else computed. */
    closing: Amount;
    closingBasis: Basis;
    closingCirka: boolean;
    computedClosing: Amount;
    printedClosing?: Amount;
    /** printedClosing − computedClosing. */
    difference?: Amount;
    allotted: Amount;
    /** closing ÷ allotted, a ratio. */
    shareOfAllotted: number;
    verdict: EkVerdict;
};

/** Judges a closing balance against the förbund's own EK rules only. */
export function ekVerdict(f: Forbund, closing: Amount, share: number): EkVerdict {
    const { ekMaxShareOfAllotted: ceiling, ekBuffer } = f.thresholds;
    if (closing.kr < 0) return 'negativt';
    if (ceiling !== undefined && share > ceiling) return 'över taket';
    if (ekBuffer && closing.kr < ekBuffer.amount.kr) return 'under bufferten';
    return ceiling === undefined && !ekBuffer ? 'ingen regel' : 'inom ramen';
}

/** The eget kapital forecast for every plan year, in order. */
export function ekForecast(f: Forbund): EkYear[] {
    const out: EkYear[] = [];
    for (const y of f.years) {
        const totals = yearTotals(f, y.year);
        const prev = out.at(-1);
        // A bokslut overrides what the plan printed or a sum of months would give: it is the year's actual figure.
        const before = f.bokslut.find((b) => b.year === y.year - 1);
        const actual = f.bokslut.find((b) => b.year === y.year);
        const printedOpening = before ? undefined : printedAmount(f, 'ek-opening', y.year);
        const opening = before?.closing ?? printedOpening?.value ?? prev?.closing;
        if (!totals || !opening) return out;
        const printedClosing = actual
            ? undefined
            : (printedAmount(f, 'ek-closing', y.year) ??
              (budgetYear(f, y.year + 1) && !f.bokslut.some((b) => b.year === y.year)
                  ? printedAmount(f, 'ek-opening', y.year + 1)
                  : undefined));
        const result = actual?.result ?? totals.result;
        const computedClosing = sum([opening, result]);
        const closing = actual?.closing ?? printedClosing?.value ?? computedClosing;
        const shareOfAllotted = y.allotted.kr === 0 ? 0 : closing.kr / y.allotted.kr;
        out.push({
            year: y.year,
            opening,
            openingBasis: before ? 'utfall' : printedOpening ? 'printed' : (prev?.closingBasis ?? 'beräknat'),
            openingCirka: before ? false : (printedOpening?.cirka ?? prev?.closingCirka ?? false),
            result,
            closing,
            closingBasis: actual ? 'utfall' : printedClosing ? 'printed' : 'beräknat',
            closingCirka: printedClosing?.cirka ?? false,
            computedClosing,
            ...(printedClosing && {
                printedClosing: printedClosing.value,
                difference: minus(printedClosing.value, computedClosing),
            }),
            allotted: y.allotted,
            shareOfAllotted,
            verdict: ekVerdict(f, closing, shareOfAllotted),
        });
    }
    return out;
}
