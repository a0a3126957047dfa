import assert from 'node:assert/strict';
import {
    addDaysTo,
    calendarOf,
    dueReminder,
    fireAt,
    isDay,
    meetingDeadlines,
    planningWindow,
    reminderTimes,
    reportDeadlines,
    yearlyDeadlines,
    type Deadline,
    type MeetingFact,
} from '../../src/domain/deadlines';
import { forbund, rawForbund } from './load';
import { parseForbund } from '../../src/domain';

const fryksdalen = forbund('fryksdalen');
const nedansiljan = forbund('nedansiljan');
const at = (iso: string) => new Date(iso);

describe('domain/deadlines', () => {
    describe('calendar', () => {
        const cases = [
            {
                name: 'Fryksdalen (plan follows up through delårsrapport)',
                f: fryksdalen,
                delars: '08-31',
                samrad: '10-31',
            },
            { name: 'Nedansiljan (no delårsrapport in its plan)', f: nedansiljan, delars: undefined, samrad: '10-31' },
        ];
        for (const c of cases)
            it(`When ${c.name} has no calendar in its data file, then samråd is ${c.samrad} and delårsrapport ${c.delars ?? 'absent'}`, () => {
                const cal = calendarOf(c.f);
                assert.equal(cal.samradBy, c.samrad);
                assert.equal(cal.delarsrapport, c.delars);
                assert.deepEqual(cal.leadDays, [30, 14, 7, 1, 0]);
                assert.deepEqual(cal.reportLeadDays, [0, -3]);
                assert.equal(cal.reportDay, 10);
            });

        it('When the data file sets calendar.samradBy and delarsrapport, then those dates are used', () => {
            const raw = rawForbund('nedansiljan');
            const f = parseForbund({ ...raw, calendar: { samradBy: '10-15', delarsrapport: '09-15' } }, 'x.json');
            const keys = yearlyDeadlines(f, calendarOf(f), 2026).map((d) => `${d.key}@${d.due}`);
            assert.ok(keys.includes('samrad:2026@2026-10-15'), keys.join());
            assert.ok(keys.includes('delarsrapport:2026@2026-09-15'), keys.join());
        });

        it('When the data file sets Indikatorer, Uppföljning Finsam, the report day and lead times, then they are used', () => {
            const raw = rawForbund('fryksdalen');
            const calendar = { indikatorer: '05-15', uppfoljningFinsam: '02-01', reportDay: 12, leadDays: [21, 3] };
            const cal = calendarOf(parseForbund({ ...raw, calendar }, 'x.json'));
            assert.equal(cal.indikatorer, '05-15');
            assert.equal(cal.uppfoljningFinsam, '02-01');
            assert.equal(cal.reportDay, 12);
            assert.deepEqual(cal.leadDays, [21, 3]);
        });

        it('When an existing data file still has the old calendar key sus, then it loads as Uppföljning Finsam', () => {
            const raw = rawForbund('fryksdalen');
            const f = parseForbund({ ...raw, calendar: { sus: '02-15' } }, 'x.json');
            assert.equal(calendarOf(f).uppfoljningFinsam, '02-15');
            const d = yearlyDeadlines(f, calendarOf(f), 2025).find((x) => x.kind === 'uppfoljning-finsam')!;
            assert.equal(d.key, 'uppfoljning-finsam:2025');
            assert.match(d.title.sv, /^Uppföljning Finsam: insatser och deltagare 2025/);
            assert.doesNotMatch(JSON.stringify(d), /"SUS|SUS:/);
            assert.throws(
                () => parseForbund({ ...raw, calendar: { sus: '02-15', uppfoljningFinsam: '03-01' } }, 'x.json'),
                /old name/,
            );
        });

        it('When the data file has an unknown calendar key, then loading fails naming it', () => {
            const raw = rawForbund('fryksdalen');
            assert.throws(() => parseForbund({ ...raw, calendar: { samradby: '10-31' } }, 'x.json'), /calendar/);
        });

        it('When a calendar value is malformed, then calendarOf throws a zod error instead of guessing', () => {
            assert.throws(() => calendarOf(nedansiljan, { samradBy: '31-10' }), /MM-DD/);
        });
    });

    describe('yearly deadlines', () => {
        const table: { f: typeof fryksdalen; extra?: object; keys: string[] }[] = [
            {
                f: fryksdalen,
                keys: [
                    'samrad:2025@2025-10-31',
                    'budget:2025@2025-11-30',
                    'arsredovisning:2025@2025-03-31',
                    'delarsrapport:2025@2025-08-31',
                ],
            },
            {
                f: nedansiljan,
                keys: ['samrad:2025@2025-10-31', 'budget:2025@2025-11-30', 'arsredovisning:2025@2025-03-31'],
            },
            {
                f: nedansiljan,
                extra: { indikatorer: '04-30', uppfoljningFinsam: '01-31' },
                keys: [
                    'samrad:2025@2025-10-31',
                    'budget:2025@2025-11-30',
                    'arsredovisning:2025@2025-03-31',
                    'indikatorer:2025@2025-04-30',
                    'uppfoljning-finsam:2025@2025-01-31',
                ],
            },
        ];
        for (const c of table)
            it(`When ${c.f.id}${c.extra ? ' with Indikatorer and Uppföljning Finsam configured' : ''} is asked for 2025, then it has ${c.keys.length} deadlines`, () => {
                const got = yearlyDeadlines(c.f, calendarOf(c.f, c.extra), 2025).map((d) => `${d.key}@${d.due}`);
                assert.deepEqual(got, c.keys);
            });

        it('When the budget deadline is built, then it names next year, cites 23 § and goes to the chef', () => {
            const budget = yearlyDeadlines(nedansiljan, calendarOf(nedansiljan), 2025).find(
                (d) => d.kind === 'budget',
            )!;
            assert.equal(budget.title.sv, 'Styrelsen fastställer budget 2026');
            assert.match(budget.source.sv, /^23 § lag \(2003:1210\)/);
            assert.deepEqual(budget.audience, { to: 'chef' });
            assert.equal(budget.origin, 'lag');
        });
    });

    describe('days and lead times', () => {
        it('When a reminder falls in summer or winter time, then it goes out at 08:00 Stockholm time', () => {
            assert.equal(fireAt('2025-03-31', 0, 8).toISOString(), '2025-03-31T06:00:00.000Z');
            assert.equal(fireAt('2025-11-30', 14, 8).toISOString(), '2025-11-16T07:00:00.000Z');
            assert.equal(fireAt('2025-03-31', 1, 8).toISOString(), '2025-03-30T06:00:00.000Z'); // DST starts 30 March
        });

        it('When days are added across month and year ends, then the calendar day is right', () => {
            assert.equal(addDaysTo('2025-11-30', -30), '2025-10-31');
            assert.equal(addDaysTo('2025-12-31', 1), '2026-01-01');
            assert.equal(isDay('2025-02-29'), false);
            assert.equal(isDay('2024-02-29'), true);
        });

        const budget = yearlyDeadlines(fryksdalen, calendarOf(fryksdalen), 2025).find((d) => d.kind === 'budget')!;
        const cal = calendarOf(fryksdalen);
        const due: { now: string; want?: { lead: number; late: boolean }; why: string }[] = [
            { now: '2025-10-31T06:59:59Z', why: 'before the first lead time' },
            { now: '2025-10-31T07:00:00Z', want: { lead: 30, late: false }, why: 'at 30 days before' },
            { now: '2025-11-16T07:10:00Z', want: { lead: 14, late: false }, why: 'a tick after 14 days before' },
            {
                now: '2025-11-24T09:00:00Z',
                want: { lead: 7, late: true },
                why: 'after downtime over 14 and 7: only 7, late',
            },
            { now: '2025-11-30T07:00:00Z', want: { lead: 0, late: false }, why: 'on the day' },
            {
                now: '2025-12-07T06:59:00Z',
                want: { lead: 0, late: true },
                why: 'a week after the day, still within grace',
            },
            { now: '2025-12-07T07:01:00Z', why: 'more than the grace days after the last one' },
        ];
        for (const c of due)
            it(`When it is ${c.now} (${c.why}), then ${c.want ? `lead ${c.want.lead}${c.want.late ? ', late,' : ''} is due` : 'nothing is due'}`, () => {
                const got = dueReminder(budget, cal, at(c.now));
                assert.deepEqual(got && { lead: got.lead, late: got.late }, c.want);
            });

        it('When a deadline became known after a lead time, then that lead time is never sent', () => {
            const d: Deadline = { ...budget, knownFrom: at('2025-11-20T10:00:00Z') };
            assert.equal(dueReminder(d, cal, at('2025-11-20T11:00:00Z')), undefined);
            assert.deepEqual(dueReminder(d, cal, at('2025-11-23T07:00:00Z'))?.lead, 7);
        });

        it('When the budget reminders are listed, then they are 30, 14, 7, 1 days before and on 30 november', () => {
            assert.deepEqual(
                reminderTimes(budget, cal).map((t) => t.at.toISOString()),
                ['2025-10-31', '2025-11-16', '2025-11-23', '2025-11-29', '2025-11-30'].map((d) => `${d}T07:00:00.000Z`),
            );
        });

        it('When the planning window is computed, then it reaches back past grace and ahead the longest lead', () => {
            assert.deepEqual(planningWindow(cal, '2025-11-16'), { from: '2025-11-06', to: '2025-12-16' });
        });
    });

    describe('monthly reports', () => {
        const cal = calendarOf(nedansiljan);
        it('When October 2025 is not reported, then the RoA report is due 10 November and nudged then and 3 days after', () => {
            const [d] = reportDeadlines(nedansiljan, cal, '2025-11-01', '2025-11-30', () => false);
            assert.equal(d.key, 'projektrapport:roa:2025-10');
            assert.equal(d.due, '2025-11-10');
            assert.deepEqual(d.audience, { to: 'projektagare', insatsId: 'roa' });
            assert.equal(d.settled, undefined);
            assert.deepEqual(
                reminderTimes(d, cal).map((t) => t.at.toISOString().slice(0, 10)),
                ['2025-11-10', '2025-11-13'],
            );
        });
        it('When the month is reported, then the deadline is settled', () => {
            const [d] = reportDeadlines(
                nedansiljan,
                cal,
                '2025-11-01',
                '2025-11-30',
                (i, m) => i === 'roa' && m === '2025-10',
            );
            assert.equal(d.settled?.sv, 'rapporten har kommit in');
        });
        it('When the report day is configured to 5, then the due day moves', () => {
            const [d] = reportDeadlines(
                nedansiljan,
                calendarOf(nedansiljan, { reportDay: 5 }),
                '2025-11-01',
                '2025-11-30',
                () => false,
            );
            assert.equal(d.due, '2025-11-05');
        });
        it('When the month lies outside the plan years, then there is no report deadline', () => {
            assert.deepEqual(
                reportDeadlines(nedansiljan, cal, '2024-06-01', '2024-06-30', () => false),
                [],
            );
        });
    });

    describe('meetings', () => {
        const cal = calendarOf(fryksdalen);
        const meeting = (status: MeetingFact['status']): MeetingFact => ({
            id: 7,
            bodyId: 'styrelse',
            startsAt: at('2025-12-12T12:00:00Z'),
            status,
            createdAt: at('2025-11-20T09:00:00Z'),
        });
        const table: { status: MeetingFact['status']; keys: string[]; kallelseSettled: boolean }[] = [
            { status: 'utkast', keys: ['kallelse:7@2025-12-05', 'protokoll:7@2025-12-26'], kallelseSettled: false },
            {
                status: 'kallad',
                keys: ['kallelse:7@2025-12-05', 'mote:7@2025-12-12', 'protokoll:7@2025-12-26'],
                kallelseSettled: true,
            },
            { status: 'inställd', keys: [], kallelseSettled: false },
        ];
        for (const c of table)
            it(`When a styrelse meeting on 12 December is ${c.status}, then its deadlines are ${c.keys.join(', ') || 'none'}`, () => {
                const ds = meetingDeadlines(fryksdalen, cal, [meeting(c.status)]);
                assert.deepEqual(
                    ds.map((d) => `${d.key}@${d.due}`),
                    c.keys,
                );
                const kallelse = ds.find((d) => d.kind === 'kallelse');
                if (kallelse) assert.equal(!!kallelse.settled, c.kallelseSettled);
            });
        it('When the members are reminded, then it is once, on the kallelse day, and the meeting existed before', () => {
            const mote = meetingDeadlines(fryksdalen, cal, [meeting('kallad')]).find((d) => d.kind === 'mote')!;
            assert.deepEqual(mote.audience, { to: 'members', bodyId: 'styrelse' });
            assert.deepEqual(
                reminderTimes(mote, cal).map((t) => t.at.toISOString()),
                ['2025-12-05T07:00:00.000Z'],
            );
            assert.equal(mote.knownFrom?.toISOString(), '2025-11-20T09:00:00.000Z');
        });
    });
});
