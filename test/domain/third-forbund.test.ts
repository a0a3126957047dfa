// An invented third förbund loads and is computed by the same functions, without code changes.
import assert from 'node:assert/strict';
import {
    adminShare,
    ekForecast,
    findings,
    formatAmount,
    formatClaimValue,
    lawSplit,
    ruleChecks,
    yearTotals,
} from '../../src/domain';
import { FIXTURE_DIR, forbund } from './load';

describe('domain with an invented förbund (fixture)', () => {
    const f = () => forbund('testbygden', FIXTURE_DIR);

    it('When its totals are computed, then they come from its own file', () => {
        const t = yearTotals(f(), 2026);
        assert.deepEqual(t && [t.income, t.costs, t.result].map(formatAmount), [
            '2 000 000 kr',
            '1 950 000 kr',
            '50 000 kr',
        ]);
    });

    it('When its EK is forecast, then 2027 is computed above its 20 % ceiling', () => {
        const e = ekForecast(f());
        assert.deepEqual(
            e.map((x) => [x.year, formatAmount(x.closing), x.closingBasis, x.verdict]),
            [
                [2026, '360 000 kr', 'printed', 'inom ramen'],
                [2027, '410 000 kr', 'beräknat', 'över taket'],
            ],
        );
    });

    it('When its printed closing is re-derived, then the deliberate error is the one finding', () => {
        assert.deepEqual(
            findings(f()).map((x) => [x.claim.id, formatClaimValue(x.difference)]),
            [['ek-closing-2026', '10 000 kr']],
        );
    });

    it('When it states no admin ceiling but an exact law split, then admin has no verdict and the split passes', () => {
        assert.equal(adminShare(f(), 2026)?.limit, undefined);
        assert.ok(!ruleChecks(f()).some((c) => c.rule === 'admin-tak'));
        assert.ok(lawSplit(f(), 2026).parts?.every((p) => p.deviation.kr === 0));
        assert.ok(ruleChecks(f()).find((c) => c.rule === 'lagens-fördelning')?.passed);
    });
});
