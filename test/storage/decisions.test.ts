import assert from 'node:assert/strict';
import { join } from 'node:path';
import { skeleton } from '../../src/domain/meetings-agenda';
import type { Protokoll } from '../../src/domain/protokoll';
import { openDb, type Db } from '../../src/storage/db';
import { createPerCapsulam } from '../../src/storage/decision-per-capsulam';
import { createProtokoll } from '../../src/storage/decision-protokoll';
import { createDecisions, type NewDecision } from '../../src/storage/decisions';
import { createMeetings } from '../../src/storage/meetings';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';
import { tempDir } from '../helpers/temp-dir';

const f = forbund('fryksdalen');
const styrelse = f.bodies.find((b) => b.kind === 'styrelse')!;
const NOW = new Date('2025-12-12T13:00:00Z');

describe('decisions repositories', () => {
    let tmp: ReturnType<typeof tempDir>;
    let db: Db;
    const open = () => {
        db = openDb(join(tmp.dir, 'd.sqlite'));
        const roster = createRoster(db, () => NOW);
        roster.seedOnce(f.id, f.roster);
        return {
            meetings: createMeetings(db, () => NOW),
            decisions: createDecisions(db, () => NOW),
            protokoll: createProtokoll(db, () => NOW),
            pc: createPerCapsulam(db, () => NOW),
            person: (slug: string) => roster.bySlug(f.id, slug).id,
        };
    };
    type Repos = ReturnType<typeof open>;
    const meeting = (r: Repos, startsAt: string) =>
        r.meetings.create(
            {
                forbundId: f.id,
                bodyId: styrelse.id,
                createdBy: r.person('helena-vik'),
                items: skeleton(f, styrelse, Number(startsAt.slice(0, 4))),
                startsAt: new Date(startsAt),
            },
            'helena-vik',
        );
    const decision = (r: Repos, meetingId: number, itemId: number, by = 'helena-vik'): NewDecision => ({
        meetingId,
        itemId,
        outcome: 'bifall',
        text: 'Styrelsen beslutar att godkänna dagordningen.',
        jav: [r.person('ingrid-fors')],
        reservationer: [r.person('anders-berg')],
        recordedBy: r.person(by),
    });
    const protokoll = (meetingId: number): Protokoll => ({
        meetingId,
        forbund: f.name,
        body: styrelse.name,
        startsAt: NOW.toISOString(),
        present: { ledamoter: [], serving: [], attendingOnly: [], absent: [], others: [] },
        justerare: [{ personId: 1, name: 'X' }],
        paragraphs: [],
    });
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => {
        db.close();
        tmp.cleanup();
    });

    it('When two people record the same item expecting no decision, then the first wins and the second gets it back', () => {
        const r = open();
        const m = meeting(r, '2025-12-12T12:00:00Z');
        const item = r.meetings.items(m.id)[2].id;
        const first = r.decisions.record(decision(r, m.id, item), 0, f.id, 'helena-vik');
        const second = r.decisions.record(decision(r, m.id, item, 'eva-bjork'), 0, f.id, 'eva-bjork');
        assert.ok(first.ok);
        assert.ok(!second.ok);
        assert.equal(second.current.recordedBy, r.person('helena-vik'));
        const amended = r.decisions.record(
            { ...decision(r, m.id, item), outcome: 'avslag', text: 'Avslag.' },
            1,
            f.id,
            'x',
        );
        assert.ok(amended.ok && amended.decision.version === 2);
        const latest = r.decisions.forMeeting(m.id).get(item)!;
        assert.deepEqual(
            [latest.outcome, latest.jav, latest.reservationer],
            ['avslag', [r.person('ingrid-fors')], [r.person('anders-berg')]],
        );
        assert.equal(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'decision.record'").pluck().get(), 2);
    });

    it('When a decision, protokoll version, justering or vote row is updated or deleted, then the database refuses', () => {
        const r = open();
        const m = meeting(r, '2025-12-12T12:00:00Z');
        r.decisions.record(decision(r, m.id, r.meetings.items(m.id)[2].id), 0, f.id, 'x');
        r.protokoll.close(m, 2025, new Map(), () => protokoll(m.id), 1, 'x');
        r.protokoll.addEvent(m, 1, 1, 'justerat', undefined, 'x');
        for (const sql of [
            "UPDATE decisions SET text = 'x'",
            'DELETE FROM decisions',
            "UPDATE protokoll_versions SET data = '{}'",
            'DELETE FROM protokoll_versions',
            "UPDATE justering SET action = 'ändring'",
            'DELETE FROM justering',
        ])
            assert.throws(() => db.exec(sql), /never/, sql);
    });

    it('When meetings are closed, then § numbers run per body and calendar year and a second close is refused', () => {
        const r = open();
        const [m1, m2, m3] = ['2025-03-01T12:00:00Z', '2025-12-12T12:00:00Z', '2026-02-05T12:00:00Z'].map((d) =>
            meeting(r, d),
        );
        const close = (m: typeof m1, year: number) => {
            const ids = r.meetings.items(m.id).map((x) => x.id);
            const last = r.protokoll.lastNumber(f.id, styrelse.id, year);
            return r.protokoll.close(
                m,
                year,
                new Map(ids.map((id, i) => [id, last + i + 1])),
                () => protokoll(m.id),
                1,
                'x',
            );
        };
        assert.equal(close(m1, 2025), true);
        assert.equal(close(m2, 2025), true);
        assert.equal(close(m3, 2026), true);
        assert.equal(close(m1, 2025), false);
        assert.deepEqual([...r.protokoll.paragraphs(m2.id).values()], [9, 10, 11, 12, 13, 14, 15, 16]);
        assert.deepEqual([...r.protokoll.paragraphs(m3.id).values()].slice(0, 2), [1, 2]);
        assert.deepEqual(r.protokoll.findParagraph(f.id, undefined, 9, 2025), {
            meetingId: m2.id,
            itemId: r.meetings.items(m2.id)[0].id,
        });
        assert.deepEqual(r.protokoll.closedMeetings(f.id), [m3.id, m2.id, m1.id]);
        assert.equal(r.meetings.get(m1.id)!.status, 'stängd');
    });

    it('When the protokoll is edited and justerat, then versions and events survive reopening the database', () => {
        let r = open();
        const m = meeting(r, '2025-12-12T12:00:00Z');
        r.protokoll.close(m, 2025, new Map(), () => protokoll(m.id), 1, 'x');
        r.protokoll.addEvent(m, 1, 1, 'ändring', 'Rätta § 7', 'x');
        assert.equal(r.protokoll.addVersion(m, { ...protokoll(m.id), place: 'Sunne' }, 'rättat', 1, 'x'), 2);
        r.protokoll.addEvent(m, 2, 1, 'justerat', undefined, 'x');
        db.close();
        r = open();
        assert.equal(r.protokoll.latest(m.id)!.data.place, 'Sunne');
        assert.deepEqual(
            r.protokoll.events(m.id).map((e) => [e.version, e.action, e.comment]),
            [
                [1, 'ändring', 'Rätta § 7'],
                [2, 'justerat', undefined],
            ],
        );
    });

    it('When a per capsulam result is settled twice, then it is stored once and reported once', () => {
        const r = open();
        const m = meeting(r, '2026-02-05T12:00:00Z');
        const voters = [{ part: 'kil', personId: r.person('anders-berg') }];
        const id = r.pc.create(
            {
                forbundId: f.id,
                bodyId: styrelse.id,
                title: 'T',
                proposal: 'Att …',
                deadline: new Date('2025-12-19T11:00:00Z'),
                voters,
                createdBy: r.person('helena-vik'),
            },
            'x',
        );
        const p = r.pc.get(id)!;
        r.pc.vote(p, 'kil', r.person('anders-berg'), 'nej', 'x');
        r.pc.vote(p, 'kil', r.person('anders-berg'), 'ja', 'x');
        assert.deepEqual(
            r.pc.votes(id).map((v) => v.answer),
            ['nej', 'ja'],
        );
        const at = new Date('2025-12-17T09:30:00Z');
        assert.equal(r.pc.settle(p, true, { ja: 1, nej: 0, avstar: 0, missing: 0 }, at), true);
        assert.equal(r.pc.settle(p, false, { ja: 0, nej: 1, avstar: 0, missing: 0 }, new Date()), false);
        assert.equal(r.pc.result(id)!.adopted, true);
        assert.equal(r.pc.result(id)!.settledAt.toISOString(), at.toISOString());
        assert.deepEqual(r.pc.result(id)!.register, { number: 1, year: 2025 });
        assert.equal(r.pc.unreported(f.id, styrelse.id).length, 1);
        r.pc.markReported(id, r.meetings.items(m.id)[0].id);
        assert.equal(r.pc.unreported(f.id, styrelse.id).length, 0);
        assert.throws(() => db.exec('DELETE FROM per_capsulam_votes'), /never/);
    });
});
