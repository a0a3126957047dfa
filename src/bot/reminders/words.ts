// Reads the reminder phrases: add a one-off deadline, list deadlines, mark one done; and a day in the text.
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { addDaysTo, dayOf } from '../../domain/deadlines';
import { TIME_ZONE } from '../../domain/format';

export const ADD =
    /^(?:påminn|paminn)\s+(?:mig|oss)\s+(?:om\s+)?(.+)$|^remind\s+(?:me|us)\s+(?:about\s+|of\s+|to\s+)?(.+)$/i;
export const LIST =
    /^(?:vilka|visa|lista)\s+(?:(?:våra|vara)\s+)?(?:deadlines|tidsfrister|frister)\b|^(?:vad|när)\s+har\s+vi\s+för\s+(?:deadlines|frister)\b|^(?:what|which|show|list)\s+(?:(?:are\s+)?(?:the|our)\s+)?deadlines\b|^(?:deadlines|frister)\s*\??$/i;
export const BUDGET_DONE =
    /^(?:budgeten|budget)(?:\s+(?:för\s+)?(\d{4}))?\s+(?:är|ar|har\s+blivit)\s+(?:fastställd|faststalld|antagen|beslutad)\b[^?]*$|^the\s+budget(?:\s+(?:for\s+)?(\d{4}))?\s+(?:is|has\s+been)\s+(?:adopted|fixed|approved|set)\b[^?]*$/i;
export const DONE =
    /^(?:klar|klart|gjort|done)\s*:\s*(.+)$|^markera\s+(.+?)\s+som\s+(?:klar|klart|gjord|gjort)\.?$|^mark\s+(.+?)\s+(?:as\s+)?(?:done|complete|completed)\.?$/i;

const inStockholm = { in: tz(TIME_ZONE) };
const FORMS: { re: RegExp; formats: string[]; hasYear: (m: RegExpExecArray) => boolean }[] = [
    { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, formats: ['yyyy-M-d'], hasYear: () => true },
    {
        re: /\b(\d{1,2})(?:e|a|:e|:a|st|nd|rd|th)?\s+([a-zåäö]{3,10})\.?(?:\s+(\d{4}))?\b/i,
        formats: ['d MMMM', 'd MMM'],
        hasYear: (m) => !!m[3],
    },
    { re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/, formats: ['d/M'], hasYear: (m) => !!m[3] },
];

/** A day in `text` (yyyy-MM-dd) and the words around it; without a year, the next such day from `now` on. */
export function findDay(text: string, now: Date): { day: string; rest: string; past: boolean } | undefined {
    const today = dayOf(now);
    for (const form of FORMS) {
        const m = form.re.exec(text);
        if (!m) continue;
        const hasYear = form.hasYear(m);
        const plain = m[0].replace(/(\d)(?:e|a|:e|:a|st|nd|rd|th)\b/, '$1').replace('.', '');
        for (const f of form.formats) {
            const fmt = hasYear && !f.includes('yyyy') ? `${f}${f.includes('/') ? '/' : ' '}yyyy` : f;
            for (const locale of [sv, enGB]) {
                const d = parse(plain, fmt, now, { locale, ...inStockholm });
                if (!isValid(d)) continue;
                let day = format(d, 'yyyy-MM-dd');
                if (!hasYear && day < today) day = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
                // 29 februari without a year may land on a year without it.
                if (addDaysTo(day, 0) !== day) continue;
                const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
                return { day, rest: rest.replace(/\s+/g, ' ').trim(), past: day < today };
            }
        }
    }
    return undefined;
}

/** The title left when the day is taken out: "revisionsmötet den" → "revisionsmötet". */
export function titleFrom(rest: string): string {
    return rest
        .replace(/\s+(?:den|på|pa|on|the|by|senast|kl\.?)$/i, '')
        .replace(/^(?:att|to|that)\s+/i, '')
        .replace(/[\s,.!?:;–-]+$/, '')
        .trim()
        .slice(0, 200);
}
