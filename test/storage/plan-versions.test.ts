// Plan document versions: a preview has no version; save numbers it as förslag, activate puts it in force (the one it
// replaces becomes ersatt), cancel drops it; a decided preview cannot be decided again.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/storage/db';
import { createForbundVersions } from '../../src/storage/forbund-versions';
import { createPlanVersions, type PlanVersions } from '../../src/storage/plan-versions';
import { tempDir } from '../helpers/temp-dir';

describe('storage/plan-versions', () => {
    let tmp: ReturnType<typeof tempDir>;
    let db: Db;
    let plans: PlanVersions;
    let clock = new Date('2026-10-12T10:00:00Z');
    const preview = (fileName: string) =>
        plans.addPreview({
            forbundId: 'ny',
            fileName,
            text: '# Plan\n\n## 1. A\n\nText.\n',
            pages: 3,
            ocr: false,
            by: 'chef',
        });
    const statuses = () => plans.list('ny').map((v) => `${v.version}:${v.status}`);

    beforeEach(() => {
        tmp = tempDir();
        db = openDb(join(tmp.dir, 'finsam.sqlite'));
        createForbundVersions(db, () => clock).addForbund('ny', 'test');
        plans = createPlanVersions(db, () => clock);
    });
    afterEach(() => {
        db.close();
        tmp.cleanup();
    });

    it('When previews are saved, activated and cancelled, then versions are numbered and one plan is in force', () => {
        const a = preview('a.pdf');
        assert.equal(plans.get(a)?.status, 'väntar');
        assert.equal(plans.get(a)?.version, undefined);
        assert.deepEqual(statuses(), [], 'a preview is no version');
        assert.equal(plans.active('ny'), undefined);

        assert.equal(plans.decide(a, 'activate', 'chef').activeFrom, '2026-10-12');
        assert.equal(plans.active('ny')?.fileName, 'a.pdf');
        assert.equal(plans.decide(preview('b.docx'), 'save', 'chef').status, 'förslag');
        assert.equal(plans.active('ny')?.fileName, 'a.pdf', 'a förslag leaves the plan in force');
        const c = preview('c.pdf');
        assert.equal(plans.decide(c, 'cancel', 'chef').status, 'avbruten');
        clock = new Date('2026-11-01T10:00:00Z');
        plans.decide(preview('d.pdf'), 'activate', 'chef');
        assert.deepEqual(statuses(), ['1:ersatt', '2:förslag', '3:aktiv']);
        assert.equal(plans.active('ny')?.fileName, 'd.pdf');
        assert.throws(() => plans.decide(c, 'activate', 'chef'), /already decided/);
        assert.throws(() => plans.decide(a, 'save', 'chef'), /already decided/);
        assert.deepEqual(statuses(), ['1:ersatt', '2:förslag', '3:aktiv']);
    });
});
