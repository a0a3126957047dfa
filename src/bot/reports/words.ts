// Reads the insats, month and year a report message names ("rapportera Navet oktober", "RoA 2025", "i år").
import { addMonths, monthOf } from '../../domain/reports';
import type { Forbund, Insats } from '../../domain';
import { foldName as fold } from '../../qa/text';
import { monthFromWord } from './labels';

/** The insats a phrase names by name, id or alias (whole words); with `single`, the only insats when none is named. */
export function insatsIn(f: Forbund, phrase: string, single = false): Insats | undefined {
    const text = ` ${fold(phrase)} `;
    const hits = f.insatser.filter((i) => [i.name, i.id, ...i.aliases].some((n) => text.includes(` ${fold(n)} `)));
    if (hits.length === 1) return hits[0];
    return single && hits.length === 0 && f.insatser.length === 1 ? f.insatser[0] : undefined;
}

/** The year a phrase names: a four-digit year, "i år"/"this year", "förra året"/"last year"; else the current year. */
export function yearIn(phrase: string, now: Date): number {
    const current = Number(monthOf(now).slice(0, 4));
    const explicit = /\b(20\d\d)\b/.exec(phrase)?.[1];
    if (explicit) return Number(explicit);
    if (/\b(förra året|forra aret|i fjol|last year)\b/i.test(phrase)) return current - 1;
    return current;
}

/** The month a phrase names ("oktober", "okt 2025"): the latest such month not after now; else undefined. */
export function monthIn(phrase: string, now: Date): string | undefined {
    const words = fold(phrase).split(' ');
    const number = words.map(monthFromWord).find((m) => m !== undefined);
    if (number === undefined) return undefined;
    const year = /\b(20\d\d)\b/.exec(phrase)?.[1];
    const mm = String(number).padStart(2, '0');
    if (year) return `${year}-${mm}`;
    const current = monthOf(now);
    const sameYear = `${current.slice(0, 4)}-${mm}`;
    return sameYear <= current ? sameYear : addMonths(sameYear, -12);
}

/** The month a report is usually for: the one before now's. */
export const lastMonth = (now: Date) => addMonths(monthOf(now), -1);
