// Year-to-date follow-up of an insats's monthly reports against the plan's targets, with the bot's status rule.
import {
    DEFAULT_RULES,
    statusOf,
    yearTarget,
    type FollowUpRules,
    type TargetCheck,
    type TargetSpec,
} from './report-status';
import { must } from './must';
import type { Comparator, Forbund, Insats } from './schema';
import {
    addMonths,
    keyFigureOutcomes,
    monthNumber,
    openingOf,
    OUTCOMES,
    surveyIndicators,
    total,
    WORK_OUTCOMES,
    type Genders,
    type MonthlyReport,
    type Outcome,
} from './reports';

export type Share = { count: number; of: number; ratio?: number };
/**
 * Months missing between two reported months (or after the previous December): the level before and after is
 * known, the flows inside are not. `nya` and `avslutade` are the least flows that explain the change of level, per
 * gender (one of the two is zero), so totals that include them are lower bounds ("minst").
 */
export type GapSegment = { months: string[]; before: string; nya: Genders; avslutade: Genders };
export type MonthPoint = { month: string; nya: number; avslutade: number; pagaende: number };

export type FollowUp = {
    year: number;
    lastMonth?: string;
    /** Months from January through the last reported month: the pro-rata basis. */
    monthsCovered: number;
    missingMonths: string[];
    /** Missing months between the opening and the last reported month: sums over the year are then lower bounds. */
    gaps: GapSegment[];
    gapMonths: string[];
    /** Whether the year's sums (deltagare, nya, avslutade, outcomes, answers) are lower bounds because of gaps. */
    atLeast: boolean;
    /** The month whose start the opening level is: January with the previous December, else the first reported. */
    openingMonth?: string;
    months: MonthPoint[];
    opening: Genders;
    nya: Genders;
    avslutade: Genders;
    deltagare: Genders;
    pagaende: Genders;
    utfall: Record<Outcome, number>;
    workShare: Share;
    keyFigureShare: Share;
    womenShare?: number;
    genderBalanced?: boolean;
    days: Share;
    daysBefore?: Share;
    indicators: {
        id: string;
        text: string;
        answered: number;
        positive: number;
        ratio?: number;
        target?: TargetSpec;
        check?: TargetCheck;
    }[];
    /** The targets that apply this year, also when there is nothing yet to check them against. */
    deltagareTarget?: TargetSpec;
    workTarget?: TargetSpec;
    deltagareCheck?: TargetCheck;
    workCheck?: TargetCheck;
};

const zero = (): Genders => ({ kvinnor: 0, man: 0, annat: 0 });
const add = (a: Genders, b: Genders): Genders => ({
    kvinnor: a.kvinnor + b.kvinnor,
    man: a.man + b.man,
    annat: a.annat + b.annat,
});
const sub0 = (a: Genders, b: Genders): Genders => ({
    kvinnor: Math.max(0, a.kvinnor - b.kvinnor),
    man: Math.max(0, a.man - b.man),
    annat: Math.max(0, a.annat - b.annat),
});
const share = (count: number, of: number): Share => ({ count, of, ratio: of > 0 ? count / of : undefined });

/**
 * Aggregates `reports` (the latest version of each reported month of `year`) into year-to-date figures.
 * `december` is the previous year's December report, which sets the opening level when present;
 * otherwise the year's first report does (its pågående − nya + avslutade).
 */
export function followUp(
    f: Forbund,
    insats: Insats,
    year: number,
    reports: MonthlyReport[],
    december: MonthlyReport | undefined,
    rules: FollowUpRules = DEFAULT_RULES,
): FollowUp {
    const rs = reports.filter((r) => r.month.startsWith(`${year}-`)).sort((a, b) => a.month.localeCompare(b.month));
    const last = rs.at(-1);
    const monthsCovered = last ? monthNumber(last.month) : 0;
    const have = new Set(rs.map((r) => r.month));
    const missingMonths = Array.from({ length: monthsCovered }, (_, i) => addMonths(`${year}-01`, i)).filter(
        (m) => !have.has(m),
    );
    const opening = december ? december.pagaende : rs[0] ? openingOf(rs[0]) : zero();
    const gaps = gapSegments(year, rs, december);
    const gapMonths = gaps.flatMap((s) => s.months);
    const atLeast = gapMonths.length > 0;
    const reportedNya = rs.reduce((s, r) => add(s, r.nya), zero());
    const reportedAvslutade = rs.reduce((s, r) => add(s, r.avslutade), zero());
    const nya = gaps.reduce((s, x) => add(s, x.nya), reportedNya);
    const avslutade = gaps.reduce((s, x) => add(s, x.avslutade), reportedAvslutade);
    const deltagare = add(opening, nya);
    const utfall = Object.fromEntries(OUTCOMES.map((o) => [o, rs.reduce((s, r) => s + r.utfall[o], 0)])) as Record<
        Outcome,
        number
    >;
    const sumOutcomes = (os: readonly Outcome[]) => os.reduce((s, o) => s + utfall[o], 0);
    const workShare = share(sumOutcomes(WORK_OUTCOMES), total(avslutade));
    const binary = deltagare.kvinnor + deltagare.man;
    const womenShare = binary > 0 ? deltagare.kvinnor / binary : undefined;
    const hasBefore = rs.some((r) => r.dagarFore !== undefined);

    type Matpunkt = { comparator?: Comparator; target?: number; period?: string; noun?: string };
    // The schema's targetComplete makes comparator and target come together; callers pass only targeted rows.
    const spec = (source: string, m: Matpunkt, unit: 'antal' | 'procent', proRata: boolean): TargetSpec => {
        const target = must(m.target, `target of ${source}`);
        return {
            source,
            comparator: must(m.comparator, `comparator of ${source}`),
            target,
            unit,
            noun: m.noun,
            period: m.period,
            expected: proRata ? (target * monthsCovered) / 12 : target,
        };
    };
    const check = (s: TargetSpec, actual: number): TargetCheck => ({
        ...s,
        actual,
        status: statusOf(actual, s.expected, s.comparator, rules),
    });
    const dMatpunkt = yearTarget(f, insats.id, year, 'antal');
    const wMatpunkt = yearTarget(f, insats.id, year, 'procent');
    const dTarget = dMatpunkt && monthsCovered > 0 ? spec(dMatpunkt.id, dMatpunkt, 'antal', true) : undefined;
    const wTarget = wMatpunkt && spec(wMatpunkt.id, wMatpunkt, 'procent', false);
    return {
        year,
        lastMonth: last?.month,
        monthsCovered,
        missingMonths,
        gaps,
        gapMonths,
        atLeast,
        openingMonth: december ? `${year}-01` : rs[0]?.month,
        months: rs.map((r) => ({
            month: r.month,
            nya: total(r.nya),
            avslutade: total(r.avslutade),
            pagaende: total(r.pagaende),
        })),
        opening,
        nya,
        avslutade,
        deltagare,
        pagaende: last ? last.pagaende : opening,
        utfall,
        workShare,
        keyFigureShare: share(sumOutcomes(keyFigureOutcomes(f) ?? []), total(avslutade)),
        womenShare,
        genderBalanced:
            womenShare === undefined
                ? undefined
                : womenShare >= rules.genderBand[0] && womenShare <= rules.genderBand[1],
        // Days are reported for the months' own finished, so the average is over the reported months only.
        days: share(
            rs.reduce((s, r) => s + r.dagar, 0),
            total(reportedAvslutade),
        ),
        daysBefore: hasBefore
            ? share(
                  rs.reduce((s, r) => s + (r.dagarFore ?? 0), 0),
                  total(reportedAvslutade),
              )
            : undefined,
        indicators: surveyIndicators(insats).map((i) => {
            const answered = rs.reduce((s, r) => s + (r.ind[i.id]?.besvarade ?? 0), 0);
            const positive = rs.reduce((s, r) => s + (r.ind[i.id]?.positiva ?? 0), 0);
            const ratio = answered > 0 ? positive / answered : undefined;
            const target = i.target !== undefined ? spec(i.id, i, 'procent', false) : undefined;
            const c = ratio !== undefined && target && !atLeast ? check(target, ratio * 100) : undefined;
            return { id: i.id, text: i.text, answered, positive, ratio, target, check: c };
        }),
        deltagareTarget: dTarget,
        workTarget: wTarget,
        deltagareCheck: dTarget && boundCheck(check(dTarget, total(deltagare)), atLeast),
        workCheck:
            wTarget && workShare.ratio !== undefined && !atLeast ? check(wTarget, workShare.ratio * 100) : undefined,
    };
}

/** A check of a lower bound says something only when the bound already meets a "at least" target. */
function boundCheck(c: TargetCheck, atLeast: boolean): TargetCheck | undefined {
    return !atLeast || (c.comparator !== '<=' && c.status === 'uppnått') ? c : undefined;
}

/** The gaps between the opening (the previous December, else the first report) and each later reported month. */
export function gapSegments(year: number, sorted: MonthlyReport[], december: MonthlyReport | undefined): GapSegment[] {
    const out: GapSegment[] = [];
    let prev = december && { month: `${year - 1}-12`, level: december.pagaende };
    for (const r of sorted) {
        if (prev && addMonths(prev.month, 1) !== r.month) {
            const months: string[] = [];
            for (let m = addMonths(prev.month, 1); m < r.month; m = addMonths(m, 1)) months.push(m);
            const start = openingOf(r);
            out.push({ months, before: r.month, nya: sub0(start, prev.level), avslutade: sub0(prev.level, start) });
        }
        prev = { month: r.month, level: r.pagaende };
    }
    return out;
}
