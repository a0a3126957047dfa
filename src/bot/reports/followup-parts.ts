// Pieces of the follow-up view: figures as text, a target row with the bot's status word, the gender note, the chart.
import { formatPercent, formatTarget } from '../../domain';
import {
    shareOf,
    type Figure,
    type FollowUpFigures,
    type ShareFigures,
    type TargetRow,
} from '../../domain/report-figures';
import type { FollowUpRules, Status } from '../../domain/report-status';
import type { Lang } from '../lang';
import { say } from '../reply';
import { shortMonth } from './labels';

/** A month's free text, for the readers who may see it. */
export type MonthNote = { month: string; kommentar?: string; avvikelse?: string };
/**
 * Who sees the view: language and the bot's status rule (what is hidden is already decided in the figures);
 * `sample` when demo rows are among the reports; `notes` only for the insats's own people, chef and styrgrupp 1:1.
 */
export type ViewOptions = { lang: Lang; rules: FollowUpRules; sample?: boolean; notes?: MonthNote[] };

/** The visible mark on anything shown from the seeded demo rows. */
export const sampleMark = (lang: Lang) =>
    say(lang, 'Fiktiva exempeldata – inte en verklig rapport.', 'Fictional sample data – not a real report.');

/** How a hidden count reads; the same for every hidden count, so the mark tells nothing about the number. */
export const HIDDEN_MARK = 'x';

const STATUS: Record<Status, [string, string, string]> = {
    uppnått: ['uppnått', 'achieved', 'Good'],
    'på väg': ['på väg', 'on track', 'Warning'],
    risk: ['risk', 'at risk', 'Attention'],
};
/** `50` or `35,5`: a pro-rata figure with at most one decimal. */
export const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));

/** A count as text: its number, or the hidden mark. */
export const count = (x: Figure) => (x.kind === 'shown' ? String(x.value) : HIDDEN_MARK);

/** A share as a percentage, or `–` when either count is hidden, they are lower bounds or there is nothing to divide by. */
export function percent(s: ShareFigures): string {
    const ratio = shareOf(s);
    return ratio === undefined ? '–' : formatPercent(ratio);
}

/** ` – 53,3 % kvinnor, jämn` (only where the figures carry the share). */
export function genderNote(fig: FollowUpFigures, lang: Lang): string {
    if (!fig.womenShare) return '';
    const ok = fig.womenShare.balanced ? say(lang, 'jämn', 'balanced') : say(lang, 'ojämn', 'unbalanced');
    return ` – ${formatPercent(fig.womenShare.ratio)} ${say(lang, 'kvinnor', 'women')}, ${ok}`;
}

/**
 * One row of the "against the targets" list: value, target (pro rata for counts) and status word. A figure that is
 * not shown gets no status either: the word would tell what it is.
 */
export function check(label: string, row: TargetRow, value: string, o: ViewOptions) {
    const t = row.target;
    // A TargetRow always has a target, and formatTarget only returns undefined without one.
    const target = formatTarget({ comparator: t.comparator, target: t.target, unit: t.unit, noun: t.noun })!;
    const proRata = t.unit === 'antal' ? ` (${say(o.lang, 'pro rata', 'pro rata')} ${num(t.expected)})` : '';
    const period = t.period ? ` ${say(o.lang, 'enligt planen för', 'per the plan for')} ${t.period}` : '';
    const [sv, en, color] = row.status ? STATUS[row.status] : ['–', '–', 'Default'];
    return { label, value, target: `${target}${period}${proRata}`, status: say(o.lang, sv, en), color };
}

/** The month chart's series and its fallback table, from the same figures; only when the figures have months. */
export function chartData(fig: FollowUpFigures, lang: Lang) {
    const months = fig.months ?? [];
    const series = (key: 'nya' | 'avslutade' | 'pagaende', legend: string) => ({
        legend,
        values: months.map((m) => ({ x: shortMonth(m.month, lang), y: m[key] })),
    });
    return {
        show: months.length > 0,
        title: say(lang, 'Per månad', 'By month'),
        series: [
            series('nya', say(lang, 'Nya', 'New')),
            series('avslutade', say(lang, 'Avslutade', 'Finished')),
            series('pagaende', say(lang, 'Pågående', 'Ongoing')),
        ],
        head: [
            say(lang, 'Månad', 'Month'),
            say(lang, 'Nya', 'New'),
            say(lang, 'Avslutade', 'Finished'),
            say(lang, 'Pågående', 'Ongoing'),
        ],
        rows: months.map((m) => ({
            month: shortMonth(m.month, lang),
            nya: String(m.nya),
            avslutade: String(m.avslutade),
            pagaende: String(m.pagaende),
        })),
    };
}
