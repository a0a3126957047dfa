// Deadlines a förbund keeps: the types, the per-förbund calendar and the yearly ones from lag 2003:1210 and the plan.
import { addDaysTo } from './deadline-days';
import { planNote } from './deadline-yearly';
import { CalendarSchema, type Calendar, type CalendarInput } from './deadline-types';
import type { Forbund } from './schema';

export * from './deadline-days';
export * from './deadline-leads';
export * from './deadline-sources';
export * from './deadline-types';
export * from './deadline-yearly';

/** Used when the plan follows up through a delårsrapport but its data file gives no date (set calendar.delarsrapport). */
const DEFAULT_DELARSRAPPORT = '08-31';

/** The förbund's calendar: its data file's `calendar`, then `extra`, over the defaults. */
export function calendarOf(f: Forbund, extra: CalendarInput = {}): Calendar {
    const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const fromPlan = planNote(f) ? { delarsrapport: DEFAULT_DELARSRAPPORT } : {};
    return CalendarSchema.parse({ ...fromPlan, ...defined(f.calendar ?? {}), ...defined(extra) });
}

/** The window of due days the planner must look at on `today`: late reminders back, the longest lead ahead. */
export function planningWindow(cal: Calendar, today: string): { from: string; to: string } {
    const all = [...cal.leadDays, ...cal.reportLeadDays, ...cal.meetingLeadDays];
    const after = Math.max(0, -Math.min(...all));
    return { from: addDaysTo(today, -(cal.graceDays + after)), to: addDaysTo(today, Math.max(...all, 0)) };
}
