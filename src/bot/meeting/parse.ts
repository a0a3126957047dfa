// Reads meeting phrases: which body, and a date and time in Stockholm time ("12 december 13:00", "2025-12-12 kl 9").
import { tz } from '@date-fns/tz';
import { addYears } from 'date-fns/addYears';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { TIME_ZONE, type Body, type Forbund } from '../../domain';
import { foldName as fold } from '../../qa/text';
import { findByName } from '../text';

export type When =
    { ok: true; startsAt: Date; place?: string } | { ok: false; problem: 'no-date' | 'no-time' | 'bad-date' | 'past' };

const inStockholm = { in: tz(TIME_ZONE) };
const DATE_FORMS: { re: RegExp; formats: string[]; hasYear: (m: RegExpExecArray) => boolean }[] = [
    { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, formats: ['yyyy-M-d'], hasYear: () => true },
    {
        re: /\b(\d{1,2})(?:e|a|:e|:a|st|nd|rd|th)?\s+([a-zåäö]{3,10})\.?(?:\s+(\d{4}))?/i,
        formats: ['d MMMM', 'd MMM'],
        hasYear: (m) => !!m[3],
    },
    { re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/, formats: ['d/M'], hasYear: (m) => !!m[3] },
];
const TIME = /(?:\b(?:kl\.?|klockan|at)\s*)?\b(\d{1,2})[:.](\d{2})\b|\b(?:kl\.?|klockan|at)\s*(\d{1,2})\b/i;

/** Finds a date and a time in `text`; a date without a year means the next such date after `now`. */
export function parseWhen(text: string, now: Date): When {
    let rest = text;
    let date: Date | undefined;
    let hasYear = false;
    let found: string | undefined;
    for (const form of DATE_FORMS) {
        const m = form.re.exec(rest);
        if (!m) continue;
        found = m[0];
        hasYear = form.hasYear(m);
        const withYear = (f: string) => (hasYear && !f.includes('yyyy') ? `${f}${f.includes('/') ? '/' : ' '}yyyy` : f);
        const plain = m[0].replace(/(\d)(?:e|a|:e|:a|st|nd|rd|th)\b/, '$1').replace('.', '');
        for (const f of form.formats) {
            for (const locale of [sv, enGB]) {
                const d = parse(plain, withYear(f), now, { locale, ...inStockholm });
                if (isValid(d)) date = d;
                if (date) break;
            }
            if (date) break;
        }
        if (date) break;
    }
    if (!found) return { ok: false, problem: 'no-date' };
    if (!date) return { ok: false, problem: 'bad-date' };
    rest = rest.replace(found, ' ');
    const t = TIME.exec(rest);
    if (!t) return { ok: false, problem: 'no-time' };
    const [hh, mm] = [Number(t[1] ?? t[3]), Number(t[2] ?? 0)];
    if (hh > 23 || mm > 59) return { ok: false, problem: 'bad-date' };
    const clock = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    let at = parse(clock, 'HH:mm', date, inStockholm);
    if (at.getTime() < now.getTime()) {
        if (hasYear) return { ok: false, problem: 'past' };
        at = addYears(at, 1);
    }
    const after = rest.slice(rest.indexOf(t[0]) + t[0].length);
    const place = /^\s*,?\s*(?:i|på|pa|in|at|plats:?|place:?)\s+(.+?)\s*[.!]?$/i.exec(after)?.[1];
    return { ok: true, startsAt: new Date(at.getTime()), place };
}

/** The date (yyyy-MM-dd) and time (HH:mm) of a form, in Stockholm time; must be in the future. */
export function parseFormWhen(date: string, time: string, now: Date): When {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, problem: 'no-date' };
    if (!/^\d{1,2}:\d{2}$/.test(time)) return { ok: false, problem: 'no-time' };
    const d = parse(`${date} ${time}`, 'yyyy-MM-dd H:mm', now, inStockholm);
    if (!isValid(d)) return { ok: false, problem: 'bad-date' };
    if (d.getTime() < now.getTime()) return { ok: false, problem: 'past' };
    return { ok: true, startsAt: new Date(d.getTime()) };
}

/** Why a date could not be used, as a sentence ending in "nothing was changed". */
export function whenProblem(problem: Exclude<When, { ok: true }>['problem'], lang: 'sv' | 'en'): string {
    const sv = {
        'no-date': 'Jag hittar inget datum. Skriv t.ex. "nytt styrelsemöte 12 december 13:00".',
        'no-time': 'Jag hittar ingen tid. Skriv t.ex. "12 december 13:00".',
        'bad-date': 'Datumet eller tiden går inte att läsa.',
        past: 'Den tiden har redan passerat.',
    }[problem];
    const en = {
        'no-date': 'I cannot find a date. Write e.g. "new board meeting 12 December 13:00".',
        'no-time': 'I cannot find a time. Write e.g. "12 December 13:00".',
        'bad-date': 'The date or time cannot be read.',
        past: 'That time has already passed.',
    }[problem];
    return lang === 'en' ? `${en} Nothing was changed.` : `${sv} Inget har ändrats.`;
}

/** The body a phrase names ("styrelsemöte", "beredningsgruppen", "styrgruppen för Navet"); undefined if none. */
export function bodyFromText(f: Forbund, text: string): Body | undefined {
    const t = fold(text);
    const kind = /styrelse|board/.test(t)
        ? 'styrelse'
        : /beredning|preparatory/.test(t)
          ? 'beredningsgrupp'
          : /styrgrupp|steering/.test(t)
            ? 'styrgrupp'
            : undefined;
    const candidates = f.bodies.filter((b) => b.kind === kind);
    if (candidates.length <= 1) return candidates[0];
    const insats = f.insatser.find((i) => [i.name, i.id, ...i.aliases].some((n) => t.includes(fold(n))));
    return candidates.find((b) => b.insatsId === insats?.id) ?? findByName(t, candidates, (b) => [b.name]);
}
