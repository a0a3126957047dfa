import assert from 'node:assert/strict';
import nock from 'nock';
import { createLogger } from '../../src/log';
import { scheduleReminders } from '../../src/scheduler/reminder-jobs';
import type { TickReport } from '../../src/scheduler/reminders';
import { createDeadlines } from '../../src/storage/deadlines';
import { createMeetings } from '../../src/storage/meetings';
import { createReports } from '../../src/storage/reports';
import type { MonthlyReport } from '../../src/domain/reports';
import { reminderHarness, type ReminderHarness } from './reminder-harness';

const CHEFS = { fryksdalen: 'helena-vik', nedansiljan: 'malin-sjoberg' } as const;
const budgetTo = (h: ReminderHarness, conv: string) =>
    h.posted.filter((p) => p.conversation === conv && /fastställer budget 2026/.test(p.text));
const stockholm8 = (day: string) => new Date(`${day}T08:00:00+01:00`).toISOString();
const report = (month: string): MonthlyReport => {
    const g = { kvinnor: 0, man: 0, annat: 0 };
    return {
        month,
        nya: g,
        avslutade: g,
        pagaende: g,
        utfall: { arbete: 0, studier: 0, af: 0, rehab: 0, ovrigt: 0 },
        rem: {},
        dagar: 0,
        ind: {},
    };
};

describe('scheduler/reminders', function () {
    this.timeout(60_000);
    let h: ReminderHarness;
    let chefConv: Record<keyof typeof CHEFS, string>;

    before(() => nock.disableNetConnect());
    after(() => nock.enableNetConnect());
    beforeEach(() => {
        h = reminderHarness();
        chefConv = {
            fryksdalen: h.reach('fryksdalen', CHEFS.fryksdalen),
            nedansiljan: h.reach('nedansiljan', CHEFS.nedansiljan),
        };
    });
    afterEach(() => h.close());

    it('When time runs from October to December, then both chefs get the 30 november reminders at 30, 14, 7, 1 and 0 days, and only then', async () => {
        await h.run('2025-10-01T00:00:00+02:00', '2025-12-08T00:00:00+01:00', 30);
        const want = ['2025-10-31', '2025-11-16', '2025-11-23', '2025-11-29', '2025-11-30'].map(stockholm8);
        for (const id of ['fryksdalen', 'nedansiljan'] as const) {
            const got = budgetTo(h, chefConv[id]);
            assert.deepEqual(
                got.map((p) => p.at.toISOString()),
                want,
                id,
            );
            assert.ok(
                got.every((p) => !/kommer sent/.test(p.text)),
                'none is late',
            );
            assert.match(got[1].text, /om 14 dagar/);
            assert.equal(
                got[1].body.attachments[0].content.body[0].text,
                'Påminnelse: Styrelsen fastställer budget 2026',
            );
        }
    });

    it('When the budget is marked done after the 14-day reminder, then no more budget reminders go out', async () => {
        await h.run('2025-11-16T07:00:00Z', '2025-11-16T08:00:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1);
        assert.ok(createDeadlines(h.db).markDone('fryksdalen', 'budget:2025', 'Helena Vik', h.now()));
        await h.run('2025-11-16T08:00:00Z', '2025-12-02T00:00:00Z', 60);
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1, 'Fryksdalen stops');
        assert.equal(budgetTo(h, chefConv.nedansiljan).length, 4, 'Nedansiljan, not marked, carries on');
    });

    it('When the doneBy hook says the budget decision is justerad, then reminders stop and the deadline is marked done', async () => {
        h.close();
        h = reminderHarness({ doneBy: (f, d) => f.id === 'nedansiljan' && d.kind === 'budget' });
        chefConv = {
            fryksdalen: h.reach('fryksdalen', CHEFS.fryksdalen),
            nedansiljan: h.reach('nedansiljan', CHEFS.nedansiljan),
        };
        await h.tick('2025-11-23T07:00:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1);
        assert.equal(budgetTo(h, chefConv.nedansiljan).length, 0);
        const row = h.db
            .prepare("SELECT done_by FROM deadlines WHERE forbund_id = 'nedansiljan' AND key = 'budget:2025'")
            .get();
        assert.deepEqual(row, { done_by: 'beslut' });
    });

    it('When the bot restarts after a send, then the recorded success is not sent again', async () => {
        await h.tick('2025-11-16T07:00:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1);
        h.reopen();
        await h.tick('2025-11-16T07:15:00Z');
        await h.tick('2025-11-16T12:00:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1);
        const rows = h.db
            .prepare(
                "SELECT state, attempts FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.key = 'budget:2025' AND d.forbund_id = 'fryksdalen'",
            )
            .all();
        assert.deepEqual(rows, [{ state: 'sent', attempts: 1 }]);
    });

    it('When a send was interrupted between claim and commit, then after restart it is sent once more and the possible repeat is logged', async () => {
        await h.tick('2025-11-16T07:00:00Z');
        const id = h.db
            .prepare(
                "SELECT r.id FROM reminders r JOIN deadlines d ON d.id = r.deadline_id WHERE d.key = 'budget:2025' AND d.forbund_id = 'fryksdalen'",
            )
            .pluck()
            .get() as number;
        // As if the process died after the connector accepted it but before the result was recorded.
        h.db.exec('DROP TRIGGER reminders_sent_kept');
        h.db
            .prepare(
                "UPDATE reminders SET state = 'pending', claimed_at = '2025-11-16T07:00:01Z', sent_at = NULL WHERE id = ?",
            )
            .run(id);
        h.reopen();
        await h.tick('2025-11-16T07:15:00Z');
        assert.ok(h.logs.some((l) => /interrupted/.test(l.msg) && l.reminderId === id));
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 2, 'the one repeat the crash window allows');
        await h.tick('2025-11-16T07:30:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 2);
        assert.deepEqual(h.db.prepare('SELECT state, claimed_at FROM reminders WHERE id = ?').get(id), {
            state: 'sent',
            claimed_at: null,
        });
    });

    it('When two bot processes on one database tick at the same moment, then each reminder is sent once', async () => {
        const other = h.twin();
        const both = await Promise.all([h.tick('2025-11-16T07:00:00Z'), other.tick(h.now())]);
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 1);
        assert.equal(budgetTo(h, chefConv.nedansiljan).length, 1);
        // Only reminders have a claim; the chef's notices rely on the instance lock keeping a second bot away.
        const sent = h.posted.filter((p) => /Påminnelse:/.test(p.text)).map((p) => `${p.conversation} ${p.text}`);
        assert.deepEqual(sent, [...new Set(sent)], 'no reminder arrived twice');
        assert.equal(both[0].sent + both[1].sent, sent.length, 'each send counted by the one that made it');
    });

    it('When the bot was down over two lead times, then one late reminder is sent for the latest, once', async () => {
        await h.tick('2025-10-31T07:00:00Z');
        await h.tick('2025-11-24T09:30:00Z');
        await h.tick('2025-11-24T09:45:00Z');
        const got = budgetTo(h, chefConv.fryksdalen);
        assert.equal(got.length, 2);
        assert.match(got[1].text, /kommer sent: den skulle ha kommit 23 november kl\. 08:00/);
        assert.match(got[1].text, /om 6 dagar/);
        await h.tick('2025-11-29T07:00:00Z');
        assert.equal(budgetTo(h, chefConv.fryksdalen).length, 3);
        assert.doesNotMatch(budgetTo(h, chefConv.fryksdalen)[2].text, /kommer sent/);
    });

    it('When a monthly report is missing, then its projektägare gets the form; when it is present, then nothing', async () => {
        const robert = h.reach('nedansiljan', 'robert-falk');
        const tomas = h.reach('fryksdalen', 'tomas-as');
        createReports(h.db).insert({
            forbundId: 'fryksdalen',
            insatsId: 'navet',
            report: report('2025-10'),
            submittedBy: 'tomas-as',
            at: h.now(),
        });
        await h.run('2025-11-10T06:00:00Z', '2025-11-14T00:00:00Z', 60);
        const toRobert = h.posted.filter((p) => p.conversation === robert);
        assert.deepEqual(
            toRobert.map((p) => p.at.toISOString()),
            ['2025-11-10T07:00:00.000Z', '2025-11-13T07:00:00.000Z'],
        );
        const form = toRobert[0].body.attachments[0].content;
        assert.match(form.body[0].text, /Månadsrapport Rehabilitering/);
        assert.equal(form.actions[0].verb, 'report.submit');
        assert.match(form.actions[0].data.key, /^report:nedansiljan:roa:2025-10\|0\|/);
        assert.equal(h.posted.filter((p) => p.conversation === tomas).length, 0);
    });

    it('When a meeting is created, then the chef is reminded of its kallelse; once called, the members are reminded and the unreachable listed', async () => {
        const chef = h.roster.bySlug('fryksdalen', CHEFS.fryksdalen);
        const anders = h.reach('fryksdalen', 'anders-berg');
        await h.tick('2025-11-20T09:00:00Z');
        const meetings = createMeetings(h.db, h.now);
        const m = meetings.create(
            {
                forbundId: 'fryksdalen',
                bodyId: 'styrelse',
                createdBy: chef.id,
                items: [],
                startsAt: new Date('2025-12-12T12:00:00Z'),
            },
            'helena-vik',
        );
        await h.run('2025-11-20T10:00:00Z', '2025-11-29T00:00:00Z', 60);
        const kallelse = h.posted.filter(
            (p) => p.conversation === chefConv.fryksdalen && /Kallelse till Styrelse/.test(p.text),
        );
        assert.deepEqual(
            kallelse.map((p) => p.at.toISOString()),
            ['2025-11-28T07:00:00.000Z'],
        );
        assert.match(kallelse[0].text, /skicka kallelse/);
        meetings.markCalled(m.id, 'helena-vik');
        await h.run('2025-11-29T00:00:00Z', '2025-12-06T00:00:00Z', 60);
        assert.equal(
            h.posted.filter((p) => /Kallelse till Styrelse/.test(p.text)).length,
            1,
            'no kallelse reminder after it was sent',
        );
        const toAnders = h.posted.filter((p) => p.conversation === anders);
        assert.deepEqual(
            toAnders.map((p) => p.at.toISOString()),
            ['2025-12-05T07:00:00.000Z'],
        );
        const notices = h.posted.filter((p) => p.conversation === chefConv.fryksdalen && /inte kom fram/.test(p.text));
        assert.equal(notices.length, 1, 'the chef is told once');
        assert.match(
            notices[0].text,
            /Lena Strand \(Styrelse.*\): jag når inte Lena Strand i Teams\. Be hen öppna boten i Teams en gång/,
        );
        assert.doesNotMatch(notices[0].text, /Anders Berg/);
    });

    it('When the connector keeps failing, then the reminder stays pending, the chef is told once, and the next tick delivers it', async () => {
        const robert = h.reach('nedansiljan', 'robert-falk');
        h.failing.set(robert, 503);
        const first = await h.tick('2025-11-10T07:00:00Z');
        assert.equal(first.pending, 1);
        const row = h.db
            .prepare(
                "SELECT state, attempts, last_error FROM reminders WHERE person_id = (SELECT id FROM people WHERE slug = 'robert-falk')",
            )
            .get() as Record<string, unknown>;
        assert.deepEqual({ state: row.state, attempts: row.attempts }, { state: 'pending', attempts: 5 });
        const told = h.posted.filter((p) => p.conversation === chefConv.nedansiljan && /inte kom fram/.test(p.text));
        assert.equal(told.length, 1);
        assert.match(told[0].text, /Robert Falk.*försöker igen vid nästa kontroll/);
        await h.tick('2025-11-10T07:15:00Z');
        assert.equal(
            h.posted.filter((p) => p.conversation === chefConv.nedansiljan && /inte kom fram/.test(p.text)).length,
            1,
        );
        h.failing.delete(robert);
        const third = await h.tick('2025-11-10T07:30:00Z');
        assert.equal(third.sent, 1);
        assert.equal(h.posted.filter((p) => p.conversation === robert).length, 1);
    });

    it("When the recipients use Teams in English, then reminders and the chef's notice come in English; sv-SE stays Swedish", async () => {
        h.close();
        h = reminderHarness();
        const chef = h.reach('nedansiljan', CHEFS.nedansiljan, 'en-US');
        const robert = h.reach('nedansiljan', 'robert-falk', 'en-GB');
        const swedish = h.reach('fryksdalen', CHEFS.fryksdalen, 'sv-SE');
        h.failing.set(robert, 503);
        await h.tick('2025-11-16T07:00:00Z');
        const budget = h.posted.find((p) => p.conversation === chef && /budget/i.test(p.text))!;
        assert.match(budget.text, /^\*\*Reminder: .*2026.*\*\*\n\nDue Sunday 30 November 2025 – in 14 days\./);
        assert.match(budget.text, /Write "the budget is adopted" to me/);
        const facts = budget.body.attachments[0].content.body.find((e: { type: string }) => e.type === 'FactSet');
        assert.deepEqual(
            facts.facts.map((f: { title: string }) => f.title),
            ['Date', 'Source'],
        );
        const notice = h.posted.find((p) => p.conversation === chef && /did not get through/.test(p.text))!;
        assert.match(
            notice.text,
            /Robert Falk .*: could not be sent just now \(.*\)\. I will try again at the next check/,
        );
        const sv = h.posted.find((p) => p.conversation === swedish && /budget/i.test(p.text))!;
        assert.match(sv.text, /Senast söndag 30 november 2025 – om 14 dagar\./);
    });

    it('When the connector refuses for good (403), then the reminder is failed and not tried again', async () => {
        const robert = h.reach('nedansiljan', 'robert-falk');
        h.failing.set(robert, 403);
        const first = await h.tick('2025-11-10T07:00:00Z');
        assert.equal(first.failed, 1);
        h.failing.delete(robert);
        await h.tick('2025-11-10T07:15:00Z');
        assert.equal(h.posted.filter((p) => p.conversation === robert).length, 0);
        const told = h.posted.filter((p) => p.conversation === chefConv.nedansiljan && /inte kom fram/.test(p.text));
        assert.equal(told.length, 1);
        assert.match(told[0].text, /Robert Falk .*Teams tog inte emot påminnelsen \(HTTP 403/);
    });

    it('When the schedule starts, then it ticks at once, the next tick is within 15 minutes, and stop waits for a running tick', async () => {
        const ticks: Date[] = [];
        let finish: () => void = () => undefined;
        const report: TickReport = { planned: 0, sent: 0, pending: 0, failed: 0, unreachable: 0, notices: 0 };
        let running: Promise<TickReport> | undefined;
        const service = {
            tick: (now: Date) => {
                ticks.push(now);
                running = new Promise<TickReport>((r) => (finish = () => r(report)));
                return running;
            },
            idle: async () => void (await running),
        };
        const job = scheduleReminders(service, { log: createLogger('silent') });
        assert.equal(ticks.length, 1);
        const next = job.nextRun()!.getTime() - Date.now();
        assert.ok(next > 0 && next <= 15 * 60_000, `next tick in ${next} ms`);
        let stopped = false;
        const stopping = job.stop().then(() => (stopped = true));
        await new Promise((r) => setTimeout(r, 20));
        assert.equal(stopped, false, 'stop waits for the running tick');
        finish();
        await stopping;
        assert.equal(job.nextRun(), undefined);
    });
});
