// The follow-up's figures as they may be shown: in full to the insats's own people, suppressed everywhere else.
import { must } from './must';
import type { FollowUp, MonthPoint } from './report-followup';
import type { Status, TargetSpec } from './report-status';
import { GENDERS, total, type Gender } from './reports';

/** A figure as it may be shown. A hidden figure has no number, so nothing rendered from it can leak one. */
export type Figure = { kind: 'shown'; value: number } | { kind: 'hidden' };
export const shown = (value: number): Figure => ({ kind: 'shown', value });
export const HIDDEN: Figure = { kind: 'hidden' };

/**
 * A count as it may be stated: undefined when hidden; `atLeast` when it is a sum over the year with months missing
 * (say "minst N"). Use it (and shareOf) wherever a follow-up figure is put into words.
 */
export function countOf(fig: FollowUpFigures, x: Figure, sum = true): { value: number; atLeast: boolean } | undefined {
    return x.kind === 'shown' ? { value: x.value, atLeast: sum && fig.atLeast } : undefined;
}

/** A share's ratio when it may be stated: both counts shown, something to divide by, and no months missing. */
export function shareOf(s: ShareFigures): number | undefined {
    return !s.bounds && s.count.kind === 'shown' && s.of.kind === 'shown' && s.of.value > 0
        ? s.count.value / s.of.value
        : undefined;
}

/** A target row: the target, and the status word only when the figure it is about is shown. */
export type TargetRow = { target: TargetSpec; status?: Status };
/**
 * A share as its count and the count it is of; a percentage is shown only when both are, and never when months are
 * missing (`bounds`: the two are lower bounds then, and their ratio is no bound of the true share).
 */
export type ShareFigures = { count: Figure; of: Figure; bounds?: boolean };

export type FollowUpFigures = {
    year: number;
    lastMonth?: string;
    monthsCovered: number;
    missingMonths: string[];
    /** Missing months between the opening and the last report; with any, the year's sums are lower bounds. */
    gapMonths: string[];
    /** Whether deltagare, nya, avslutade, the genders, outcomes and answers are lower bounds ("minst N"). */
    atLeast: boolean;
    /** The month whose start `opening` is (January when the year's opening is known). */
    openingMonth?: string;
    /** Whether this is the suppressed table of a shared conversation. */
    suppressed: boolean;
    deltagare: Figure;
    opening: Figure;
    nya: Figure;
    genders: Record<Gender, Figure>;
    womenShare?: { ratio: number; balanced: boolean };
    pagaende: Figure;
    avslutade: Figure;
    work: ShareFigures;
    keyFigure: ShareFigures;
    /** Average days in the insats over the finished, and before it (when the förbund follows that). */
    days: Figure;
    daysBefore?: Figure;
    deltagareCheck?: TargetRow;
    workCheck?: TargetRow;
    indicators: { id: string; text: string; positive: Figure; answered: Figure; check: TargetRow }[];
    /** Monthly figures, only for the insats's own people in a 1:1 chat. */
    months?: MonthPoint[];
};

/** The keys of the published cells, shared with the suppression that decides which are hidden. */
export const CELL = {
    opening: 'opening',
    deltagare: 'deltagare',
    nya: 'nya',
    pagaende: 'pagaende',
    avslutade: 'avslutade',
    work: 'work',
    keyFigure: 'keyFigure',
    answered: (id: string) => `ind:${id}:answered`,
    positive: (id: string) => `ind:${id}:positive`,
} as const;

const average = (sum: number, of: number): Figure => (of > 0 ? shown(Math.round(sum / of)) : HIDDEN);

/** Everything, as the insats's own people see it; `monthly` adds the month rows. */
export function fullFigures(fu: FollowUp, monthly: boolean): FollowUpFigures {
    return figuresOf(fu, () => true, {
        suppressed: false,
        womenShare:
            fu.womenShare === undefined ? undefined : { ratio: fu.womenShare, balanced: fu.genderBalanced === true },
        months: monthly ? fu.months : undefined,
        // With months missing there is no status to give, but the answers so far are still shown (as lower bounds).
        indicators: fu.indicators.filter((i) => i.check || (fu.atLeast && i.target && i.answered > 0)),
        workCheck: fu.workCheck && { target: fu.workCheck, status: fu.workCheck.status },
    });
}

/** The shared table: only cells whose key is in `visible` have a number; shares, averages and statuses follow. */
export function suppressedFigures(fu: FollowUp, visible: ReadonlySet<string>): FollowUpFigures {
    const open = (key: string) => visible.has(key);
    const workShown = open(CELL.work) && open(CELL.avslutade);
    return figuresOf(fu, open, {
        suppressed: true,
        // Rows do not come and go with the data: a row that appears only once something is answered says when.
        indicators: fu.indicators.filter((i) => i.target),
        workCheck: fu.workTarget && {
            target: fu.workTarget,
            status: workShown ? fu.workCheck?.status : undefined,
        },
    });
}

function figuresOf(
    fu: FollowUp,
    open: (key: string) => boolean,
    extra: Pick<FollowUpFigures, 'suppressed' | 'womenShare' | 'months' | 'workCheck'> & {
        indicators: FollowUp['indicators'];
    },
): FollowUpFigures {
    const fig = (key: string, value: number) => (open(key) ? shown(value) : HIDDEN);
    // With months missing, averages over the finished and shares are of the reported months only: not shown.
    const finishedShown = open(CELL.avslutade) && !fu.atLeast;
    const bounds = fu.atLeast || undefined;
    return {
        year: fu.year,
        lastMonth: fu.lastMonth,
        monthsCovered: fu.monthsCovered,
        missingMonths: fu.missingMonths,
        gapMonths: fu.gapMonths,
        atLeast: fu.atLeast,
        openingMonth: fu.openingMonth,
        suppressed: extra.suppressed,
        deltagare: fig(CELL.deltagare, total(fu.deltagare)),
        opening: fig(CELL.opening, total(fu.opening)),
        nya: fig(CELL.nya, total(fu.nya)),
        genders: Object.fromEntries(GENDERS.map((g) => [g, fig(g, fu.deltagare[g])])) as Record<Gender, Figure>,
        womenShare: fu.atLeast ? undefined : extra.womenShare,
        pagaende: fig(CELL.pagaende, total(fu.pagaende)),
        avslutade: fig(CELL.avslutade, total(fu.avslutade)),
        work: { count: fig(CELL.work, fu.workShare.count), of: fig(CELL.avslutade, fu.workShare.of), bounds },
        keyFigure: {
            count: fig(CELL.keyFigure, fu.keyFigureShare.count),
            of: fig(CELL.avslutade, fu.keyFigureShare.of),
            bounds,
        },
        days: finishedShown ? average(fu.days.count, fu.days.of) : HIDDEN,
        daysBefore: fu.daysBefore && (finishedShown ? average(fu.daysBefore.count, fu.daysBefore.of) : HIDDEN),
        deltagareCheck: fu.deltagareTarget && {
            target: fu.deltagareTarget,
            status: open(CELL.deltagare) ? fu.deltagareCheck?.status : undefined,
        },
        workCheck: extra.workCheck,
        indicators: extra.indicators.map((i) => {
            const both = open(CELL.answered(i.id)) && open(CELL.positive(i.id));
            return {
                id: i.id,
                text: i.text,
                positive: fig(CELL.positive(i.id), i.positive),
                answered: fig(CELL.answered(i.id), i.answered),
                check: {
                    target: must(i.target, `target of indicator ${i.id}`),
                    status: both ? i.check?.status : undefined,
                },
            };
        }),
        months: extra.months,
    };
}
