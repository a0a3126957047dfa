// Report versions in SQLite: append-only versions, latest per month, zod on read-back, the rule setting.
import assert from 'node:assert/strict';
import type { MonthlyReport } from '../../src/domain/reports';
import { openDb, type Db } from '../../src/storage/db';
import { createReports } from '../../src/storage/reports';

const report = (month: string, kommentar?: string): MonthlyReport => ({
    month,
    nya: { kvinnor: 1, man: 0, annat: 0 },
    avslutade: { kvinnor: 0, man: 0, annat: 0 },
    pagaende: { kvinnor: 5, man: 3, annat: 0 },
    utfall: { arbete: 0, studier: 0, af: 0, rehab: 0, ovrigt: 0 },
    rem: { torsby: 1 },
    dagar: 0,
    ind: {},
    ...(kommentar && { kommentar }),
});
const at = (iso: string) => new Date(iso);

describe('storage/reports', () => {
    let db: Db;
    beforeEach(() => {
        db = openDb(':memory:');
    });
    afterEach(() => db.close());

    it('When a month is stored twice, then there are two versions with who and when, and the latest wins', () => {
        createReports(db).insert({
            forbundId: 'fryksdalen',
            insatsId: 'navet',
            report: report('2024-03', 'första'),
            submittedBy: 'tomas-as',
            at: at('2024-04-05T08:00:00Z'),
        });
        const v2 = createReports(db).insert({
            forbundId: 'fryksdalen',
            insatsId: 'navet',
            report: report('2024-03', 'andra'),
            submittedBy: 'nina-sjo',
            at: at('2024-04-06T08:00:00Z'),
        });
        assert.equal(v2.version, 2);
        assert.equal(createReports(db).versionCount('fryksdalen', 'navet', '2024-03'), 2);
        const history = createReports(db).history('fryksdalen', 'navet', '2024-03');
        assert.deepEqual(
            history.map((h) => [h.version, h.submittedBy, h.submittedAt.toISOString(), h.report.kommentar]),
            [
                [1, 'tomas-as', '2024-04-05T08:00:00.000Z', 'första'],
                [2, 'nina-sjo', '2024-04-06T08:00:00.000Z', 'andra'],
            ],
        );
        assert.equal(createReports(db).latest('fryksdalen', 'navet', '2024-03')?.report.kommentar, 'andra');
    });

    it('When a stored version is updated in place, then the database refuses', () => {
        createReports(db).insert({
            forbundId: 'fryksdalen',
            insatsId: 'navet',
            report: report('2024-03'),
            submittedBy: 'tomas-as',
            at: at('2024-04-05T08:00:00Z'),
        });
        assert.throws(() => db.prepare("UPDATE report_versions SET data = '{}'").run(), /never changed/);
    });

    it('When a year is read, then only the latest version of each of its months comes back, per insats', () => {
        const put = (insatsId: string, month: string, k?: string) =>
            createReports(db).insert({
                forbundId: 'fryksdalen',
                insatsId,
                report: report(month, k),
                submittedBy: 'x',
                at: at('2024-06-01T00:00:00Z'),
            });
        put('navet', '2023-12');
        put('navet', '2024-01', 'v1');
        put('navet', '2024-01', 'v2');
        put('navet', '2024-02');
        put('annan', '2024-01');
        const rows = createReports(db).latestForYear('fryksdalen', 2024, 'navet');
        assert.deepEqual(
            rows.map((r) => [r.month, r.version, r.report.kommentar]),
            [
                ['2024-01', 2, 'v2'],
                ['2024-02', 1, undefined],
            ],
        );
        assert.equal(createReports(db).latestForYear('fryksdalen', 2024).length, 3);
        assert.deepEqual([...createReports(db).insatserReported('fryksdalen', '2024-01')].sort(), ['annan', 'navet']);
        assert.equal(createReports(db).latestForYear('nedansiljan', 2024).length, 0);
    });

    it('When stored JSON has been tampered with, then reading it fails loudly instead of returning bad figures', () => {
        createReports(db).insert({
            forbundId: 'fryksdalen',
            insatsId: 'navet',
            report: report('2024-03'),
            submittedBy: 'x',
            at: at('2024-04-05T08:00:00Z'),
        });
        db.exec('DROP TRIGGER report_versions_immutable');
        db.prepare(`UPDATE report_versions SET data = json_set(data, '$.dagar', -3)`).run();
        assert.throws(() => createReports(db).latest('fryksdalen', 'navet', '2024-03'));
    });

    it('When the follow-up rule setting is present, then it replaces the defaults; a bad one is refused', () => {
        assert.deepEqual(createReports(db).followUpRules(), { achieved: 1, onTrack: 0.8, genderBand: [0.4, 0.6] });
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
            'report.followup-rules',
            JSON.stringify({ onTrack: 0.7 }),
        );
        assert.deepEqual(createReports(db).followUpRules(), { achieved: 1, onTrack: 0.7, genderBand: [0.4, 0.6] });
        db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('{"onTrack": "hög"}', 'report.followup-rules');
        assert.throws(() => createReports(db).followUpRules());
    });
});
