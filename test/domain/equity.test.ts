// The eget kapital forecast: printed where printed, otherwise computed, judged by the förbund's own rules.
import assert from 'node:assert/strict';
import { ekForecast, formatAmount, formatDifference, formatPercent } from '../../src/domain';
import { forbund } from './load';

describe('domain/equity', () => {
    const rows = [
        {
            id: 'fryksdalen',
            year: 2024,
            opening: '1 093 954 kr',
            closing: '632 234 kr',
            basis: 'printed',
            share: '20,8 %',
            verdict: 'över taket',
            diff: '0 kr',
        },
        {
            id: 'fryksdalen',
            year: 2025,
            opening: '632 234 kr',
            closing: '170 514 kr',
            basis: 'beräknat',
            share: '5,6 %',
            verdict: 'inom ramen',
            diff: undefined,
        },
        {
            id: 'fryksdalen',
            year: 2026,
            opening: '170 514 kr',
            closing: '−291 206 kr',
            basis: 'beräknat',
            share: '−9,6 %',
            verdict: 'negativt',
            diff: undefined,
        },
        {
            id: 'nedansiljan',
            year: 2025,
            opening: '1 000 tkr',
            closing: '756 tkr',
            basis: 'printed',
            share: '23,0 %',
            verdict: 'inom ramen',
            diff: '−5 tkr',
        },
        {
            id: 'nedansiljan',
            year: 2026,
            opening: '756 tkr',
            closing: '610 tkr',
            basis: 'printed',
            share: '18,6 %',
            verdict: 'inom ramen',
            diff: '+9 tkr',
        },
        {
            id: 'nedansiljan',
            year: 2027,
            opening: '610 tkr',
            closing: '600 tkr',
            basis: 'printed',
            share: '18,3 %',
            verdict: 'inom ramen',
            diff: '0 tkr',
        },
    ];
    for (const r of rows) {
        it(`When ${r.id}'s EK for ${r.year} is forecast, then ${r.opening} → ${r.closing} (${r.basis}), ${r.share}, ${r.verdict}`, () => {
            const e = ekForecast(forbund(r.id)).find((x) => x.year === r.year);
            assert.ok(e);
            assert.equal(formatAmount(e.opening), r.opening);
            assert.equal(formatAmount(e.closing), r.closing);
            assert.equal(e.closingBasis, r.basis);
            assert.equal(formatPercent(e.shareOfAllotted), r.share);
            assert.equal(e.verdict, r.verdict);
            assert.equal(e.difference && formatDifference(e.difference), r.diff);
        });
    }

    it('When Fryksdalen’s 2024 share is taken to two decimals, then it is 20,77 %', () => {
        const e = ekForecast(forbund('fryksdalen'))[0];
        assert.equal(e && formatPercent(e.shareOfAllotted, 2), '20,77 %');
    });

    it('When Nedansiljan’s 2026 closing is computed from its printed opening, then it is 761 tkr, beside the printed 756', () => {
        const e = ekForecast(forbund('nedansiljan'))[0];
        assert.deepEqual(e && [formatAmount(e.computedClosing), e.printedClosing && formatAmount(e.printedClosing)], [
            '761 tkr',
            '756 tkr',
        ]);
        assert.equal(e?.openingCirka, true);
    });

    it('When Nedansiljan’s buffer is read, then it is about 400 tkr, derived from the text', () => {
        const b = forbund('nedansiljan').thresholds.ekBuffer;
        assert.ok(b);
        assert.deepEqual([formatAmount(b.amount), b.cirka], ['400 tkr', true]);
        assert.match(b.derivation, /600 tkr högre än den buffert/);
    });
});
