// Years in a question: explicit years and ranges, year words ("i år", "nästa år", "i fjol", "next year"), "all years".
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '../domain';

/** How the question names its year(s): `word` years may land outside the plan (→ clarify), `explicit` ones → not stated. */
export type YearRef =
    | { kind: 'none' }
    | { kind: 'all'; range?: [number, number] }
    | { kind: 'explicit'; years: number[] }
    | { kind: 'word'; years: number[] };

const WORDS: [RegExp, number][] = [
    [/\b(i ar|iar|this year|arets|innevarande ar|current year|at year end|year end)\b/, 0],
    [/\b(nasta ar|nastkommande ar|next year|kommande ar)\b/, 1],
    [/\b(forra aret|forra ar|i fjol|ifjol|fjolaret|last year|previous year)\b/, -1],
];

/** The calendar year of `now` in Stockholm. */
export function currentYear(now: Date): number {
    const t = now.getTime();
    if (t >= known.from && t < known.to) return known.year;
    // A time-zone conversion per message showed in profiles; the year's bounds are computed once instead.
    const year = new TZDate(t, TIME_ZONE).getFullYear();
    known = {
        year,
        from: new TZDate(year, 0, 1, TIME_ZONE).getTime(),
        to: new TZDate(year + 1, 0, 1, TIME_ZONE).getTime(),
    };
    return year;
}
let known = { year: 0, from: 0, to: 0 };

/** Finds the year reference in folded text; `all` when the text asks about every year. */
export function yearRef(folded: string, now: Date, allWords: boolean): YearRef {
    const range = /\b(19[9]\d|20\d\d) (?:till |to )?(19[9]\d|20\d\d)\b/.exec(folded);
    const explicit = [...folded.matchAll(/\b(199\d|20\d\d)\b/g)].map((m) => Number(m[1]));
    if (range && Number(range[2]) > Number(range[1]))
        return { kind: 'all', range: [Number(range[1]), Number(range[2])] };
    if (explicit.length > 0) return { kind: 'explicit', years: [...new Set(explicit)] };
    for (const [re, offset] of WORDS) if (re.test(folded)) return { kind: 'word', years: [currentYear(now) + offset] };
    return allWords ? { kind: 'all' } : { kind: 'none' };
}
