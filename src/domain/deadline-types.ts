// The deadline types and the calendar schema, apart from the calendar code so the deadline modules share them.
import { z } from 'zod';

/** A text in both languages the bot speaks. */
export type Text = { sv: string; en: string };

export const DEADLINE_KINDS = [
    'samrad',
    'budget',
    'arsredovisning',
    'delarsrapport',
    'indikatorer',
    'uppfoljning-finsam',
    'projektrapport',
    'utfall',
    'kallelse',
    'mote',
    'protokoll',
    'uppdrag',
    'egen',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const ORIGINS = ['lag', 'plan', 'möte', 'chatt'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Who is reminded: the förbundschef, an insats's projektägare, the members called to a body, or one person. */
export type Audience =
    | { to: 'chef' }
    /** Whoever may import utfall: the förbundschef and any ekonom. */
    | { to: 'utfall' }
    | { to: 'projektagare'; insatsId: string }
    | { to: 'members'; bodyId: string }
    | { to: 'person'; personId: number };

/** One deadline: `due` is a day in Europe/Stockholm (yyyy-MM-dd); `leads` are days before it (negative: after). */
export type Deadline = {
    key: string;
    kind: DeadlineKind;
    due: string;
    title: Text;
    source: Text;
    origin: Origin;
    audience: Audience;
    leads: readonly number[];
    /** Lead times that fell before this instant are never sent: the deadline did not exist then. */
    knownFrom?: Date;
    subject?: { year?: number; insatsId?: string; month?: string; meetingId?: number; uppdragId?: number };
};

const mmdd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');
const leads = z.array(z.number().int().min(-60).max(365)).min(1);

/** Per-förbund dates and lead times; every field has a documented default. */
export const CalendarSchema = z.object({
    /** Samråd with the members before the budget (23 §): default 31 October. */
    samradBy: mmdd.default('10-31'),
    /** Delårsrapport, only where the plan has one (see calendarOf). */
    delarsrapport: mmdd.optional(),
    /** The yearly Indikatorer survey (NNS) and Uppföljning Finsam registration, only where configured. */
    indikatorer: mmdd.optional(),
    uppfoljningFinsam: mmdd.optional(),
    /** The monthly projektrapport for the previous month is due on this day. */
    reportDay: z.number().int().min(1).max(28).default(10),
    leadDays: leads.default([30, 14, 7, 1, 0]),
    reportLeadDays: leads.default([0, -3]),
    meetingLeadDays: leads.default([7, 1, 0]),
    kallelseDaysBefore: z.number().int().min(1).max(60).default(7),
    protokollDaysAfter: z.number().int().min(1).max(60).default(14),
    /** Reminders go out at this hour, Stockholm time. */
    sendHour: z.number().int().min(0).max(23).default(8),
    /** A reminder more than this many days past its time is no longer sent. */
    graceDays: z.number().int().min(0).max(60).default(7),
});
export type Calendar = z.output<typeof CalendarSchema>;
export type CalendarInput = z.input<typeof CalendarSchema>;
