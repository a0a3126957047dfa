// What the reminder service asks of the bot layer: wording reminders and notices as activities.
import type { Activity } from 'botbuilder';
import type { Person } from '../domain/access';
import type { Deadline } from '../domain/deadlines';
import type { Forbund } from '../domain/schema';
import type { Planned } from './reminder-plan';

/** Something the chef is told about a reminder: its recipient cannot be reached, or sending it failed. */
export type NoticeItem = { deadline: Deadline; person: Person } & (
    { kind: 'unreachable' } | { kind: 'failed'; error: string; final: boolean }
);

/**
 * Turns reminders and notices into activities (the bot layer words them and picks the card); `locale` is the
 * recipient's Teams client locale from their stored conversation reference, which decides the language.
 */
export type ReminderComposer = {
    reminder(f: Forbund, p: Planned, now: Date, locale?: string): Partial<Activity>;
    notice(f: Forbund, items: NoticeItem[], now: Date, locale?: string): Partial<Activity>;
};
