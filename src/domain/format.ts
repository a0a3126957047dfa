// sv-SE display of amounts, percentages, targets and dates: the only place domain values become text.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { isAmount } from './amount';
import type { Amount, ClaimValue, Comparator } from './schema';

/** Sweden's time zone, for every date the bot shows. */
export const TIME_ZONE = 'Europe/Stockholm';
const MINUS = '\u2212';

function groupDigits(n: number): string {
    return String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** `632 234 kr`, `756 tkr`, `−461 720 kr`: a tkr figure is never shown to the krona. */
export function formatAmount(a: Amount): string {
    const n = a.unit === 'tkr' ? Math.round(a.kr / 1000) : a.kr;
    return `${n < 0 ? MINUS : ''}${groupDigits(n)} ${a.unit}`;
}

/** Like formatAmount but with an explicit `+` on positive differences: `+9 tkr`, `−5 tkr`. */
export function formatDifference(a: Amount): string {
    return `${a.kr > 0 ? '+' : ''}${formatAmount(a)}`;
}

/** A ratio as sv-SE percent: 0.2077 → `20,8 %`. */
export function formatPercent(ratio: number, decimals = 1): string {
    const fixed = (Math.abs(ratio) * 100).toFixed(decimals);
    const negative = ratio < 0 && Number(fixed) !== 0;
    return `${negative ? MINUS : ''}${fixed.replace('.', ',')} %`;
}

/** A printed claim's value as the plan printed it (a percentage with its printed decimals). */
export function formatClaimValue(v: ClaimValue): string {
    return isAmount(v) ? formatAmount(v) : formatPercent(v.ratio, v.decimals);
}

const COMPARATOR_TEXT: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** A mätpunkt's target: `≥ 60 deltagare`, `≥ 50 %`; undefined when the plan sets no numeric target. */
export function formatTarget(t: {
    comparator?: Comparator;
    target?: number;
    unit?: string;
    noun?: string;
}): string | undefined {
    if (t.comparator === undefined || t.target === undefined) return undefined;
    const value =
        t.unit === 'procent' ? `${String(t.target).replace('.', ',')} %` : `${t.target}${t.noun ? ` ${t.noun}` : ''}`;
    return `${COMPARATOR_TEXT[t.comparator]} ${value}`;
}

/** A date in Stockholm time: `30 november 2025` by default (date-fns pattern); `30 November 2025` in English. */
export function formatDate(d: Date, pattern = 'd MMMM yyyy', lang: 'sv' | 'en' = 'sv'): string {
    return format(new TZDate(d.getTime(), TIME_ZONE), pattern, { locale: lang === 'en' ? enGB : sv });
}
