// Plausibility of a valid report against the insats's own history and the plan's yearly target.
import assert from 'node:assert/strict';
import { plausibilityWarnings, warningsKey } from '../../src/domain/report-plausibility';
import type { MonthlyReport } from '../../src/domain/reports';
import { forbund } from './load';

const fryksdalen = forbund('fryksdalen');
const nedansiljan = forbund('nedansiljan');
const g = (kvinnor: number, man = 0) => ({ kvinnor, man, annat: 0 });
const month = (m: string, nya: number, avslutade: number, pagaende: number): MonthlyReport => ({
    month: m,
    nya: g(nya),
    avslutade: g(avslutade),
    pagaende: g(pagaende),
    utfall: { arbete: 0, studier: 0, af: 0, rehab: 0, ovrigt: avslutade },
    rem: { annan: nya },
    dagar: 0,
    ind: {},
});

describe('domain/reports: plausibility', () => {
    const navet = fryksdalen.insatser[0];
    const roa = nedansiljan.insatser[0];
    const history = [month('2024-08', 6, 4, 10), month('2024-09', 8, 6, 12)];

    it("When a month has more new participants than the plan's yearly target, then it is warned about with the target", () => {
        const ws = plausibilityWarnings(fryksdalen, navet, month('2024-10', 61, 0, 73), []);
        assert.deepEqual(ws, [{ field: 'nya', code: 'over-year-target', value: 61, limit: 60 }]);
    });

    it('When a count is more than 3 × its largest month so far, then it is warned about; 3 × exactly is not', () => {
        assert.deepEqual(plausibilityWarnings(fryksdalen, navet, month('2024-10', 24, 18, 18), history), []);
        const ws = plausibilityWarnings(fryksdalen, navet, month('2024-10', 25, 19, 18), history);
        assert.deepEqual(
            ws.map((w) => [w.field, w.value, w.limit]),
            [
                ['nya', 25, 8],
                ['avslutade', 19, 6],
            ],
        );
    });

    it('When there is no history, a quiet start or no target, then ordinary values pass', () => {
        assert.deepEqual(
            plausibilityWarnings(nedansiljan, roa, month('2025-01', 40, 0, 40), []),
            [],
            'RoA has no target',
        );
        const quiet = [month('2025-01', 0, 0, 0), month('2025-02', 1, 0, 1)];
        assert.deepEqual(
            plausibilityWarnings(nedansiljan, roa, month('2025-03', 15, 0, 15), quiet),
            [],
            '3 × the floor 5',
        );
        assert.equal(plausibilityWarnings(nedansiljan, roa, month('2025-03', 16, 0, 17), quiet).length, 2);
    });

    it('When the month itself is among the history (a resubmission), then it is not compared with itself', () => {
        const again = month('2024-09', 40, 2, 48);
        const ws = plausibilityWarnings(fryksdalen, navet, again, [...history, month('2024-09', 40, 2, 48)]);
        assert.deepEqual(
            ws.map((w) => w.field),
            ['nya', 'pagaende'],
        );
        assert.equal(warningsKey(ws), 'nya:over-history:40,pagaende:over-history:48');
    });
});
