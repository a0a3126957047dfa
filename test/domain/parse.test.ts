// Loading validates: a broken copy of a data file fails with file, JSON path and reason.
import assert from 'node:assert/strict';
import { ForbundDataError, findings, parseForbund } from '../../src/domain';
import { rawForbund } from './load';

type Raw = Record<string, any>;

describe('domain/parse', () => {
    const broken: { id: string; what: string; path: string; reason: RegExp; breakIt: (f: Raw) => void }[] = [
        {
            id: 'fryksdalen',
            what: 'a cost is text',
            path: 'years[0].posts[1].amount',
            reason: /number/i,
            breakIt: (f) => (f.years[0].posts[1].amount = '2 599 000'),
        },
        {
            id: 'fryksdalen',
            what: 'a cost is one krona off its printed column total',
            path: 'claims[1].value',
            reason: /sum-costs 2024.*years\[0\]/,
            breakIt: (f) => (f.years[0].posts[0].amount += 1),
        },
        {
            id: 'fryksdalen',
            what: 'an income line no longer sums to Totala intäkter',
            path: 'claims[3].value',
            reason: /sum-income 2025/,
            breakIt: (f) => {
                f.years[1].income[2].amount = 772_000;
                f.years[1].allotted = undefined;
            },
        },
        {
            id: 'nedansiljan',
            what: 'a tkr cost breaks the printed Totala kostnader',
            path: 'claims[6].value',
            reason: /sum-costs 2026/,
            breakIt: (f) => (f.years[1].posts[7].amount = 301),
        },
        {
            id: 'nedansiljan',
            what: 'Totalt ingående beslutsutrymme does not match anslag + överskott',
            path: 'claims[1].value',
            reason: /beslutsutrymme 2025/,
            breakIt: (f) => (f.claims[1].value = { tkr: 4285 }),
        },
        {
            id: 'nedansiljan',
            what: 'a status is misspelt',
            path: 'years[2].status',
            reason: /förslag/,
            breakIt: (f) => (f.years[2].status = 'prelimnär'),
        },
        {
            id: 'nedansiljan',
            what: 'a post has an unknown category',
            path: 'years[0].posts[0].category',
            reason: /administration/,
            breakIt: (f) => (f.years[0].posts[0].category = 'admin'),
        },
        {
            id: 'fryksdalen',
            what: 'an income line names an unknown part',
            path: 'years[0].income[3].partId',
            reason: /okänd part/,
            breakIt: (f) => (f.years[0].income[3].partId = 'karlstad'),
        },
        {
            id: 'fryksdalen',
            what: 'a claim value has both kr and tkr',
            path: 'claims[11].value',
            reason: /exakt en/,
            breakIt: (f) => (f.claims[11].value = { kr: 632234, tkr: 632 }),
        },
        {
            id: 'fryksdalen',
            what: 'a key is misspelt',
            path: 'years[0].posts[0]',
            reason: /amuont/,
            breakIt: (f) => (f.years[0].posts[0].amuont = 1),
        },
        {
            id: 'nedansiljan',
            what: 'a part gets a second ledamot',
            path: 'roster[1].roles[0]',
            reason: /redan en ledamot/,
            breakIt: (f) => (f.roster[1].roles[0].role = 'ledamot'),
        },
        {
            id: 'fryksdalen',
            what: 'a roster person is not marked as a sample',
            path: 'roster[0].sample',
            reason: /true/,
            breakIt: (f) => (f.roster[0].sample = false),
        },
        {
            id: 'fryksdalen',
            what: 'the 20 % mätpunkt disagrees with the stated threshold',
            path: 'goals.matpunkter[6].target',
            reason: /ekMaxShareOfAllotted/,
            breakIt: (f) => (f.goals.matpunkter[6].target = 25),
        },
    ];
    for (const b of broken) {
        it(`When ${b.id}.json is broken (${b.what}), then loading fails naming file and ${b.path}`, () => {
            const raw = rawForbund(b.id) as Raw;
            b.breakIt(raw);
            const file = `broken/${b.id}.json`;
            assert.throws(
                () => parseForbund(raw, file),
                (err: unknown) => {
                    assert.ok(err instanceof ForbundDataError);
                    assert.equal(err.file, file);
                    const issue = err.issues.find((i) => i.path === b.path);
                    assert.ok(issue, `no issue at ${b.path}: ${err.message}`);
                    assert.match(issue.reason, b.reason);
                    assert.ok(err.message.includes(`${file}: ${b.path}: `), err.message);
                    return true;
                },
            );
        });
    }

    it('When a roll-forward between years does not match, then the file still loads and it is a finding', () => {
        const raw = rawForbund('nedansiljan') as Raw;
        raw.claims[8].value = { tkr: 620 };
        raw.claims[9].value = { tkr: 3906 };
        const f = parseForbund(raw, 'nedansiljan.json');
        assert.deepEqual(
            findings(f).map((x) => x.claim.id),
            ['ek-opening-2026', 'ek-opening-2027', 'ek-closing-2027'],
        );
    });

    it('When the real files are parsed, then tkr figures are stored as whole kronor with their unit', () => {
        const f = parseForbund(rawForbund('nedansiljan'), 'nedansiljan.json');
        assert.deepEqual(f.years[0]?.posts[0]?.amount, { kr: 93_000, unit: 'tkr' });
        assert.deepEqual(f.years[0]?.allotted, { kr: 3_286_000, unit: 'tkr' });
    });
});
