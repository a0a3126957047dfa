// Which deadlines a förbund has and which are done, and, per tick, which reminder rows are due to be sent.
import { authorize, type Person } from '../domain/access';
import {
    calendarOf,
    dueReminder,
    meetingDeadlines,
    planningWindow,
    reportDeadlines,
    utfallDeadlines,
    yearlyBetween,
    dayOf,
    fireAt,
    type Audience,
    type Calendar,
    type Deadline,
    type Settled,
    type Text,
} from '../domain/deadlines';
import { invitation } from '../domain/meetings';
import { uppdragDeadlines } from '../domain/uppdrag';
import { addDaysTo } from '../domain/deadline-days';
import type { Forbund } from '../domain/schema';
import { customDeadline, type DeadlineRow, type Deadlines } from '../storage/deadlines';
import type { ReminderRow, ReminderRows } from '../storage/reminders';
import type { Reports } from '../storage/reports';
import type { UtfallRepo } from '../storage/utfall';
import type { UppdragRepo } from '../storage/uppdrag';

/** The repositories deadlines are listed from: stored deadlines, meetings and which reports are in. */
export type DeadlineSources = {
    deadlines: Deadlines;
    reports: Pick<Reports, 'insatserReported'>;
    /** Which months' utfall is imported; without it no utfall deadline is listed. */
    utfall?: Pick<UtfallRepo, 'hasPeriod'>;
    /** Uppdrag given by decisions; without it no uppdrag deadline is listed. */
    uppdrag?: Pick<UppdragRepo, 'dueBetween'>;
};

/** Hook for facts kept elsewhere (e.g. the board's justerad budget decision): true when `d` is done. */
export type DoneBy = (f: Forbund, d: Deadline) => boolean;

/** A deadline with its stored row (if written yet) and why it is done, if it is. */
export type Listed = {
    deadline: Deadline;
    stored?: DeadlineRow;
    /** Why it is done: marked (who), settled by facts (report in, kallelse sent), or the `doneBy` hook. */
    done?: { why: Text | string; at?: Date; hook?: true };
};

/** Every deadline of `f` due in [from, to] (Stockholm days), earliest first, with its done state. */
export function listDeadlines(
    src: DeadlineSources,
    f: Forbund,
    cal: Calendar,
    from: string,
    to: string,
    doneBy?: DoneBy,
): Listed[] {
    const meetingsFrom = fireAt(from, cal.protokollDaysAfter + 1, 0);
    const reported = new Map<string, Set<string>>();
    const hasReport = (insatsId: string, month: string) => {
        let insatser = reported.get(month);
        if (!insatser) {
            insatser = src.reports.insatserReported(f.id, month);
            reported.set(month, insatser);
        }
        return insatser.has(insatsId);
    };
    const stored = new Map(src.deadlines.stored(f.id, from, to).map((r) => [r.key, r]));
    const custom = [...stored.values()].filter((r) => r.origin === 'chatt').map((r) => customDeadline(r, cal.leadDays));
    const all: Settled[] = [
        ...yearlyBetween(f, cal, from, to),
        ...reportDeadlines(f, cal, from, to, hasReport),
        ...(src.utfall ? utfallDeadlines(f, from, to, (m) => src.utfall?.hasPeriod(f.id, m) ?? false) : []),
        ...meetingDeadlines(f, cal, src.deadlines.meetingFacts(f.id, meetingsFrom)).filter(
            (d) => d.due >= from && d.due <= to,
        ),
        ...(src.uppdrag ? uppdragDeadlines(f, src.uppdrag.dueBetween(f.id, addDaysTo(from, -1), to), from, to) : []),
        ...custom,
    ];
    return all
        .map((d): Listed => {
            const row = stored.get(d.key);
            const { settled, ...deadline } = d;
            const done: Listed['done'] = row?.done_at
                ? { why: row.done_by ?? '', at: new Date(row.done_at) }
                : settled
                  ? { why: settled }
                  : doneBy?.(f, deadline)
                    ? { why: { sv: 'beslutet är justerat', en: 'the decision is approved' }, hook: true as const }
                    : undefined;
            return { deadline, stored: row, done };
        })
        .sort((a, b) => a.deadline.due.localeCompare(b.deadline.due) || a.deadline.key.localeCompare(b.deadline.key));
}

/** The people an audience names, from the förbund's roster. */
export function recipients(f: Forbund, a: Audience, people: readonly Person[]): Person[] {
    switch (a.to) {
        case 'chef':
            return people.filter((p) => p.roles.some((r) => r.role === 'förbundschef'));
        case 'projektagare':
            return people.filter((p) => authorize(p, f.id, { kind: 'report.submit', insatsId: a.insatsId }).ok);
        case 'utfall':
            return people.filter((p) => authorize(p, f.id, { kind: 'utfall.import' }).ok);
        case 'members': {
            const body = f.bodies.find((b) => b.id === a.bodyId);
            const ids = new Set(body ? invitation(f, body, people).members : []);
            return people.filter((p) => ids.has(p.id));
        }
        case 'person':
            return people.filter((p) => p.id === a.personId);
    }
}

/** A reminder to send now. */
export type Planned = {
    row: ReminderRow;
    deadline: Deadline;
    person: Person;
    lead: number;
    late: boolean;
    fireAt: Date;
};

/**
 * Plans one förbund's tick (call inside a transaction): for each open deadline, the latest lead time that has come
 * gets a row per recipient; rows already sent or failed are left alone, older pending ones are superseded.
 * Deadlines found done through `doneBy` get their done marker written, so listings show it too.
 */
export function planForbund(
    src: DeadlineSources,
    rows: ReminderRows,
    f: Forbund,
    people: readonly Person[],
    now: Date,
    opts: { doneBy?: DoneBy; calendar?: Calendar; noRecipient?: (d: Deadline) => void } = {},
): Planned[] {
    const cal = opts.calendar ?? calendarOf(f);
    const { from, to } = planningWindow(cal, dayOf(now));
    const planned: Planned[] = [];
    for (const { deadline: d, stored, done } of listDeadlines(src, f, cal, from, to, opts.doneBy)) {
        if (done) {
            if (done.hook && !stored?.done_at) {
                src.deadlines.upsert(f.id, d, 'system', now);
                src.deadlines.markDone(f.id, d.key, 'beslut', now);
            }
            continue;
        }
        const due = dueReminder(d, cal, now);
        if (!due) continue;
        const whom = recipients(f, d.audience, people);
        if (whom.length === 0) {
            opts.noRecipient?.(d);
            continue;
        }
        const id = src.deadlines.upsert(f.id, d, 'system', now);
        for (const person of whom) {
            const row = rows.ensure(id, due.lead, person.id, due.fireAt, due.late, now);
            rows.supersede(id, person.id, due.lead);
            if (row.state === 'pending') planned.push({ row, deadline: d, person, ...due });
        }
    }
    return planned;
}
