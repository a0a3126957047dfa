// Year-to-date figures with months missing: every shown figure against a plain computation from the true months.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { followUpView } from '../../src/bot/reports/followup-view';
import { fullFigures, type Figure, type FollowUpFigures } from '../../src/domain/report-figures';
import { followUp } from '../../src/domain/report-followup';
import { DEFAULT_RULES } from '../../src/domain/report-status';
import { sharedFollowUp } from '../../src/domain/report-suppression';
import { GENDERS, OUTCOMES, type Genders, type MonthlyReport, type Outcome } from '../../src/domain/reports';
import { forbund } from './load';

const fryksdalen = forbund('fryksdalen');
const navet = fryksdalen.insatser[0];
const YEAR = 2024;
const INDICATOR = navet.indicators.find((i) => i.unit === 'procent')!.id;
const mm = (k: number) => `${YEAR}-${String(k).padStart(2, '0')}`;
const sum = (g: Genders) => g.kvinnor + g.man + g.annat;
const genders = (max: number) => fc.record({ kvinnor: fc.nat(max), man: fc.nat(max), annat: fc.nat(Math.min(2, max)) });

/** A true year: the level at the end of last December, then twelve months that each follow from the one before. */
const years = fc
    .record({
        december: genders(12),
        flows: fc.array(
            fc.record({
                nya: genders(6),
                finishing: genders(6),
                seed: fc.nat(1000),
                answered: fc.nat(6),
                positive: fc.nat(6),
            }),
            {
                minLength: 12,
                maxLength: 12,
            },
        ),
        reported: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        withDecember: fc.boolean(),
        order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    })
    .map(({ december, flows, reported, withDecember, order }) => {
        let level = december;
        const truth: MonthlyReport[] = flows.map((flow, k) => {
            const avslutade = Object.fromEntries(
                GENDERS.map((g) => [g, Math.min(flow.finishing[g], level[g] + flow.nya[g])]),
            ) as Genders;
            const pagaende = Object.fromEntries(
                GENDERS.map((g) => [g, level[g] + flow.nya[g] - avslutade[g]]),
            ) as Genders;
            const utfall = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
            for (let p = 0; p < sum(avslutade); p++) utfall[OUTCOMES[(flow.seed + p * 7) % OUTCOMES.length]]++;
            level = pagaende;
            return {
                month: mm(k + 1),
                nya: flow.nya,
                avslutade,
                pagaende,
                utfall,
                rem: { annan: sum(flow.nya) },
                dagar: sum(avslutade) * 30,
                ind: { [INDICATOR]: { besvarade: flow.answered, positiva: Math.min(flow.positive, flow.answered) } },
            };
        });
        const decemberReport: MonthlyReport = { ...truth[0], month: `${YEAR - 1}-12`, pagaende: december };
        // The reports as the bot got them: some months only, in a random order.
        const given = truth
            .filter((r) => reported.includes(Number(r.month.slice(5))))
            .map((r, k) => ({ r, key: order[k] }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.r);
        return { truth, given, december: withDecember ? decemberReport : undefined, decemberLevel: december };
    });

/** The plain reference: the true figures from the opening month through the last reported month. */
function reference(truth: MonthlyReport[], given: MonthlyReport[], decemberLevel: Genders, withDecember: boolean) {
    const months = given.map((r) => r.month).sort();
    const first = withDecember ? mm(1) : months[0];
    const last = months.at(-1)!;
    const span = truth.filter((r) => r.month >= first && r.month <= last);
    const before = truth.find((r) => r.month < first && r.month === mm(Number(first.slice(5)) - 1));
    const opening = first === mm(1) ? decemberLevel : before!.pagaende;
    const per = (g: (typeof GENDERS)[number]) => opening[g] + span.reduce((s, r) => s + r.nya[g], 0);
    const missing = span.map((r) => r.month).filter((m) => !months.includes(m));
    return {
        opening: sum(opening),
        nya: span.reduce((s, r) => s + sum(r.nya), 0),
        avslutade: span.reduce((s, r) => s + sum(r.avslutade), 0),
        deltagare: GENDERS.reduce((s, g) => s + per(g), 0),
        genders: Object.fromEntries(GENDERS.map((g) => [g, per(g)])) as Genders,
        pagaende: sum(span.at(-1)!.pagaende),
        work: span.reduce((s, r) => s + r.utfall.arbete + r.utfall.studier + r.utfall.af, 0),
        answered: span.reduce((s, r) => s + (r.ind[INDICATOR]?.besvarade ?? 0), 0),
        positive: span.reduce((s, r) => s + (r.ind[INDICATOR]?.positiva ?? 0), 0),
        days: span.reduce((s, r) => s + r.dagar, 0),
        missing,
    };
}

const value = (x: Figure) => (x.kind === 'shown' ? x.value : undefined);

/** Every shown figure: exact where nothing is missing, a true lower bound where months are, never impossible. */
function problemsOf(fig: FollowUpFigures, ref: ReturnType<typeof reference>, full: boolean): string[] {
    const out: string[] = [];
    const exact = ref.missing.length === 0;
    const bound = (name: string, x: Figure, truth: number) => {
        const v = value(x);
        if (v === undefined) return;
        if (v < 0) out.push(`${name} ${v} is negative`);
        if (exact ? v !== truth : v > truth)
            out.push(`${name} ${v} against the true ${truth}${exact ? '' : ' (bound)'}`);
    };
    if (fig.atLeast !== !exact) out.push(`atLeast ${fig.atLeast} with missing ${ref.missing.join()}`);
    if (fig.gapMonths.join() !== ref.missing.join())
        out.push(`gap months ${fig.gapMonths.join()} ≠ ${ref.missing.join()}`);
    if (value(fig.opening) !== undefined && value(fig.opening) !== ref.opening)
        out.push(`opening ${value(fig.opening)}`);
    if (value(fig.pagaende) !== undefined && value(fig.pagaende) !== ref.pagaende)
        out.push(`pågående ${value(fig.pagaende)}`);
    bound('deltagare', fig.deltagare, ref.deltagare);
    bound('nya', fig.nya, ref.nya);
    bound('avslutade', fig.avslutade, ref.avslutade);
    bound('work', fig.work.count, ref.work);
    for (const g of GENDERS) bound(g, fig.genders[g], ref.genders[g]);
    const ind = fig.indicators.find((i) => i.id === INDICATOR);
    if (ind) {
        bound('answered', ind.answered, ref.answered);
        bound('positive', ind.positive, ref.positive);
    }
    const days = value(fig.days);
    if (!exact && days !== undefined) out.push(`an average of ${days} days with months missing`);
    if (exact && days !== undefined && ref.avslutade > 0 && days !== Math.round(ref.days / ref.avslutade))
        out.push(`average days ${days} against ${Math.round(ref.days / ref.avslutade)}`);
    // No impossible pair: every relation a reader would check holds between the figures shown together.
    const [d, o, n, p, a, w] = [fig.deltagare, fig.opening, fig.nya, fig.pagaende, fig.avslutade, fig.work.count].map(
        value,
    );
    const both = (...xs: (number | undefined)[]) => xs.every((x) => x !== undefined);
    if (both(d, p) && d! < p!) out.push(`deltagare ${d} below pågående ${p}`);
    if (both(d, a) && d! < a!) out.push(`deltagare ${d} below avslutade ${a}`);
    if (both(d, o, n) && d !== o! + n!) out.push(`deltagare ${d} ≠ ${o} + ${n}`);
    if (both(d, a, p) && p !== d! - a!) out.push(`pågående ${p} ≠ ${d} − ${a}`);
    if (both(w, a) && w! > a!) out.push(`work ${w} above avslutade ${a}`);
    const gs = GENDERS.map((g) => value(fig.genders[g]));
    if (both(d, ...gs) && d !== gs.reduce((s, x) => s! + x!, 0)) out.push(`genders ${gs.join('+')} ≠ ${d}`);
    if (!exact && (fig.workCheck?.status || fig.indicators.some((i) => i.check.status)))
        out.push('a share status with months missing');
    if (full && !exact) {
        const { text } = followUpView(fryksdalen, navet, fig, { lang: 'sv', rules: DEFAULT_RULES });
        if (!/Deltagare hittills i år: minst \d+/.test(text)) out.push(`no "minst" in: ${text}`);
        for (const m of ref.missing) {
            const name = new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'UTC' }).format(
                new Date(`${m}-01T12:00:00Z`),
            );
            if (!text.includes(name)) out.push(`missing month ${m} not named`);
        }
    }
    return out;
}

describe('domain/reports: year-to-date figures with months missing', function () {
    this.timeout(120_000);

    it('When February, October and November are reported, then deltagare is at least the November pågående plus avslutade, and October is not called the year start', () => {
        const level = (k: number, m: number) => ({ kvinnor: k, man: m, annat: 0 });
        const base = { utfall: { arbete: 0, studier: 0, af: 0, rehab: 0, ovrigt: 0 }, rem: {}, dagar: 0, ind: {} };
        const given: MonthlyReport[] = [
            {
                ...base,
                month: '2024-02',
                nya: level(1, 1),
                avslutade: level(0, 0),
                pagaende: level(5, 4),
                rem: { annan: 2 },
            },
            {
                ...base,
                month: '2024-10',
                nya: level(1, 0),
                avslutade: level(0, 0),
                pagaende: level(10, 8),
                rem: { annan: 1 },
            },
            {
                ...base,
                month: '2024-11',
                nya: level(1, 1),
                avslutade: level(0, 0),
                pagaende: level(11, 9),
                rem: { annan: 2 },
            },
        ];
        const fig = fullFigures(followUp(fryksdalen, navet, 2024, given, undefined), false);
        // Opening at the start of February 7; the level rose to 17 by October's start: at least 8 new in between.
        assert.deepEqual(
            [value(fig.opening), value(fig.nya), value(fig.deltagare), value(fig.pagaende)],
            [7, 13, 20, 20],
        );
        assert.deepEqual(fig.gapMonths, ['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
        const { text } = followUpView(fryksdalen, navet, fig, { lang: 'sv', rules: DEFAULT_RULES });
        assert.match(text, /Deltagare hittills i år: minst 20 \(i början av februari 7 \+ nya minst 13\)/);
        assert.match(text, /Pågående i slutet av november: 20/);
        assert.match(text, /Saknas mellan rapporterna: mars, april, maj, juni, juli, augusti, september/);
        assert.doesNotMatch(text, /vid årets början/);
    });

    it('When random months of a true year are reported in a random order, then every shown figure agrees with the plain computation and no impossible pair is shown', () => {
        fc.assert(
            fc.property(years, ({ truth, given, december, decemberLevel }) => {
                const ref = reference(truth, given, decemberLevel, december !== undefined);
                const fu = followUp(fryksdalen, navet, YEAR, given, december);
                assert.deepEqual(problemsOf(fullFigures(fu, true), ref, true), []);
            }),
            { numRuns: 300, seed: 23 },
        );
    });

    it('When the same random years are followed up in a shared conversation, then every figure still shown is the full one and no impossible pair is shown', () => {
        fc.assert(
            fc.property(years, ({ truth, given, december, decemberLevel }) => {
                const ref = reference(truth, given, decemberLevel, december !== undefined);
                const full = fullFigures(followUp(fryksdalen, navet, YEAR, given, december), false);
                const shared = sharedFollowUp(fryksdalen, navet, YEAR, given, december)!;
                assert.deepEqual(problemsOf(shared, ref, false), []);
                for (const k of ['deltagare', 'opening', 'nya', 'pagaende', 'avslutade'] as const) {
                    const v = value(shared[k]);
                    if (v !== undefined) assert.equal(v, value(full[k]), k);
                }
            }),
            { numRuns: 25, seed: 7 },
        );
    });
});
