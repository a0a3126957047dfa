import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeCp437, decodeCp437 } from '../../src/domain/cp437';
import { csvOre, fromCumulative, LedgerFileError, parseLedgerCsv } from '../../src/domain/ledger';
import { parseSie, readAccountingFile, sieFields, sieOre } from '../../src/domain/sie';
import { mapLedger, type UtfallImport } from '../../src/domain/utfall';
import { utfallReport, utfallAgendaText, type UtfallData } from '../../src/domain/utfall-report';
import { ekForecast, yearTotals } from '../../src/domain';
import { utfallDeadlines } from '../../src/domain/deadlines';
import { FRYKSDALEN, NEDANSILJAN, PERIODS, type Figure } from '../fixtures/utfall/figures';
import { forbund } from './load';

const DIR = join(__dirname, '..', 'fixtures', 'utfall');
const NOW = new Date('2026-05-20T08:00:00Z');
const file = (name: string) => readFileSync(join(DIR, name));

// The tests' own reading of the mapping, written out by hand from the data files (not the import's rule matcher).
const FRYKSDALEN_POSTS: Record<string, string> = {
    '3010': 'intakt',
    '4010': 'navet',
    '4510': 'lufs',
    '5010': 'forbundschef',
    '5210': 'styrelsearvoden',
    '5810': 'resekostnader',
    '6071': 'representation',
    '6420': 'revisorskostnader',
    '6540': 'licens-indikatorer',
    '6550': 'ekonomiadministration',
    '7610': 'kompetensutveckling',
    '6110': 'ovriga-kostnader',
};
const NEDANSILJAN_POSTS: Record<string, string> = {
    '3010': 'intakt',
    '4010 1:110': 'rehabilitering-arbete',
    '4010 1:120': 'processtod',
    '4010 1:130': 'strukturella-samverkansinsatser',
    '4010 1:140': 'kompetenshojande-insatser',
    '4010': 'insatsmedel',
    '5210': 'styrelse',
    '5010': 'forvaltning',
    '6550': 'forvaltning',
};

/** Expected whole kronor per post over the months, income turned positive, from the figures alone. */
function expected(figs: Figure[], posts: Record<string, string>): Map<string, number> {
    const ore = new Map<string, number>();
    for (const f of figs) {
        const post = posts[f.objekt ? `${f.konto} ${f.objekt}` : f.konto];
        for (const [m, v] of f.months.entries()) {
            const key = `${post}|${PERIODS[m]}`;
            ore.set(key, (ore.get(key) ?? 0) + Math.round(v * 100) * (post === 'intakt' ? -1 : 1));
        }
    }
    const total = new Map<string, number>();
    for (const [k, v] of ore) {
        const post = k.split('|')[0];
        total.set(post, (total.get(post) ?? 0) + Math.round(v / 100));
    }
    return total;
}

function perPost(imp: UtfallImport): Map<string, number> {
    const out = new Map<string, number>();
    for (const l of imp.lines) {
        const key = l.target === 'intakt' ? 'intakt' : l.key;
        out.set(key, (out.get(key) ?? 0) + l.kr);
    }
    return out;
}

const dataOf = (imp: UtfallImport): UtfallData => ({
    year: imp.year,
    lines: imp.lines,
    latest: imp.periods.at(-1) ?? '',
    source: { fileName: 'x.se', kind: 'SIE 4', importedAt: NOW, cumulative: false },
    prognos: {},
    bokslut: [],
});

describe('utfall: reading SIE and CSV files', () => {
    const cases = [
        ['fryksdalen', 'fryksdalen-2026-sie2.se', FRYKSDALEN, FRYKSDALEN_POSTS],
        ['fryksdalen', 'fryksdalen-2026-sie4.se', FRYKSDALEN, FRYKSDALEN_POSTS],
        ['fryksdalen', 'fryksdalen-2026.csv', FRYKSDALEN, FRYKSDALEN_POSTS],
        ['nedansiljan', 'nedansiljan-2026-sie3.se', NEDANSILJAN, NEDANSILJAN_POSTS],
        ['nedansiljan', 'nedansiljan-2026-sie4.se', NEDANSILJAN, NEDANSILJAN_POSTS],
        ['nedansiljan', 'nedansiljan-2026.csv', NEDANSILJAN, NEDANSILJAN_POSTS],
    ] as const;
    for (const [id, name, figs, posts] of cases) {
        it(`${name}: per-post utfall equals the figures summed by post`, () => {
            const f = forbund(id);
            const imp = mapLedger(f, readAccountingFile(file(name)), NOW);
            assert.equal(imp.year, 2026);
            assert.deepEqual(imp.periods, PERIODS);
            assert.deepEqual(imp.unmapped, []);
            const want = expected([...figs], posts);
            assert.deepEqual(
                new Map([...perPost(imp)].filter(([, v]) => v !== 0)),
                new Map([...want].filter(([, v]) => v !== 0)),
            );
        });
    }

    it("SIE 4: the transaction texts (a person's name) are nowhere in what is kept", () => {
        const imp = mapLedger(forbund('nedansiljan'), readAccountingFile(file('nedansiljan-2026-sie4.se')), NOW);
        assert.doesNotMatch(JSON.stringify(imp), /Åsa|Öberg|rehabsamtal/);
    });

    it('decodes PC8 (CP437): the company name and program keep their å, ä, ö', () => {
        const sie = parseSie(file('nedansiljan-2026-sie3.se'));
        assert.equal(sie.company, 'Samordningsförbundet Nedansiljan');
        assert.equal(sie.program, 'Påhittat Ekonomisystem 1.0');
        assert.equal(sie.sieType, 3);
        assert.equal(sie.kontoplan, 'BAS2000');
        assert.equal(sie.generated, '2026-05-05');
        assert.equal(sie.balanceKonton, 1);
    });

    it('report: prognos linear for costs, budget for income, EK recomputed with the prognos', () => {
        const f = forbund('fryksdalen');
        const imp = mapLedger(f, readAccountingFile(file('fryksdalen-2026-sie4.se')), NOW);
        const r = utfallReport(f, dataOf(imp));
        assert.ok(r);
        const want = expected([...FRYKSDALEN], FRYKSDALEN_POSTS);
        const navet = r.posts.find((p) => p.id === 'navet');
        assert.ok(navet);
        assert.equal(navet.utfall.kr, want.get('navet'));
        assert.equal(navet.prognos.kr, Math.round(((want.get('navet') ?? 0) * 12) / 4));
        assert.equal(navet.proRata, 4 / 12);
        assert.equal(r.income.prognos.kr, yearTotals(f, 2026)?.income.kr);
        const costs = [...want].filter(([k]) => k !== 'intakt').reduce((s, [, v]) => s + v, 0);
        assert.equal(r.totals.costs.utfall.kr, costs);
        const prognosCosts = r.posts.reduce((s, p) => s + p.prognos.kr, 0);
        const plan = ekForecast(f).find((e) => e.year === 2026);
        assert.ok(plan);
        const ek = r.ek.find((e) => e.year === 2026);
        assert.equal(ek?.closing.kr, plan.opening.kr + (yearTotals(f, 2026)?.income.kr ?? 0) - prognosCosts);
        assert.match(utfallAgendaText(r), /Utfall t\.o\.m\. april 2026/);
    });

    it('report: a prognos the chef set replaces the linear one and marks the post', () => {
        const f = forbund('nedansiljan');
        const imp = mapLedger(f, readAccountingFile(file('nedansiljan-2026.csv')), NOW);
        const r = utfallReport(f, { ...dataOf(imp), prognos: { processtod: 300000 } });
        const p = r?.posts.find((x) => x.id === 'processtod');
        assert.equal(p?.prognos.kr, 300000);
        assert.equal(p?.prognosBasis, 'satt');
        assert.equal(p?.status, 'under budget');
        assert.equal(p?.deviation.kr, 300000 - 440000);
    });

    it('a bokslut for a closed year replaces its planned result in the EK forecast', () => {
        const f = forbund('nedansiljan');
        const imp = mapLedger(f, readAccountingFile(file('nedansiljan-2026.csv')), NOW);
        const r = utfallReport(f, { ...dataOf(imp), bokslut: [{ year: 2025, intakter: 3286000, kostnader: 3000000 }] });
        const y2025 = r?.ek.find((e) => e.year === 2025);
        const plan2025 = ekForecast(f).find((e) => e.year === 2025);
        assert.equal(y2025?.basis, 'bokslut');
        assert.equal(y2025?.closing.kr, (plan2025?.opening.kr ?? 0) + 286000);
        assert.equal(r?.ek.find((e) => e.year === 2026)?.opening.kr, y2025?.closing.kr);
    });
});

describe('utfall: bad files get a precise error or warning', () => {
    const sie = (body: string, format = 'PC8') =>
        encodeCp437(['#FLAGGA 0', `#FORMAT ${format}`, '#SIETYP 2', '#RAR 0 20260101 20261231', body].join('\r\n'));
    const fail = (bytes: Uint8Array, kind: string, message: RegExp, id = 'fryksdalen') =>
        assert.throws(
            () => mapLedger(forbund(id), readAccountingFile(bytes), NOW),
            (e: unknown) =>
                e instanceof LedgerFileError && e.kind === kind && message.test(e.text.sv) && message.test(e.text.sv),
        );

    it('unmapped konton are kept apart and named in a warning, not dropped', () => {
        const imp = mapLedger(
            forbund('fryksdalen'),
            readAccountingFile(sie('#PSALDO 0 202601 7990 {} 1500.00\r\n#PSALDO 0 202601 4010 {} 100.00')),
            NOW,
        );
        assert.deepEqual(imp.unmapped, [{ konto: '7990', kr: 1500 }]);
        assert.deepEqual(
            imp.lines.find((l) => l.target === 'konto'),
            { period: '2026-01', target: 'konto', key: '7990', kr: 1500 },
        );
        assert.match(imp.warnings.map((w) => w.sv).join(' '), /1 konton saknar koppling till en budgetpost: 7990/);
    });
    it('a period that has not started', () =>
        fail(sie('#PSALDO 0 202609 4010 {} 100.00'), 'period', /Perioden 2026-09 har inte börjat än/));
    it('a year the plan has no budget for', () =>
        fail(
            encodeCp437('#FORMAT PC8\r\n#SIETYP 2\r\n#RAR 0 20230101 20231231\r\n#PSALDO 0 202301 4010 {} 5.00'),
            'period',
            /Planen har ingen budget för 2023/,
        ));
    it('a period that is no month', () =>
        fail(sie('#PSALDO 0 202613 4010 {} 100.00'), 'period', /Rad 5: perioden "202613" är ingen månad/));
    it('an unknown encoding', () =>
        fail(sie('#PSALDO 0 202601 4010 {} 1.00', 'UTF8'), 'encoding', /Okänd teckenkodning "#FORMAT UTF8"/));
    it('a text amount in SIE', () =>
        fail(sie('#PSALDO 0 202601 4010 {} 12,50'), 'amount', /Rad 5: beloppet "12,50" för konto 4010 är inget tal/));
    it('a text amount in CSV', () =>
        fail(
            Buffer.from('konto;period;belopp\n4010;2026-01;tolv kronor\n'),
            'amount',
            /Rad 2: beloppet "tolv kronor" för konto 4010/,
        ));
    it('a duplicate period in SIE', () =>
        fail(
            sie('#PSALDO 0 202601 4010 {} 1.00\r\n#PSALDO 0 202601 4010 {} 2.00'),
            'duplicate',
            /Rad 6: konto 4010 period 2026-01 står redan på rad 5/,
        ));
    it('a duplicate period in CSV', () =>
        fail(
            Buffer.from('konto;period;belopp\n4010;2026-01;1,00\n4010;2026-01;2,00\n'),
            'duplicate',
            /Rad 3: konto 4010 period 2026-01 står redan på rad 2/,
        ));
    it('a CSV period not written YYYY-MM', () =>
        fail(
            Buffer.from('konto;period;belopp\n4010;mars 2026;1,00\n'),
            'period',
            /Rad 2: perioden "mars 2026" ska skrivas ÅÅÅÅ-MM/,
        ));
    it('a CSV that is not UTF-8', () =>
        fail(
            Uint8Array.from([...Buffer.from('konto;period;belopp\n4010;2026-01;1,00;'), 0xe5, 0x0a]),
            'encoding',
            /inte sparad som UTF-8/,
        ));
    it('a broken financial year', () =>
        fail(
            encodeCp437('#FORMAT PC8\r\n#RAR 0 20250701 20260630\r\n#PSALDO 0 202601 4010 {} 5.00'),
            'year',
            /inte ett kalenderår/,
        ));
    it('a förbund without a mapping', () => {
        const f = { ...forbund('fryksdalen'), utfall: undefined };
        assert.throws(
            () => mapLedger(f, readAccountingFile(sie('#PSALDO 0 202601 4010 {} 1.00')), NOW),
            /har ingen kontokoppling/,
        );
    });
});

describe('utfall: parser properties', () => {
    it('CP437 round-trips every byte', () =>
        fc.assert(fc.property(fc.uint8Array(), (b) => assert.deepEqual(encodeCp437(decodeCp437(b)), b))));
    it('SIE amounts: öre read back from any amount written with two decimals', () =>
        fc.assert(fc.property(fc.integer({ min: -1e11, max: 1e11 }), (ore) => sieOre((ore / 100).toFixed(2)) === ore)));
    it('CSV amounts: decimal comma with or without thousands spaces', () =>
        fc.assert(
            fc.property(fc.integer({ min: -1e11, max: 1e11 }), (ore) => {
                const s = (Math.abs(ore) / 100).toFixed(2).replace('.', ',');
                const spaced = s.replace(/\B(?=(\d{3})+(?!\d))(?=[\d]*,)/g, ' ');
                const sign = ore < 0 ? '−' : '';
                return csvOre(sign + s) === ore && csvOre(sign + spaced) === ore;
            }),
        ));
    it('quoted fields with spaces and escaped quotes come back whole', () =>
        fc.assert(
            fc.property(
                fc.string().filter((s) => !/[\r\n]/.test(s)),
                (s) => {
                    const q = `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
                    const [label, konto, text] = sieFields(`#KONTO 4010 ${q}`);
                    return label === '#KONTO' && konto === '4010' && text === s;
                },
            ),
        ));
    it('summing transactions in any order and split gives the same per-konto sums', () =>
        fc.assert(
            fc.property(
                fc.array(
                    fc.tuple(
                        fc.constantFrom('4010', '5010', '6110'),
                        fc.integer({ min: 1, max: 4 }),
                        fc.integer({ min: -1e7, max: 1e7 }),
                    ),
                    { minLength: 1, maxLength: 40 },
                ),
                (rows) => {
                    const body = rows.flatMap(([k, m, ore], i) => [
                        `#VER A ${i} 20260${m}10 ""`,
                        '{',
                        `#TRANS ${k} {} ${(ore / 100).toFixed(2)}`,
                        '}',
                    ]);
                    const read = parseSie(encodeCp437(['#FORMAT PC8', '#SIETYP 4', ...body].join('\n')));
                    const want = new Map<string, number>();
                    for (const [k, m, ore] of rows)
                        want.set(`${k}|2026-0${m}`, (want.get(`${k}|2026-0${m}`) ?? 0) + ore);
                    const got = new Map(read.entries.map((e) => [`${e.konto}|${e.period}`, e.ore]));
                    assert.deepEqual(got, want);
                },
            ),
        ));
    it('cumulative amounts turned monthly sum back to the cumulative ones', () =>
        fc.assert(
            fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 12 }), (monthly) => {
                let run = 0;
                const cum = monthly.map((v, i) => ({
                    konto: '4010',
                    objekt: [],
                    period: `2026-${String(i + 1).padStart(2, '0')}`,
                    ore: (run += v),
                }));
                assert.deepEqual(
                    fromCumulative(cum).map((e) => e.ore),
                    monthly,
                );
            }),
        ));
    it('#BTRANS (removed) and #RTRANS (added, repeated as #TRANS) count once, as the #TRANS lines', () => {
        const text = [
            '#FORMAT PC8',
            '#SIETYP 4',
            '#VER A 1 20260110 ""',
            '{',
            '#BTRANS 4010 {} 500.00',
            '#RTRANS 4010 {} 70.00',
            '#TRANS 4010 {} 70.00',
            '#TRANS 4010 {} 30.00',
            '}',
        ];
        assert.deepEqual(parseSie(encodeCp437(text.join('\n'))).entries, [
            { konto: '4010', objekt: [], period: '2026-01', ore: 10000 },
        ]);
    });
    it('a CSV without the header row names the layout', () =>
        assert.throws(() => parseLedgerCsv('4010;2026-01;1,00\n'), /rubrikraden "konto;period;belopp"/));
});

describe('utfall: the monthly import deadline', () => {
    const f = forbund('nedansiljan');
    const withDay = { ...f, utfall: f.utfall && { ...f.utfall, dueDay: 12 } };
    it("is due on the förbund's day of the month after, to the chef, once, and settled when imported", () => {
        const list = utfallDeadlines(withDay, '2026-03-01', '2026-04-30', (m) => m === '2026-02');
        assert.deepEqual(
            list.map((d) => [d.key, d.due, d.audience.to, d.leads, d.settled?.sv]),
            [
                ['utfall:2026-02', '2026-03-12', 'utfall', [0], 'utfallet är importerat'],
                ['utfall:2026-03', '2026-04-12', 'utfall', [0], undefined],
            ],
        );
    });
    it('is not listed when the förbund sets no day', () =>
        assert.deepEqual(
            utfallDeadlines(f, '2026-03-01', '2026-04-30', () => false),
            [],
        ));
});
