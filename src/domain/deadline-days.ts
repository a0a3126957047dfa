// Calendar days in Europe/Stockholm as yyyy-MM-dd strings: today, day arithmetic and the instant a reminder is due.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { TIME_ZONE } from './format';

// Stockholm's offset is a whole number of hours and changes on the hour, so every instant in one UTC hour has the same
// day; remembering the last hour's answer spares the time-zone arithmetic that several look-ups per turn repeat.
let lastHour = NaN;
let lastDay = '';

/** The Stockholm day of an instant. */
export function dayOf(at: Date): string {
    const hour = Math.floor(at.getTime() / 3_600_000);
    if (hour !== lastHour) {
        lastDay = format(new TZDate(at.getTime(), TIME_ZONE), 'yyyy-MM-dd');
        lastHour = hour;
    }
    return lastDay;
}

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

/** `day` plus `n` calendar days (n may be negative); plain date arithmetic, so daylight saving cannot shift it. */
export function addDaysTo(day: string, n: number): string {
    const [y, m, d] = parts(day);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
    const [ya, ma, da] = parts(a);
    const [yb, mb, db] = parts(b);
    return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** The instant, `lead` days before `due` at `hour`:00 Stockholm time, when that reminder goes out. */
export function fireAt(due: string, lead: number, hour: number): Date {
    const [y, m, d] = parts(addDaysTo(due, -lead));
    return new Date(new TZDate(y, m - 1, d, hour, 0, 0, TIME_ZONE).getTime());
}

/** True for a real calendar day written yyyy-MM-dd (no 31 april). */
export function isDay(s: string): boolean {
    return /^\d{4}-\d{2}-\d{2}$/.test(s) && addDaysTo(s, 0) === s;
}
