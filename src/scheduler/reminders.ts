// Reminder service: a tick plans due reminders and sends them through the proactive sender, each at most once.
import type { ConversationReference } from 'botbuilder';
import type { Person } from '../domain/access';
import { calendarOf, type CalendarInput } from '../domain/deadlines';
import type { Forbund } from '../domain/schema';
import type { Logger } from '../log';
import type { ConversationRefs } from '../storage/conversation-refs';
import type { ForbundRepository } from '../storage/forbund-repository';
import type { Deadlines } from '../storage/deadlines';
import type { ReminderRows } from '../storage/reminders';
import type { Reports } from '../storage/reports';
import type { Roster } from '../storage/roster';
import type { UppdragRepo } from '../storage/uppdrag';
import { deliverAll, type Delivery } from './reminder-delivery';
import { sendNotices } from './reminder-notices';
import { planForbund, type DoneBy } from './reminder-plan';
import type { NoticeItem, ReminderComposer } from './reminder-composer';
import type { ProactiveSender } from './sender';

export type { NoticeItem, ReminderComposer } from './reminder-composer';

export type ReminderServiceDeps = {
    /** Runs `fn` in one database transaction. */
    transaction<T>(fn: () => T): T;
    deadlines: Deadlines;
    reports: Pick<Reports, 'insatserReported'>;
    reminderRows: ReminderRows;
    uppdrag?: Pick<UppdragRepo, 'dueBetween'>;
    forbund: ForbundRepository;
    roster: Roster;
    refs: ConversationRefs;
    sender: ProactiveSender;
    compose: ReminderComposer;
    log: Logger;
    /** Wall clock for sent_at stamps (the tick's `now` is only for planning). */
    clock?: () => Date;
    /** Deadlines done by facts kept elsewhere, e.g. the justerad budget decision (see src/app.ts). */
    doneBy?: DoneBy;
    /** Calendar settings beyond the data file's `calendar`, per förbund (Indikatorer, Uppföljning Finsam, lead times). */
    calendar?: (f: Forbund) => CalendarInput;
    /** Conversations served at once; each conversation's reminders go one after another. */
    concurrency?: number;
};

/** What one tick did. */
export type TickReport = {
    planned: number;
    sent: number;
    pending: number;
    failed: number;
    unreachable: number;
    notices: number;
};

/** Creates the service; call `tick(now)` from a scheduler or a test. Ticks never overlap. */
export function createReminderService(deps: ReminderServiceDeps) {
    const rows = deps.reminderRows;
    const clock = deps.clock ?? (() => new Date());
    const log = deps.log.child({ component: 'reminders' });
    const warnedNoRecipient = new Set<string>();
    let running: Promise<TickReport> | undefined;

    const userRef = (p: Person): Partial<ConversationReference> | undefined =>
        p.teamsUserId ? deps.refs.get('user', p.teamsUserId) : undefined;

    async function run(now: Date): Promise<TickReport> {
        for (const r of rows.interrupted(clock()))
            log.warn(
                'reminder send was interrupted before its result was recorded; it is sent again and may arrive twice',
                {
                    reminderId: r.id,
                    claimedAt: r.claimed_at,
                },
            );
        const report: TickReport = { planned: 0, sent: 0, pending: 0, failed: 0, unreachable: 0, notices: 0 };
        const deliveries: Delivery[] = [];
        const notices = new Map<string, { key: string; item: NoticeItem }[]>();
        const notice = (f: Forbund, key: string, item: NoticeItem) => {
            if (!rows.noticed(key)) notices.set(f.id, [...(notices.get(f.id) ?? []), { key, item }]);
        };
        for (const f of deps.forbund.list()) {
            const people = deps.roster.list(f.id);
            const calendar = calendarOf(f, deps.calendar?.(f));
            const planned = deps.transaction(() =>
                planForbund(deps, rows, f, people, now, {
                    doneBy: deps.doneBy,
                    calendar,
                    noRecipient: (d) => {
                        if (warnedNoRecipient.has(`${f.id}|${d.key}`)) return;
                        warnedNoRecipient.add(`${f.id}|${d.key}`);
                        log.warn('deadline has nobody to remind on the roster', { forbund: f.id, deadline: d.key });
                    },
                }),
            );
            report.planned += planned.length;
            for (const p of planned) {
                const ref = userRef(p.person);
                if (!ref) {
                    report.unreachable++;
                    notice(f, `unreachable:${p.row.deadline_id}:${p.person.id}`, { kind: 'unreachable', ...p });
                    continue;
                }
                deliveries.push({ f, p, ref, activity: deps.compose.reminder(f, p, now, ref.locale) });
            }
        }
        const results = await deliverAll(deliveries, {
            rows,
            sender: deps.sender,
            clock,
            log,
            concurrency: deps.concurrency,
        });
        for (const r of results) {
            if (r.outcome === 'sent') report.sent++;
            else if (r.outcome === 'skipped') continue;
            else {
                report[r.final ? 'failed' : 'pending']++;
                notice(r.f, `failed:${r.p.row.id}`, { kind: 'failed', ...r.p, error: r.error, final: r.final });
            }
        }
        report.notices = await sendNotices(notices, now, { ...deps, rows, clock, log, userRef });
        return report;
    }

    return {
        /** Plans and sends what is due at `now`; a tick asked for while one runs joins that one. */
        tick(now: Date): Promise<TickReport> {
            running ??= run(now).finally(() => (running = undefined));
            return running;
        },
        /** Resolves when no tick is running (for a clean shutdown). */
        async idle(): Promise<void> {
            await running?.catch(() => undefined);
        },
        rows,
    };
}
