// Pieces of the follow-up view: a target check with the bot's status words, the gender note and the month chart.
import { formatPercent, formatTarget } from '../../domain';
import type { FollowUp } from '../../domain/report-followup';
import type { FollowUpRules, Status, TargetCheck } from '../../domain/report-status';
import type { Lang } from '../lang';
import { say } from '../reply';
import { shortMonth } from './labels';

/** Who sees the view: language, whether small counts are masked, whether monthly figures may be shown. */
export type ViewOptions = { lang: Lang; masked: boolean; monthly: boolean; rules: FollowUpRules };

const STATUS: Record<Status, [string, string, string]> = {
    uppnått: ['uppnått', 'achieved', 'Good'],
    'på väg': ['på väg', 'on track', 'Warning'],
    risk: ['risk', 'at risk', 'Attention'],
};
/** `50` or `35,5`: a pro-rata figure with at most one decimal. */
export const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));

/** ` – 53,3 % kvinnor, jämn` (not shown when masking). */
export function genderNote(fu: FollowUp, o: ViewOptions): string {
    if (fu.womenShare === undefined || o.masked) return '';
    const ok = fu.genderBalanced ? say(o.lang, 'jämn', 'balanced') : say(o.lang, 'ojämn', 'unbalanced');
    return ` – ${formatPercent(fu.womenShare)} ${say(o.lang, 'kvinnor', 'women')}, ${ok}`;
}

/**
 * One row of the "against the targets" list: value, target (pro rata for counts) and status word. A share that is
 * not shown (small counts in a shared conversation) gets no status either: the word would tell what the share is.
 */
export function check(label: string, t: TargetCheck, value: string, o: ViewOptions, shown = true) {
    const target = formatTarget({ comparator: t.comparator, target: t.target, unit: t.unit, noun: t.noun })!;
    const proRata = t.unit === 'antal' ? ` (${say(o.lang, 'pro rata', 'pro rata')} ${num(t.expected)})` : '';
    const period = t.period ? ` ${say(o.lang, 'enligt planen för', 'per the plan for')} ${t.period}` : '';
    const [sv, en, color] = shown ? STATUS[t.status] : ['–', '–', 'Default'];
    return { label, value, target: `${target}${period}${proRata}`, status: say(o.lang, sv, en), color };
}

/** The month chart's series and its fallback table, from the same figures; shown only with `monthly`. */
export function chartData(fu: FollowUp, o: ViewOptions) {
    const series = (key: 'nya' | 'avslutade' | 'pagaende', legend: string) => ({
        legend,
        values: fu.months.map((m) => ({ x: shortMonth(m.month, o.lang), y: m[key] })),
    });
    return {
        show: o.monthly && fu.months.length > 0,
        title: say(o.lang, 'Per månad', 'By month'),
        series: [
            series('nya', say(o.lang, 'Nya', 'New')),
            series('avslutade', say(o.lang, 'Avslutade', 'Finished')),
            series('pagaende', say(o.lang, 'Pågående', 'Ongoing')),
        ],
        head: [
            say(o.lang, 'Månad', 'Month'),
            say(o.lang, 'Nya', 'New'),
            say(o.lang, 'Avslutade', 'Finished'),
            say(o.lang, 'Pågående', 'Ongoing'),
        ],
        rows: fu.months.map((m) => ({
            month: shortMonth(m.month, o.lang),
            nya: String(m.nya),
            avslutade: String(m.avslutade),
            pagaende: String(m.pagaende),
        })),
    };
}
