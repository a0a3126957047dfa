// Deadlines that follow from the förbund's own records: the monthly projektrapport per insats and each meeting.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { addDaysTo, dayOf } from './deadline-days';
import type { Calendar, Deadline, Text } from './deadline-types';
import { TIME_ZONE } from './format';
import type { Forbund } from './schema';

/** What the deadlines need to know about a meeting. */
export type MeetingFact = {
    id: number;
    bodyId: string;
    startsAt: Date;
    status: 'utkast' | 'kallad' | 'stängd' | 'inställd';
    createdAt: Date;
};

/** Deadlines with the facts that settle them: `settled` says why no reminder is needed any more. */
export type Settled = Deadline & { settled?: Text };

const monthText = (month: string): Text => {
    const d = new TZDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15, TIME_ZONE);
    return { sv: format(d, 'LLLL yyyy', { locale: sv }), en: format(d, 'LLLL yyyy', { locale: enGB }) };
};
const nextMonth = (month: string) => addDaysTo(`${month}-28`, 7).slice(0, 7);

/**
 * The monthly projektrapport per insats whose due day (`reportDay` of the month after) is in [from, to], for months
 * of the plan's years. `reported` says whether an insats has reported for a month.
 */
export function reportDeadlines(
    f: Forbund,
    cal: Calendar,
    from: string,
    to: string,
    reported: (insatsId: string, month: string) => boolean,
): Settled[] {
    const out: Settled[] = [];
    const day = String(cal.reportDay).padStart(2, '0');
    for (let m = addDaysTo(`${from.slice(0, 7)}-01`, -1).slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) {
        const due = `${nextMonth(m)}-${day}`;
        if (due < from || due > to || !f.years.some((y) => y.year === Number(m.slice(0, 4)))) continue;
        const name = monthText(m);
        for (const insats of f.insatser) {
            out.push({
                key: `projektrapport:${insats.id}:${m}`,
                kind: 'projektrapport',
                due,
                title: {
                    sv: `Månadsrapport ${insats.name}, ${name.sv}`,
                    en: `Monthly report ${insats.name}, ${name.en}`,
                },
                source: {
                    sv: `Förbundets uppföljning: rapport senast den ${cal.reportDay} i månaden efter`,
                    en: `The förbund's follow-up: report by day ${cal.reportDay} of the following month`,
                },
                origin: 'plan',
                audience: { to: 'projektagare', insatsId: insats.id },
                leads: cal.reportLeadDays,
                subject: { insatsId: insats.id, month: m },
                ...(reported(insats.id, m) && { settled: { sv: 'rapporten har kommit in', en: 'the report is in' } }),
            });
        }
    }
    return out;
}

/**
 * Last month's utfall from the accounts, due on the förbund's `utfall.dueDay` of the month after, for months of the
 * plan's years; the chef is reminded once, on the day. `imported` says whether a month's utfall is in.
 */
export function utfallDeadlines(f: Forbund, from: string, to: string, imported: (month: string) => boolean): Settled[] {
    const dueDay = f.utfall?.dueDay;
    if (dueDay === undefined) return [];
    const out: Settled[] = [];
    const day = String(dueDay).padStart(2, '0');
    for (let m = addDaysTo(`${from.slice(0, 7)}-01`, -1).slice(0, 7); m <= to.slice(0, 7); m = nextMonth(m)) {
        const due = `${nextMonth(m)}-${day}`;
        if (due < from || due > to || !f.years.some((y) => y.year === Number(m.slice(0, 4)))) continue;
        const name = monthText(m);
        out.push({
            key: `utfall:${m}`,
            kind: 'utfall',
            due,
            title: { sv: `Utfall ur bokföringen för ${name.sv}`, en: `Outcome from the accounts for ${name.en}` },
            source: {
                sv: `Förbundets inställning: utfallet importeras senast den ${dueDay} i månaden efter`,
                en: `The förbund's setting: the outcome is imported by day ${dueDay} of the following month`,
            },
            origin: 'plan',
            audience: { to: 'utfall' },
            leads: [0],
            subject: { month: m },
            ...(imported(m) && { settled: { sv: 'utfallet är importerat', en: 'the outcome is imported' } }),
        });
    }
    return out;
}

/** Kallelse (7 days before, chef), the members' reminder once called, and protokoll justerat (14 days after, chef). */
export function meetingDeadlines(f: Forbund, cal: Calendar, meetings: readonly MeetingFact[]): Settled[] {
    const out: Settled[] = [];
    for (const m of meetings) {
        if (m.status === 'inställd') continue;
        const body = f.bodies.find((b) => b.id === m.bodyId);
        const name = body?.name ?? m.bodyId;
        const day = dayOf(m.startsAt);
        const when = { sv: format(new TZDate(m.startsAt.getTime(), TIME_ZONE), "d MMMM 'kl.' HH:mm", { locale: sv }) };
        const base = { origin: 'möte' as const, knownFrom: m.createdAt, subject: { meetingId: m.id } };
        out.push({
            ...base,
            key: `kallelse:${m.id}`,
            kind: 'kallelse',
            due: addDaysTo(day, -cal.kallelseDaysBefore),
            title: { sv: `Kallelse till ${name} ${when.sv}`, en: `Notice (kallelse) for ${name} on ${day}` },
            source: {
                sv: `Kallelse senast ${cal.kallelseDaysBefore} dagar före mötet (förbundsordningen)`,
                en: `Notice at least ${cal.kallelseDaysBefore} days before the meeting`,
            },
            audience: { to: 'chef' },
            leads: cal.meetingLeadDays,
            ...(m.status !== 'utkast' && { settled: { sv: 'kallelsen är skickad', en: 'the notice has been sent' } }),
        });
        if (m.status === 'kallad')
            out.push({
                ...base,
                key: `mote:${m.id}`,
                kind: 'mote',
                due: day,
                title: { sv: `${name} ${when.sv}`, en: `${name} on ${day}` },
                source: { sv: 'Kallelsen till mötet', en: 'The notice of the meeting' },
                audience: { to: 'members', bodyId: m.bodyId },
                leads: [cal.kallelseDaysBefore],
            });
        out.push({
            ...base,
            key: `protokoll:${m.id}`,
            kind: 'protokoll',
            due: addDaysTo(day, cal.protokollDaysAfter),
            title: { sv: `Protokollet från ${name} ${when.sv} justerat`, en: `Minutes of ${name} on ${day} approved` },
            source: {
                sv: `Justering inom ${cal.protokollDaysAfter} dagar (kommunal praxis)`,
                en: `Approval within ${cal.protokollDaysAfter} days (municipal practice)`,
            },
            audience: { to: 'chef' },
            leads: cal.meetingLeadDays,
        });
    }
    return out;
}
