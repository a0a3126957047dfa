// What a shared conversation may see of a follow-up: each month's year-to-date table, suppressed consistently.
import { CELL, suppressedFigures, type FollowUpFigures } from './report-figures';
import { followUp, type FollowUp } from './report-followup';
import { must } from './must';
import { DEFAULT_RULES, type FollowUpRules } from './report-status';
import {
    keyFigureOutcomes,
    GENDERS,
    OUTCOMES,
    total,
    WORK_OUTCOMES,
    type MonthlyReport,
    type Outcome,
} from './reports';
import type { Forbund, Insats } from './schema';
import { suppressReleases, type Release, type SuppressionCell } from './suppression';

type Terms = SuppressionCell['terms'];
type MonthAtoms = {
    nya: Record<string, number>;
    /**
     * The least flows of the missing months just before this one, per gender: only the side that is not zero gets
     * an atom, as if the reader knew which side it is (more than they can, so the audit errs towards hiding).
     */
    gapNya: number[][];
    gapFinished: number[];
    finished: { outcomes: Outcome[]; atom: number }[];
    ind: Record<string, { positive: number; negative: number }>;
};

/**
 * The shared follow-up after each reported month of `year`, in order (the last is what is shown now). Every table
 * is suppressed with all the earlier ones in view, so neither a table nor the difference between two months'
 * tables reveals a count under the limit, and an earlier table comes out as it was shown then.
 */
export function sharedFollowUps(
    f: Forbund,
    insats: Insats,
    year: number,
    reports: MonthlyReport[],
    december: MonthlyReport | undefined,
    rules: FollowUpRules = DEFAULT_RULES,
): FollowUpFigures[] {
    const rs = reports.filter((r) => r.month.startsWith(`${year}-`)).sort((a, b) => a.month.localeCompare(b.month));
    const cuts = rs.map((_, k) => followUp(f, insats, year, rs.slice(0, k + 1), december, rules));
    if (!cuts.length) return [];
    const atoms: number[] = [];
    const atom = (value: number) => atoms.push(value) - 1;
    const opening = Object.fromEntries(GENDERS.map((g) => [g, atom(cuts[0].opening[g])]));
    const keyFigure = keyFigureOutcomes(f);
    const groups = outcomeGroups(keyFigure);
    const indicators = cuts[0].indicators.filter((i) => i.target).map((i) => i.id);
    const gaps = must(cuts.at(-1), 'the follow-up after the last month').gaps;
    const months: MonthAtoms[] = rs.map((r) => {
        const gap = gaps.find((x) => x.before === r.month);
        const gapNya = GENDERS.map((g) => (gap && gap.nya[g] > 0 ? [atom(gap.nya[g])] : []));
        const gapFinished = GENDERS.flatMap((g) => (gap && gap.avslutade[g] > 0 ? [atom(gap.avslutade[g])] : []));
        return {
            nya: Object.fromEntries(GENDERS.map((g) => [g, atom(r.nya[g])])),
            gapNya,
            gapFinished,
            finished: groups.map((outcomes) => ({
                outcomes,
                atom: atom(outcomes.reduce((s, o) => s + r.utfall[o], 0)),
            })),
            ind: Object.fromEntries(
                indicators.map((id) => {
                    const v = r.ind[id] ?? { besvarade: 0, positiva: 0 };
                    return [id, { positive: atom(v.positiva), negative: atom(v.besvarade - v.positiva) }];
                }),
            ),
        };
    });
    const releases = cuts.map((fu, k) => release(fu, opening, months.slice(0, k + 1), keyFigure, indicators));
    const hidden = suppressReleases({ atoms, releases });
    return cuts.map((fu, k) =>
        suppressedFigures(fu, new Set(releases[k].cells.map((c) => c.key).filter((key) => !hidden[k].has(key)))),
    );
}

/** The shared follow-up as shown now (after the last reported month); undefined without reports. */
export function sharedFollowUp(...args: Parameters<typeof sharedFollowUps>): FollowUpFigures | undefined {
    return sharedFollowUps(...args).at(-1);
}

/** Outcomes that the shown shares never tell apart count as one atom (arbete and studier always do). */
function outcomeGroups(keyFigure: readonly Outcome[] | undefined): Outcome[][] {
    const signature = (o: Outcome) => `${WORK_OUTCOMES.includes(o)}${!!keyFigure?.includes(o)}`;
    const bySignature = new Map<string, Outcome[]>();
    for (const o of OUTCOMES) bySignature.set(signature(o), [...(bySignature.get(signature(o)) ?? []), o]);
    return [...bySignature.values()];
}

/** The cells one month's table publishes, as sums of the atoms of the months through it. */
function release(
    fu: FollowUp,
    opening: Record<string, number>,
    months: MonthAtoms[],
    keyFigure: readonly Outcome[] | undefined,
    indicators: string[],
): Release {
    const one = (j: number): Terms => [[j, 1]];
    const gi = (g: string) => GENDERS.indexOf(g as (typeof GENDERS)[number]);
    const nyaOf = (g: string): Terms => months.flatMap((m) => [...one(m.nya[g]), ...m.gapNya[gi(g)].flatMap(one)]);
    const ofGender = (g: string): Terms => [...one(opening[g]), ...nyaOf(g)];
    const finished = (within: readonly Outcome[]): Terms =>
        months.flatMap((m) =>
            m.finished.filter((x) => x.outcomes.every((o) => within.includes(o))).flatMap((x) => one(x.atom)),
        );
    const deltagare = GENDERS.flatMap(ofGender);
    const avslutade = [...finished(OUTCOMES), ...months.flatMap((m) => m.gapFinished.flatMap(one))];
    const ongoing: Terms = [...deltagare, ...avslutade.map(([j]): [number, number] => [j, -1])];
    const ongoingValue = total(fu.deltagare) - total(fu.avslutade);
    const cells: SuppressionCell[] = [
        { key: CELL.deltagare, terms: deltagare, value: total(fu.deltagare) },
        { key: CELL.opening, terms: GENDERS.flatMap((g) => one(opening[g])), value: total(fu.opening) },
        ...GENDERS.map((g) => ({ key: g, terms: ofGender(g), value: fu.deltagare[g] })),
        { key: CELL.avslutade, terms: avslutade, value: total(fu.avslutade) },
        { key: CELL.work, terms: finished(WORK_OUTCOMES), value: fu.workShare.count },
        ...(keyFigure ? [{ key: CELL.keyFigure, terms: finished(keyFigure), value: fu.keyFigureShare.count }] : []),
        ...indicators.flatMap((id) => {
            const i = must(
                fu.indicators.find((x) => x.id === id),
                `follow-up figures for indicator ${id}`,
            );
            const positive = months.flatMap((m) => one(m.ind[id].positive));
            const negative = months.flatMap((m) => one(m.ind[id].negative));
            return [
                { key: CELL.answered(id), terms: [...positive, ...negative], value: i.answered },
                { key: CELL.positive(id), terms: positive, value: i.positive },
            ];
        }),
        {
            key: CELL.nya,
            terms: GENDERS.flatMap(nyaOf),
            value: total(fu.nya),
            parents: [CELL.deltagare, CELL.opening],
        },
        {
            key: CELL.pagaende,
            terms: ongoing,
            value: ongoingValue,
            parents: [CELL.deltagare, CELL.avslutade],
            // With a month missing the reported pågående is not deltagare − avslutade, and would tell more.
            never: total(fu.pagaende) !== ongoingValue,
        },
    ];
    return { cells, known: ongoingValue >= 0 ? [ongoing] : [] };
}
