// Goals, insatser, bodies and the sample roster as the plans state them.
import assert from 'node:assert/strict';
import { formatTarget, goalTree, insatsOverview, matpunkter, otherGoals } from '../../src/domain';
import { forbund } from './load';

describe('domain/goals', () => {
    const targets = [
        { id: 'fryksdalen', goal: 'minst-60-deltagare', target: '≥ 60 deltagare' },
        { id: 'fryksdalen', goal: 'maluppfyllelse-50', target: '≥ 50 %' },
        { id: 'fryksdalen', goal: 'jamstalld-fordelning', target: undefined },
        { id: 'fryksdalen', goal: 'kompetensinsatser-10', target: '≥ 10 kompetensutbildningsinsatser' },
        { id: 'fryksdalen', goal: 'social-hallbarhet-2', target: '≥ 2 utbildningstillfällen' },
        { id: 'fryksdalen', goal: 'navet-60-deltagare', target: '≥ 60 deltagare' },
        { id: 'fryksdalen', goal: 'navet-avslut-50', target: '≥ 50 %' },
        { id: 'fryksdalen', goal: 'budget-halls', target: undefined },
        { id: 'fryksdalen', goal: 'ek-max-20', target: '≤ 20 %' },
        { id: 'fryksdalen', goal: 'admin-max-15', target: '≤ 15 %' },
    ];
    for (const t of targets) {
        it(`When ${t.id}'s mätpunkt ${t.goal} is read, then its target is ${t.target ?? 'none'}`, () => {
            const m = matpunkter(forbund(t.id)).find((x) => x.id === t.goal);
            assert.ok(m);
            assert.equal(formatTarget(m), t.target);
        });
    }

    it('When Navet is looked up, then its indicators are 100/90/90/90/60 %, its owner Torsby and its post Navet', () => {
        const o = insatsOverview(forbund('fryksdalen'), 'navet');
        assert.ok(o);
        assert.deepEqual(
            o.insats.indicators.filter((i) => i.target !== undefined).map((i) => formatTarget(i)),
            ['≥ 100 %', '≥ 90 %', '≥ 90 %', '≥ 90 %', '≥ 60 %'],
        );
        assert.equal(o.insats.ownerPartId, 'torsby');
        assert.deepEqual(
            o.posts.map((p) => [p.year, p.post.name]),
            [
                [2024, 'Navet'],
                [2025, 'Navet'],
                [2026, 'Navet'],
            ],
        );
        assert.deepEqual(
            o.matpunkter.map((m) => m.id),
            ['navet-60-deltagare', 'navet-avslut-50', 'navet-tjanstedesign'],
        );
    });

    it('When RoA is looked up, then its styrgrupp meets every 14 days', () => {
        const o = insatsOverview(forbund('nedansiljan'), 'roa');
        assert.equal(o?.styrgrupp?.cadence?.days, 14);
        assert.ok(o?.insats.aliases.includes('RoA'));
    });

    it('When Fryksdalen’s goals are nested, then two målområden carry the individ- and strukturinsats goals', () => {
        const tree = goalTree(forbund('fryksdalen'));
        assert.deepEqual(
            tree.map((a) => a.verksamhetsmal.map((v) => v.matpunkter.length)),
            [[3], [2]],
        );
        assert.deepEqual(
            otherGoals(forbund('fryksdalen')).map((g) => g.matpunkter.length),
            [3],
        );
    });

    it('When Nedansiljan’s goals are read, then there are four målområden, Dalarna’s three nyckeltal and no numeric targets', () => {
        const f = forbund('nedansiljan');
        assert.equal(f.goals.malomraden.length, 4);
        assert.equal(f.goals.nyckeltal.length, 3);
        assert.ok(f.goals.nyckeltal.every((n) => /Dalarna/.test(n.decidedBy)));
        assert.ok(matpunkter(f).every((m) => m.target === undefined));
    });

    for (const id of ['fryksdalen', 'nedansiljan']) {
        it(`When ${id}'s organisation is read, then styrelse, beredningsgrupp and one styrgrupp per insats exist`, () => {
            const f = forbund(id);
            assert.deepEqual(f.bodies.map((b) => b.kind).sort(), ['beredningsgrupp', 'styrelse', 'styrgrupp']);
            for (const i of f.insatser) assert.ok(f.bodies.some((b) => b.kind === 'styrgrupp' && b.insatsId === i.id));
        });

        it(`When ${id}'s roster is read, then it is a full sample styrelse with chef, projektägare, styrgrupp and beredningsgrupp`, () => {
            const f = forbund(id);
            const roles = f.roster.flatMap((p) => p.roles);
            for (const part of f.parter) {
                for (const seat of ['ledamot', 'ersättare'] as const) {
                    assert.equal(
                        roles.filter((r) => r.role === seat && r.partId === part.id).length,
                        1,
                        `${seat} ${part.id}`,
                    );
                }
            }
            const count = (role: string) => roles.filter((r) => r.role === role).length;
            assert.deepEqual([count('ordförande'), count('vice ordförande'), count('förbundschef')], [1, 1, 1]);
            for (const i of f.insatser) {
                assert.equal(roles.filter((r) => r.role === 'projektägare' && r.insatsId === i.id).length, 1);
                const styr = roles.filter((r) => r.role === 'styrgrupp' && r.insatsId === i.id).length;
                assert.ok(styr >= 2 && styr <= 3);
            }
            assert.ok(count('beredningsgrupp') >= 2 && count('beredningsgrupp') <= 4);
            assert.ok(f.roster.every((p) => p.sample && (p.email ?? '').endsWith('@example.invalid')));
        });

        it(`When ${id}'s data is read, then every part, post and insats has aliases and the source is named`, () => {
            const f = forbund(id);
            const named = [...f.parter, ...f.insatser, ...f.years.flatMap((y) => y.posts)];
            for (const x of named) assert.ok(x.aliases.length > 0, x.name);
            assert.match(f.source.title, new RegExp(f.shortName));
            assert.equal(
                f.parter
                    .filter((p) => p.paysStateShare)
                    .map((p) => p.name)
                    .join(),
                'Försäkringskassan',
            );
        });
    }
});
