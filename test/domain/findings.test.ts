// Every printed claim re-derived: findings are exactly the real mismatches.
import assert from 'node:assert/strict';
import { claimChecks, findings, formatClaimValue } from '../../src/domain';
import { forbund } from './load';

describe('domain/findings', () => {
    it('When Fryksdalen’s printed figures are re-derived, then there are no findings', () => {
        assert.deepEqual(findings(forbund('fryksdalen')), []);
    });

    it('When Fryksdalen’s "21 %" is re-derived, then it matches at the printed precision', () => {
        const check = claimChecks(forbund('fryksdalen')).find((c) => c.claim.kind === 'ek-share');
        assert.equal(check?.status, 'stämmer');
        assert.equal(check?.derived && formatClaimValue(check.derived), '21 %');
    });

    const expected = [
        { id: 'ek-opening-2026', printed: '756 tkr', derived: '761 tkr', difference: '−5 tkr', rounding: true },
        { id: 'ek-opening-2027', printed: '610 tkr', derived: '601 tkr', difference: '9 tkr', rounding: false },
    ];
    it('When Nedansiljan’s printed figures are re-derived, then the findings are exactly the two roll-forward mismatches', () => {
        assert.deepEqual(
            findings(forbund('nedansiljan')).map((f) => f.claim.id),
            expected.map((e) => e.id),
        );
    });
    for (const e of expected) {
        it(`When ${e.id} is re-derived, then printed ${e.printed} vs ${e.derived} (${e.difference}), possibly rounding: ${e.rounding}`, () => {
            const f = findings(forbund('nedansiljan')).find((x) => x.claim.id === e.id);
            assert.ok(f);
            const got = [f.claim.value, f.derived, f.difference].map(formatClaimValue);
            assert.deepEqual(got, [e.printed, e.derived, e.difference]);
            assert.equal(f.possiblyRounding, e.rounding);
        });
    }

    const unverifiable = [
        { id: 'fryksdalen', claim: 'ek-opening-2024', reason: 'utgångsvärde' },
        { id: 'nedansiljan', claim: 'ek-opening-2025', reason: 'utgångsvärde' },
        { id: 'nedansiljan', claim: 'state-allocation-2025', reason: 'underlag saknas' },
    ];
    for (const u of unverifiable) {
        it(`When ${u.id}'s ${u.claim} cannot be re-derived, then it is "${u.reason}", not a finding`, () => {
            const check = claimChecks(forbund(u.id)).find((c) => c.claim.id === u.claim);
            assert.deepEqual([check?.status, check?.reason], ['ej kontrollerbar', u.reason]);
        });
    }

    const matched = [
        { id: 'nedansiljan', claim: 'ek-closing-2027' },
        { id: 'nedansiljan', claim: 'allotted-2025' },
        { id: 'nedansiljan', claim: 'allotted-change-2025' },
        { id: 'nedansiljan', claim: 'ek-opening-2025-text' },
        { id: 'fryksdalen', claim: 'ek-closing-2024' },
        { id: 'fryksdalen', claim: 'allotted-2024' },
    ];
    for (const m of matched) {
        it(`When ${m.id}'s ${m.claim} is re-derived, then it matches`, () => {
            assert.equal(claimChecks(forbund(m.id)).find((c) => c.claim.id === m.claim)?.status, 'stämmer');
        });
    }

    it('When Nedansiljan’s 2026 opening (and its column) is changed in a copy, then the findings follow the data', () => {
        const f = forbund('nedansiljan');
        const set = (id: string, kr: number) => {
            const claim = f.claims.find((c) => c.id === id);
            assert.ok(claim);
            claim.value = { kr, unit: 'tkr' };
        };
        set('ek-opening-2026', 761_000);
        set('beslutsutrymme-2026', 4_047_000);
        assert.deepEqual(
            findings(f).map((x) => [x.claim.id, formatClaimValue(x.difference)]),
            [['ek-opening-2027', '4 tkr']],
        );
    });

    it('When every claim is checked, then each one has a status and a where', () => {
        for (const id of ['fryksdalen', 'nedansiljan']) {
            const f = forbund(id);
            assert.equal(claimChecks(f).length, f.claims.length);
            for (const c of f.claims) assert.ok(c.where.length > 0);
        }
    });
});
