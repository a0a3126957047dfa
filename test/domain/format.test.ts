// sv-SE formatting of amounts, percentages, targets and Stockholm dates.
import assert from 'node:assert/strict';
import { formatAmount, formatDate, formatDifference, formatPercent, formatTarget } from '../../src/domain';

describe('domain/format', () => {
    const amounts = [
        { a: { kr: 632_234, unit: 'kr' as const }, text: '632 234 kr' },
        { a: { kr: -461_720, unit: 'kr' as const }, text: '−461 720 kr' },
        { a: { kr: 756_000, unit: 'tkr' as const }, text: '756 tkr' },
        { a: { kr: 3_286_000, unit: 'tkr' as const }, text: '3 286 tkr' },
        { a: { kr: 0, unit: 'kr' as const }, text: '0 kr' },
        { a: { kr: 1_093_954, unit: 'kr' as const }, text: '1 093 954 kr' },
    ];
    for (const t of amounts) {
        it(`When ${t.a.kr} ${t.a.unit} is formatted, then it reads "${t.text}"`, () => {
            assert.equal(formatAmount(t.a), t.text);
        });
    }

    it('When a difference is formatted, then a gain carries a plus and a loss the minus sign', () => {
        assert.equal(formatDifference({ kr: 9000, unit: 'tkr' }), '+9 tkr');
        assert.equal(formatDifference({ kr: -5000, unit: 'tkr' }), '−5 tkr');
    });

    const percents = [
        { r: 0.2077, d: 1, text: '20,8 %' },
        { r: 0.21, d: 0, text: '21 %' },
        { r: -0.0957, d: 1, text: '−9,6 %' },
        { r: 0.14261, d: 1, text: '14,3 %' },
    ];
    for (const t of percents) {
        it(`When ${t.r} is formatted with ${t.d} decimals, then it reads "${t.text}"`, () => {
            assert.equal(formatPercent(t.r, t.d), t.text);
        });
    }

    it('When a target has no number, then it has no formatted target', () => {
        assert.equal(formatTarget({}), undefined);
        assert.equal(
            formatTarget({ comparator: '>=', target: 60, unit: 'antal', noun: 'deltagare' }),
            '≥ 60 deltagare',
        );
    });

    it('When a UTC instant late on 30 November is shown, then it is already 1 december in Stockholm', () => {
        assert.equal(formatDate(new Date('2025-11-30T23:30:00Z')), '1 december 2025');
        assert.equal(formatDate(new Date('2025-06-30T21:59:00Z'), 'd MMMM HH:mm'), '30 juni 23:59');
    });
});
