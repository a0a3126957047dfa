// Year totals, cost categories and the administration share, from the real data files.
import assert from 'node:assert/strict';
import { adminShare, categoryTotals, formatAmount, formatPercent, planYears, yearTotals } from '../../src/domain';
import { forbund } from './load';

describe('domain/budget', () => {
    const totals = [
        { id: 'fryksdalen', year: 2024, income: '3 044 280 kr', costs: '3 506 000 kr', result: '−461 720 kr' },
        { id: 'fryksdalen', year: 2025, income: '3 044 280 kr', costs: '3 506 000 kr', result: '−461 720 kr' },
        { id: 'fryksdalen', year: 2026, income: '3 044 280 kr', costs: '3 506 000 kr', result: '−461 720 kr' },
        { id: 'nedansiljan', year: 2025, income: '3 286 tkr', costs: '3 525 tkr', result: '−239 tkr' },
        { id: 'nedansiljan', year: 2026, income: '3 286 tkr', costs: '3 441 tkr', result: '−155 tkr' },
        { id: 'nedansiljan', year: 2027, income: '3 286 tkr', costs: '3 296 tkr', result: '−10 tkr' },
    ];
    for (const t of totals) {
        it(`When ${t.id} ${t.year} is totalled, then income ${t.income}, costs ${t.costs}, result ${t.result}`, () => {
            const y = yearTotals(forbund(t.id), t.year);
            assert.ok(y);
            assert.deepEqual([y.income, y.costs, y.result].map(formatAmount), [t.income, t.costs, t.result]);
        });
    }

    it('When a year is outside the plan, then there are no totals', () => {
        assert.equal(yearTotals(forbund('fryksdalen'), 2030), undefined);
    });

    it('When the plans are read, then their years are the printed columns', () => {
        assert.deepEqual(planYears(forbund('fryksdalen')), [2024, 2025, 2026]);
        assert.deepEqual(planYears(forbund('nedansiljan')), [2025, 2026, 2027]);
    });

    const admin = [
        { id: 'fryksdalen', year: 2024, admin: '500 000 kr', share: '14,3 %', limit: 0.15, breach: false },
        { id: 'nedansiljan', year: 2025, admin: '496 tkr', share: '14,1 %', limit: undefined, breach: undefined },
        { id: 'nedansiljan', year: 2027, admin: '557 tkr', share: '16,9 %', limit: undefined, breach: undefined },
    ];
    for (const t of admin) {
        it(`When ${t.id} ${t.year} administration is measured, then it is ${t.admin} = ${t.share}, limit ${t.limit}`, () => {
            const a = adminShare(forbund(t.id), t.year);
            assert.ok(a);
            assert.equal(formatAmount(a.admin), t.admin);
            assert.equal(formatPercent(a.share), t.share);
            assert.equal(a.limit, t.limit);
            assert.equal(a.breach, t.breach);
        });
    }

    const categories = [
        {
            id: 'fryksdalen',
            admin: [
                'Förbundschef',
                'Styrelsearvoden inkl. soc. avg.',
                'Revisorskostnader',
                'Ekonomiadmin. Torsby',
                'Övriga kostnader',
                'Representation',
                'Resekostnader',
            ],
            notAdmin: [
                'Licens verktyg indikatorer/NNS',
                'Utvecklingsarbete/LUFS',
                'Jämställdhetsarbete/kompetensutveckling',
                'Navet',
            ],
        },
        {
            id: 'nedansiljan',
            admin: ['Styrelse', 'Förvaltning'],
            notAdmin: [
                'Processtöd',
                'Rehabilitering & arbete',
                'Samverkansinsatser *',
                'Strukturella samverkansinsatser',
            ],
        },
    ];
    for (const t of categories) {
        it(`When ${t.id}'s posts are categorised, then exactly the administrative ones are administration`, () => {
            const f = forbund(t.id);
            for (const y of f.years) {
                const admin = y.posts.filter((p) => p.category === 'administration').map((p) => p.name);
                assert.deepEqual(admin.sort(), [...t.admin].sort());
                for (const name of t.notAdmin)
                    assert.ok(
                        y.posts.some((p) => p.name === name),
                        name,
                    );
            }
        });
    }

    it('When categories are totalled, then they add up to the year’s costs', () => {
        for (const id of ['fryksdalen', 'nedansiljan']) {
            const f = forbund(id);
            for (const year of planYears(f)) {
                const byCategory = Object.values(categoryTotals(f, year) ?? {});
                assert.equal(
                    byCategory.reduce((s, a) => s + a.kr, 0),
                    yearTotals(f, year)?.costs.kr,
                );
            }
        }
    });

    it('When Fryksdalen’s budget is read, then 2024 is a förslag and 2025–26 preliminär with identical posts', () => {
        const f = forbund('fryksdalen');
        assert.deepEqual(
            f.years.map((y) => y.status),
            ['förslag', 'preliminär', 'preliminär'],
        );
        assert.deepEqual(f.years[1]?.posts, f.years[0]?.posts);
        assert.deepEqual(f.years[2]?.posts, f.years[0]?.posts);
    });
});
