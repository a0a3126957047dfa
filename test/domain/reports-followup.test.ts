// Year-to-date follow-up for Navet (with targets) and RoA (without) and the status words.
import assert from 'node:assert/strict';
import { followUp } from '../../src/domain/report-followup';
import { DEFAULT_RULES, statusOf, targetsForOtherYears } from '../../src/domain/report-status';
import { validateReport } from '../../src/domain/report-schema';
import type { MonthlyReport } from '../../src/domain/reports';
import { forbund } from './load';

const fryksdalen = forbund('fryksdalen');
const nedansiljan = forbund('nedansiljan');
const navet = fryksdalen.insatser[0];
const roa = nedansiljan.insatser[0];
const g = (kvinnor: number, man: number, annat = 0) => ({ kvinnor, man, annat });

/** Builds reports through the real validator (so the fixtures obey the same rules as submits). */
function reports(f: typeof fryksdalen, insats: typeof navet, now: string, inputs: object[]): MonthlyReport[] {
    const out: MonthlyReport[] = [];
    for (const input of inputs) {
        const month = (input as { month: string }).month;
        const previous = out.find(
            (r) => r.month === month.replace(/(\d\d)$/, (m) => String(Number(m) - 1).padStart(2, '0')),
        );
        const r = validateReport(input, { forbund: f, insats, now: new Date(now), previous });
        assert.ok(r.ok, `${month}: ${JSON.stringify(!r.ok && r.errors)}`);
        out.push(r.report);
    }
    return out;
}

const navet2024 = () =>
    reports(fryksdalen, navet, '2024-04-10T09:00:00+02:00', [
        {
            month: '2024-01',
            nya: g(2, 1),
            avslutade: g(1, 0),
            pagaende: g(9, 6),
            utfall: { arbete: 1 },
            rem: { torsby: 2, kil: 1 },
            dagar: 120,
            ind: { 'tydlig-planering': { besvarade: 1, positiva: 1 }, 'far-stod': { besvarade: 3, positiva: 3 } },
        },
        {
            month: '2024-02',
            nya: g(3, 2),
            avslutade: g(1, 2),
            pagaende: g(11, 6),
            utfall: { arbete: 1, af: 1, ovrigt: 1 },
            rem: { arbetsformedlingen: 3, annan: 2 },
            dagar: 450,
            ind: { 'tydlig-planering': { besvarade: 3, positiva: 2 }, 'far-stod': { besvarade: 3, positiva: 2 } },
        },
        {
            month: '2024-03',
            nya: g(1, 3, 1),
            avslutade: g(2, 1),
            pagaende: g(10, 8, 1),
            utfall: { studier: 1, rehab: 1, ovrigt: 1 },
            rem: { sunne: 5 },
            dagar: 510,
            ind: { 'tydlig-planering': { besvarade: 3, positiva: 3 }, 'far-stod': { besvarade: 2, positiva: 0 } },
        },
    ]);

describe('domain/reports: year-to-date follow-up', () => {
    it('When Navet has reported January–March 2024, then the figures match the hand-computed ones', () => {
        const fu = followUp(fryksdalen, navet, 2024, navet2024(), undefined);
        assert.deepEqual(fu.opening, g(8, 5), 'January sets the opening level: pågående − nya + avslutade');
        assert.deepEqual(fu.nya, g(6, 6, 1));
        assert.deepEqual(fu.deltagare, g(14, 11, 1), 'deltagare = opening + Σ nya = 26');
        assert.deepEqual(fu.avslutade, g(4, 3));
        assert.deepEqual(fu.utfall, { arbete: 2, studier: 1, af: 1, rehab: 1, ovrigt: 2 });
        assert.deepEqual([fu.workShare.count, fu.workShare.of], [4, 7]);
        assert.equal(fu.womenShare, 14 / 25);
        assert.equal(fu.genderBalanced, true);
        assert.equal(fu.days.count / fu.days.of, 1080 / 7);
        assert.equal(fu.monthsCovered, 3);
        assert.deepEqual(fu.missingMonths, []);
        assert.deepEqual(
            fu.months.map((m) => m.pagaende),
            [15, 17, 19],
        );
        // Targets: 60 deltagare in 2024 pro rata 3/12 = 15; ≥ 50 % to work/studies/AF.
        assert.deepEqual(
            [fu.deltagareCheck?.expected, fu.deltagareCheck?.actual, fu.deltagareCheck?.status],
            [15, 26, 'uppnått'],
        );
        assert.equal(fu.workCheck?.status, 'uppnått');
        assert.ok(Math.abs(fu.workCheck.actual - 57.142857) < 1e-4);
        const ind = Object.fromEntries(fu.indicators.map((i) => [i.id, [i.positive, i.answered, i.check?.status]]));
        assert.deepEqual(ind['tydlig-planering'], [6, 7, 'på väg'], '85,7 % of 100 % → ≥ 80 %');
        assert.deepEqual(ind['far-stod'], [5, 8, 'risk'], '62,5 % of 90 % → 69 %');
        assert.deepEqual(ind['redo-arbeta'], [0, 0, undefined], 'nothing answered: no status');
    });

    it('When the previous December is reported, then its pågående is the opening level', () => {
        const december = { ...navet2024()[0], month: '2023-12', pagaende: g(7, 5, 1) };
        const fu = followUp(fryksdalen, navet, 2024, navet2024(), december);
        assert.deepEqual(fu.deltagare, g(13, 11, 2));
    });

    it('When Navet is followed up for 2026, then the 2024-only targets give no status and are named as other-year', () => {
        const moved = navet2024().map((r) => ({ ...r, month: r.month.replace('2024', '2026') }));
        const fu = followUp(fryksdalen, navet, 2026, moved, undefined);
        assert.equal(fu.deltagareCheck, undefined);
        assert.equal(fu.workCheck, undefined);
        assert.equal(fu.indicators[0].check?.status, 'på väg', 'indicator targets have no period');
        assert.deepEqual(
            targetsForOtherYears(fryksdalen, 'navet', 2026).map((m) => m.id),
            ['navet-60-deltagare', 'navet-avslut-50'],
        );
    });

    it('When RoA has reported January, February and April 2025, then the figures and Dalarna nyckeltal match by hand', () => {
        const rs = reports(nedansiljan, roa, '2025-05-12T09:00:00+02:00', [
            {
                month: '2025-01',
                nya: g(4, 2),
                avslutade: g(2, 1),
                pagaende: g(20, 10),
                utfall: { arbete: 1, rehab: 1, ovrigt: 1 },
                rem: { leksand: 6 },
                dagar: 600,
                dagarFore: 1500,
            },
            {
                month: '2025-02',
                nya: g(3, 3),
                avslutade: g(1, 2),
                pagaende: g(22, 11),
                utfall: { studier: 1, af: 1, rehab: 1 },
                rem: { rattvik: 4, annan: 2 },
                dagar: 540,
                dagarFore: 2400,
            },
            {
                month: '2025-04',
                nya: g(2, 1, 1),
                avslutade: g(4, 0),
                pagaende: g(15, 12, 1),
                utfall: { arbete: 2, ovrigt: 2 },
                rem: { gagnef: 4 },
                dagar: 1000,
                dagarFore: 1200,
            },
        ]);
        const fu = followUp(nedansiljan, roa, 2025, rs, undefined);
        assert.deepEqual(fu.deltagare, g(27, 15, 1), 'opening 27 + nya 16 = 43');
        // March is missing: 22 women at the end of February but 17 at the start of April takes at least 5 finished.
        assert.deepEqual(fu.avslutade, g(12, 3));
        assert.deepEqual(fu.gapMonths, ['2025-03']);
        assert.equal(fu.atLeast, true);
        assert.deepEqual([fu.workShare.count, fu.workShare.of], [5, 15]);
        assert.deepEqual([fu.keyFigureShare.count, fu.keyFigureShare.of], [6, 15], 'arbete + studier + annan rehab');
        assert.equal(fu.days.count / fu.days.of, 214);
        assert.equal(fu.daysBefore!.count / fu.daysBefore!.of, 510);
        assert.equal(fu.genderBalanced, false, '27 of 42 = 64 % women is outside 40–60 %');
        assert.deepEqual(fu.missingMonths, ['2025-03']);
        assert.deepEqual(fu.pagaende, g(15, 12, 1));
        assert.equal(fu.deltagareCheck, undefined, 'the plan sets no numeric target for RoA');
        assert.equal(fu.workCheck, undefined);
        assert.deepEqual(fu.indicators, [], 'RoA has no survey indicators');
    });

    const statuses = [
        { actual: 15, expected: 15, cmp: '>=', rules: DEFAULT_RULES, status: 'uppnått' },
        { actual: 12, expected: 15, cmp: '>=', rules: DEFAULT_RULES, status: 'på väg' },
        { actual: 11.9, expected: 15, cmp: '>=', rules: DEFAULT_RULES, status: 'risk' },
        { actual: 10, expected: 20, cmp: '<=', rules: DEFAULT_RULES, status: 'uppnått' },
        { actual: 25, expected: 20, cmp: '<=', rules: DEFAULT_RULES, status: 'risk' },
        {
            actual: 14,
            expected: 15,
            cmp: '>=',
            rules: { ...DEFAULT_RULES, achieved: 0.9, onTrack: 0.5 },
            status: 'uppnått',
        },
        {
            actual: 7,
            expected: 15,
            cmp: '>=',
            rules: { ...DEFAULT_RULES, achieved: 0.9, onTrack: 0.5 },
            status: 'risk',
        },
    ] as const;
    for (const t of statuses) {
        it(`When ${t.actual} is checked against ${t.cmp} ${t.expected} (thresholds ${t.rules.achieved}/${t.rules.onTrack}), then it is ${t.status}`, () => {
            assert.equal(statusOf(t.actual, t.expected, t.cmp, t.rules), t.status);
        });
    }
});
