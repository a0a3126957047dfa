// Which reminder of a deadline is due now: only the latest lead time that has come, marked late when it is overdue.
import { fireAt } from './deadline-days';
import type { Calendar, Deadline } from './deadline-types';

/** A sent reminder more than this after its time says it is late (ticks run every 15 minutes). */
const LATE_AFTER_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

/** The reminder to send now: its lead time (days before due), when it was due, and whether it is late. */
export type DueReminder = { lead: number; fireAt: Date; late: boolean };

/**
 * The one reminder of `d` that is due at `now`: the latest lead time whose moment has come. Earlier lead times that
 * were missed (downtime) are never sent. Nothing is due when that moment came before the deadline was known or more
 * than `graceDays` ago.
 */
export function dueReminder(d: Deadline, cal: Calendar, now: Date): DueReminder | undefined {
    const latest = [...new Set(d.leads)]
        .map((lead) => ({ lead, fireAt: fireAt(d.due, lead, cal.sendHour) }))
        .filter((x) => x.fireAt.getTime() <= now.getTime())
        .sort((a, b) => b.fireAt.getTime() - a.fireAt.getTime())[0];
    if (!latest) return undefined;
    if (d.knownFrom && latest.fireAt.getTime() < d.knownFrom.getTime()) return undefined;
    const overdue = now.getTime() - latest.fireAt.getTime();
    if (overdue > cal.graceDays * DAY_MS) return undefined;
    return { ...latest, late: overdue > LATE_AFTER_MS };
}

/** Every moment a deadline's reminders go out, earliest first (for listings and tests). */
export function reminderTimes(d: Deadline, cal: Calendar): { lead: number; at: Date }[] {
    return [...new Set(d.leads)]
        .map((lead) => ({ lead, at: fireAt(d.due, lead, cal.sendHour) }))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
}
