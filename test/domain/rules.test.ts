// The law's 50/25/25 split and the rule checks against each förbund's own thresholds.
import assert from 'node:assert/strict';
import { formatAmount, formatPercent, lawSplit, ruleChecks } from '../../src/domain';
import { forbund } from './load';

describe('domain/rules', () => {
    const split = [
        { kind: 'stat', amount: '1 500 000 kr', share: '49,3 %', expected: '1 522 140 kr', deviation: '−22 140 kr' },
        { kind: 'region', amount: '772 140 kr', share: '25,4 %', expected: '761 070 kr', deviation: '11 070 kr' },
        { kind: 'kommun', amount: '772 140 kr', share: '25,4 %', expected: '761 070 kr', deviation: '11 070 kr' },
    ];
    for (const s of split) {
        it(`When Fryksdalen 2024 is held against the law, then ${s.kind} pays ${s.amount} (${s.share}), ${s.deviation} from ${s.expected}`, () => {
            const part = lawSplit(forbund('fryksdalen'), 2024).parts?.find((p) => p.kind === s.kind);
            assert.ok(part);
            const got = [
                formatAmount(part.amount),
                formatPercent(part.share),
                formatAmount(part.expected),
                formatAmount(part.deviation),
            ];
            assert.deepEqual(got, [s.amount, s.share, s.expected, s.deviation]);
        });
    }

    for (const year of [2025, 2026, 2027]) {
        it(`When Nedansiljan ${year} is held against the law, then the split is not stated and none is invented`, () => {
            assert.deepEqual(lawSplit(forbund('nedansiljan'), year), { year, stated: false });
        });
    }

    const verdicts = [
        { id: 'fryksdalen', rule: 'ek-tak', year: 2024, passed: false },
        { id: 'fryksdalen', rule: 'ek-tak', year: 2025, passed: true },
        { id: 'fryksdalen', rule: 'ek-negativt', year: 2026, passed: false },
        { id: 'fryksdalen', rule: 'admin-tak', year: 2024, passed: true },
        { id: 'fryksdalen', rule: 'lagens-fördelning', year: 2024, passed: false },
        { id: 'fryksdalen', rule: 'kostnader-över-intäkter', year: 2024, passed: false },
        { id: 'nedansiljan', rule: 'ek-buffert', year: 2027, passed: true },
        { id: 'nedansiljan', rule: 'ek-negativt', year: 2027, passed: true },
        { id: 'nedansiljan', rule: 'kostnader-över-intäkter', year: 2027, passed: false },
    ];
    for (const v of verdicts) {
        it(`When ${v.id}'s rule ${v.rule} is checked for ${v.year}, then it ${v.passed ? 'passes' : 'is breached'}`, () => {
            const check = ruleChecks(forbund(v.id)).find((c) => c.rule === v.rule && c.year === v.year);
            assert.ok(check);
            assert.equal(check.passed, v.passed);
        });
    }

    const absent = [
        { id: 'nedansiljan', rule: 'admin-tak' },
        { id: 'nedansiljan', rule: 'ek-tak' },
        { id: 'nedansiljan', rule: 'lagens-fördelning' },
        { id: 'fryksdalen', rule: 'ek-buffert' },
    ];
    for (const a of absent) {
        it(`When ${a.id} states no ${a.rule} rule, then it is not judged by it`, () => {
            assert.equal(ruleChecks(forbund(a.id)).filter((c) => c.rule === a.rule).length, 0);
        });
    }

    it('When the law split is checked, then the state’s deviation is reported in kronor', () => {
        const check = ruleChecks(forbund('fryksdalen')).find((c) => c.rule === 'lagens-fördelning');
        assert.equal(check?.deviation && formatAmount(check.deviation), '−22 140 kr');
    });
});
