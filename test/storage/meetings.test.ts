import assert from 'node:assert/strict';
import { join } from 'node:path';
import { skeleton } from '../../src/domain/meetings-agenda';
import { openDb, type Db } from '../../src/storage/db';
import { createMeetings } from '../../src/storage/meetings';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';
import { tempDir } from '../helpers/temp-dir';

const f = forbund('fryksdalen');
const styrelse = f.bodies.find((b) => b.kind === 'styrelse')!;
const NOW = new Date('2025-11-20T10:00:00Z');
const DEC_12 = new Date('2025-12-12T12:00:00Z');

describe('meetings repository', () => {
    let tmp: ReturnType<typeof tempDir>;
    let db: Db;
    const open = () => {
        db = openDb(join(tmp.dir, 'm.sqlite'));
        const roster = createRoster(db, () => NOW);
        roster.seedOnce(f.id, f.roster);
        return { meetings: createMeetings(db, () => NOW), person: (slug: string) => roster.bySlug(f.id, slug).id };
    };
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => {
        db.close();
        tmp.cleanup();
    });

    const create = (r: ReturnType<typeof open>, startsAt = DEC_12) =>
        r.meetings.create(
            {
                forbundId: f.id,
                bodyId: styrelse.id,
                startsAt,
                place: 'Kommunhuset',
                createdBy: r.person('helena-vik'),
                items: skeleton(f, styrelse, 2025),
            },
            'helena-vik',
        );

    it('When a meeting is created from the skeleton, then its items are numbered 1..8 and it is a draft', () => {
        const r = open();
        const m = create(r);
        assert.equal(m.status, 'utkast');
        assert.equal(m.startsAt.toISOString(), DEC_12.toISOString());
        const items = r.meetings.items(m.id);
        assert.deepEqual(
            items.map((i) => i.number),
            [1, 2, 3, 4, 5, 6, 7, 8],
        );
        assert.equal(items[1].slot, 'justerare');
        assert.match(items[3].details!, /Budget 2025/);
    });

    it('When items are added, edited, moved and removed, then every change bumps the version and numbers follow', () => {
        const r = open();
        const m = create(r);
        const v0 = r.meetings.version(m.id)!;
        const id = r.meetings.addItem(m.id, { kind: 'beslut', title: 'Budget 2026', proposal: 'Att godkänna' }, 6, 'x');
        assert.equal(r.meetings.item(m.id, id)!.number, 7);
        assert.equal(r.meetings.items(m.id).at(-2)!.title, 'Övriga frågor');
        const links = [{ title: 'Underlag', url: 'https://example.invalid/a.pdf' }];
        assert.equal(
            r.meetings.updateItem(m.id, id, { kind: 'beslut', title: 'Budget 2026 och 2027', links }, 'x'),
            true,
        );
        assert.deepEqual(r.meetings.item(m.id, id)!.links, links);
        const order = r.meetings.items(m.id).map((i) => i.id);
        [order[5], order[6]] = [order[6], order[5]];
        r.meetings.reorder(m.id, order, 'x');
        assert.equal(r.meetings.item(m.id, id)!.number, 6);
        assert.equal(r.meetings.removeItem(m.id, id, 'x'), true);
        assert.equal(r.meetings.item(m.id, id), undefined);
        assert.equal(r.meetings.removeItem(m.id, id, 'x'), false, 'removing twice changes nothing');
        assert.deepEqual(
            r.meetings.items(m.id).map((i) => i.number),
            [1, 2, 3, 4, 5, 6, 7, 8],
        );
        assert.equal(r.meetings.version(m.id), v0 + 4);
        const kept = db.prepare('SELECT removed_at FROM agenda_items WHERE id = ?').get(id) as { removed_at: string };
        assert.equal(kept.removed_at, NOW.toISOString(), 'a removed item is hidden, not deleted');
    });

    it('When a member answers twice, then the second answer replaces the first and attendance keeps the version', () => {
        const r = open();
        const m = create(r);
        const v = r.meetings.version(m.id);
        const anders = r.person('anders-berg');
        assert.equal(r.meetings.answer(m.id, anders, 'kommer'), undefined);
        assert.equal(r.meetings.answer(m.id, anders, 'förhinder'), 'kommer');
        assert.deepEqual(
            r.meetings.answers(m.id).map((a) => [a.personId, a.answer]),
            [[anders, 'förhinder']],
        );
        assert.equal(r.meetings.version(m.id), v);
    });

    it('When justerare, a posted card and the kallelse are recorded, then they all survive reopening the database', () => {
        let r = open();
        const m = create(r);
        const [a, b, c] = ['anders-berg', 'lena-strand', 'johan-strom'].map(r.person);
        r.meetings.setJusterare(m.id, [a, b], r.person('helena-vik'), 'helena-vik');
        r.meetings.setJusterare(m.id, [a, c], r.person('helena-vik'), 'helena-vik');
        r.meetings.answer(m.id, a, 'kommer');
        const v = r.meetings.version(m.id);
        r.meetings.recordCard(m.id, '19:chan', 'act-1', r.person('helena-vik'));
        r.meetings.markCalled(m.id, 'helena-vik');
        assert.equal(r.meetings.version(m.id), v, 'calling does not make the posted card stale');
        db.close();
        r = open();
        assert.deepEqual(r.meetings.justerare(m.id), [a, c]);
        assert.deepEqual(r.meetings.cards(m.id), [{ conversationId: '19:chan', activityId: 'act-1' }]);
        assert.equal(r.meetings.get(m.id)!.status, 'kallad');
        assert.equal(r.meetings.answers(m.id)[0].answer, 'kommer');
    });

    it('When upcoming meetings are listed, then earlier, closed and other bodies\u2019 meetings are left out', () => {
        const r = open();
        const dec = create(r);
        const jan = create(r, new Date('2026-01-15T12:00:00Z'));
        create(r, new Date('2025-10-01T12:00:00Z'));
        db.prepare("UPDATE meetings SET status = 'stängd' WHERE id = ?").run(jan.id);
        assert.deepEqual(
            r.meetings.upcoming(f.id, styrelse.id, NOW).map((m) => m.id),
            [dec.id],
        );
        assert.deepEqual(r.meetings.upcoming(f.id, 'beredningsgrupp', NOW), []);
    });

    it('When a stored row holds malformed JSON, then reading it fails loudly instead of showing wrong data', () => {
        const r = open();
        const m = create(r);
        db.prepare('UPDATE agenda_items SET links = ? WHERE meeting_id = ?').run('[{"title":"x","url":"nope"}]', m.id);
        assert.throws(() => r.meetings.items(m.id), /url/i);
    });
});
