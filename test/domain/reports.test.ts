// Monthly report validation: whole counts, cross-field sums, pågående continuity, month rules, with a fake now.
import assert from 'node:assert/strict';
import { changedFields, validateReport, type ReportContext } from '../../src/domain/report-schema';
import { addMonths, monthOf, monthProblem, type MonthlyReport } from '../../src/domain/reports';
import { forbund } from './load';

const fryksdalen = forbund('fryksdalen');
const navet = fryksdalen.insatser[0];
const NOW = new Date('2024-04-15T10:00:00+02:00');

/** A valid Navet report for March 2024 following `previous` (pågående 10/8/1 at the end of February). */
const valid = () => ({
    month: '2024-03',
    nya: { kvinnor: 2, man: 1, annat: 0 },
    avslutade: { kvinnor: 1, man: 1, annat: 0 },
    pagaende: { kvinnor: 11, man: 8, annat: 1 },
    utfall: { arbete: 1, studier: 0, af: 1, rehab: 0, ovrigt: 0 },
    rem: { torsby: 2, annan: 1 },
    dagar: 300,
    ind: { 'far-stod': { besvarade: 2, positiva: 2 } },
    kommentar: 'Allt enligt plan.',
});
const previous = { ...valid(), month: '2024-02', pagaende: { kvinnor: 10, man: 8, annat: 1 } } as MonthlyReport;
const ctx = (over: Partial<ReportContext> = {}): ReportContext => ({
    forbund: fryksdalen,
    insats: navet,
    now: NOW,
    previous,
    ...over,
});
type Input = ReturnType<typeof valid>;

describe('domain/reports: validation', () => {
    it('When a consistent report is validated, then it passes with every count a number and empty fields as 0', () => {
        const r = validateReport(valid(), ctx());
        assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
        assert.equal(r.report.rem.sunne, 0);
        assert.deepEqual(r.report.ind['redo-arbeta'], { besvarade: 0, positiva: 0 });
        assert.equal(r.report.dagarFore, undefined, 'Fryksdalen does not follow days before the insats');
    });

    it('When counts come as card strings ("3", " 2 ", ""), then they are read as whole numbers', () => {
        const input = { ...valid(), nya: { kvinnor: '2', man: ' 1 ', annat: '' } };
        const r = validateReport(input, ctx());
        assert.ok(r.ok);
        assert.deepEqual(r.report.nya, { kvinnor: 2, man: 1, annat: 0 });
    });

    const rules: {
        name: string;
        change: (i: Input) => unknown;
        over?: Partial<ReportContext>;
        field: string;
        code: string;
    }[] = [
        {
            name: 'a negative count',
            change: (i) => ({ ...i, nya: { ...i.nya, kvinnor: '-1' } }),
            field: 'nya.kvinnor',
            code: 'negative',
        },
        {
            name: 'a fraction',
            change: (i) => ({ ...i, nya: { ...i.nya, man: '1,5' } }),
            field: 'nya.man',
            code: 'not-whole',
        },
        {
            name: 'text in a count',
            change: (i) => ({ ...i, avslutade: { ...i.avslutade, kvinnor: 'två' } }),
            field: 'avslutade.kvinnor',
            code: 'not-a-number',
        },
        {
            name: 'outcomes not summing to avslutade',
            change: (i) => ({ ...i, utfall: { ...i.utfall, arbete: 2 } }),
            field: 'utfall',
            code: 'outcomes-sum',
        },
        {
            name: 'referrers not summing to nya',
            change: (i) => ({ ...i, rem: { torsby: 1 } }),
            field: 'rem',
            code: 'referrers-sum',
        },
        {
            name: 'more positive than answered',
            change: (i) => ({ ...i, ind: { 'far-stod': { besvarade: 2, positiva: 3 } } }),
            field: 'ind.far-stod.positiva',
            code: 'positive-over-answered',
        },
        {
            name: 'pågående not following the previous month',
            change: (i) => ({ ...i, pagaende: { ...i.pagaende, kvinnor: 12 } }),
            field: 'pagaende.kvinnor',
            code: 'pagaende-previous',
        },
        {
            name: 'a month in the future',
            change: (i) => ({ ...i, month: '2024-05' }),
            over: { previous: undefined },
            field: 'month',
            code: 'month-future',
        },
        {
            name: 'a month outside the plan years',
            change: (i) => ({ ...i, month: '2023-12' }),
            over: { previous: undefined },
            field: 'month',
            code: 'month-outside-plan',
        },
        {
            name: 'days without anyone finishing',
            change: (i) => ({
                ...i,
                avslutade: { kvinnor: 0, man: 0, annat: 0 },
                utfall: {},
                pagaende: { kvinnor: 12, man: 9, annat: 1 },
            }),
            field: 'dagar',
            code: 'days-without-finished',
        },
        {
            name: 'a first report implying a negative opening level',
            change: (i) => ({ ...i, pagaende: { kvinnor: 0, man: 8, annat: 1 } }),
            over: { previous: undefined },
            field: 'pagaende.kvinnor',
            code: 'opening-negative',
        },
        {
            name: 'a resubmission that no longer leads into the next month',
            change: (i) => i,
            over: {
                previous: undefined,
                next: { ...previous, month: '2024-04', pagaende: { kvinnor: 13, man: 8, annat: 1 } },
            },
            field: 'pagaende.kvinnor',
            code: 'pagaende-next',
        },
        {
            name: 'a too long kommentar',
            change: (i) => ({ ...i, kommentar: 'x'.repeat(2001) }),
            field: 'kommentar',
            code: 'too-long',
        },
    ];
    for (const t of rules) {
        it(`When a report has ${t.name}, then it is rejected at ${t.field} with ${t.code}`, () => {
            const r = validateReport(t.change(valid()), ctx(t.over));
            assert.equal(r.ok, false);
            assert.ok(!r.ok);
            assert.deepEqual(
                r.errors.map((e) => [e.field, e.code]),
                [[t.field, t.code]],
            );
        });
    }

    it('When pågående breaks the rule, then the message figures say what it should be', () => {
        const r = validateReport({ ...valid(), pagaende: { kvinnor: 12, man: 8, annat: 1 } }, ctx());
        assert.ok(!r.ok);
        assert.deepEqual(r.errors[0].params, { expected: 11, previous: 10 });
    });

    it('When a field is invalid, then the cross-field rules are not run on half-read values', () => {
        const r = validateReport({ ...valid(), nya: { kvinnor: 'x', man: 1, annat: 0 } }, ctx());
        assert.ok(!r.ok);
        assert.deepEqual(
            r.errors.map((e) => e.field),
            ['nya.kvinnor'],
        );
    });

    const months = [
        { month: '2024-04', now: NOW, problem: 'not-ended' },
        { month: '2024-04', now: new Date('2024-04-30T06:00:00+02:00'), problem: undefined },
        { month: '2024-03', now: NOW, problem: undefined },
        { month: '2024-05', now: NOW, problem: 'future' },
        { month: '2026-12', now: new Date('2026-12-31T23:30:00Z'), problem: undefined },
        { month: '2027-01', now: new Date('2026-12-31T22:30:00Z'), problem: 'future' },
        { month: '2027-01', now: new Date('2026-12-31T23:30:00Z'), problem: 'outside-plan' },
        { month: '2023-12', now: NOW, problem: 'outside-plan' },
    ];
    for (const t of months) {
        it(`When ${t.month} is reported at ${t.now.toISOString()}, then the month problem is ${t.problem ?? 'none'}`, () => {
            assert.equal(monthProblem(fryksdalen, t.month, t.now), t.problem);
        });
    }

    it('When it is New Year in Stockholm but still 31 December in UTC, then the month is January', () => {
        assert.equal(monthOf(new Date('2026-12-31T23:30:00Z')), '2027-01');
        assert.equal(addMonths('2025-01', -1), '2024-12');
        assert.equal(addMonths('2024-12', 1), '2025-01');
    });

    it('When two versions differ, then the changed fields are listed by path', () => {
        const a = validateReport(valid(), ctx());
        const b = validateReport(
            { ...valid(), kommentar: 'Ny kommentar', rem: { torsby: 1, kil: 1, annan: 1 } },
            ctx(),
        );
        assert.ok(a.ok && b.ok);
        assert.deepEqual(changedFields(a.report, b.report), ['kommentar', 'rem.kil', 'rem.torsby']);
    });
});
