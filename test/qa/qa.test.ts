// The Q&A core beyond the corpus: a third förbund without code change, facts that arrive in the data, context, cards.
import assert from 'node:assert/strict';
import { checkCard } from '../../src/cards/check';
import { expandCard } from '../../src/cards/render';
import { parseForbund } from '../../src/domain';
import { ask, understand } from '../../src/qa';
import { forbund, FIXTURE_DIR, rawForbund } from '../domain/load';

const at = (d: string) => new Date(`${d}T12:00:00+01:00`);

describe('Q&A on a third förbund (testbygden fixture, no code change)', () => {
    const f = forbund('testbygden', FIXTURE_DIR);
    const cases: [string, string, Record<string, unknown>][] = [
        ['Hur mycket kostar Stegvis 2027?', '2026-05-01', { kind: 'number', value: 1500000, unit: 'kr' }],
        ['Hur många deltagare ska Stegvis ha?', '2026-05-01', { kind: 'number', value: 20, unit: 'antal' }],
        ['Vem äger Stegvis?', '2026-05-01', { kind: 'list', values: ['Exempelby kommun'] }],
        ['Hur ofta träffas styrgruppen?', '2026-05-01', { kind: 'number', value: 30, unit: 'antal' }],
        ['eget kapital alla år', '2026-05-01', { kind: 'list', values: [360000, 410000] }],
        ['eget kapital', '2025-05-01', { kind: 'clarify' }],
        ['Hur mycket bidrar Region Exempel med?', '2026-05-01', { kind: 'number', value: 500000, unit: 'kr' }],
        ['Hur mycket kostar Navet?', '2026-05-01', { kind: 'not_stated' }],
    ];
    for (const [q, now, expected] of cases) {
        it(`When asked "${q}" (${now}), then it answers ${JSON.stringify(expected)}`, () => {
            const a = ask(q, f, at(now));
            for (const [k, v] of Object.entries(expected)) assert.deepEqual(a[k as keyof typeof a], v, a.text);
        });
    }

    it('When the EK forecast is asked, then the printed 2026 closing and the computed one are both shown with the difference', () => {
        const a = ask('Visa prognosen för eget kapital', f, at('2026-05-01'));
        assert.match(a.text, /tryckt 360 000 kr, beräknat 350 000 kr: skillnad \+10 000 kr/);
        assert.match(a.text, /2027: \*\*410 000 kr\*\* \(beräknat\) – 20,5 % av tilldelade medel – över taket 20 %/);
    });
});

describe('Q&A facts that live in the data file', () => {
    it('When the data file gains a sentence on who employs the förbundschef, then the answer quotes it (no code change)', () => {
        const raw = rawForbund('nedansiljan');
        const notes = (raw.notes as string[]).filter((n) => !/anställd av/.test(n));
        const without = parseForbund({ ...raw, notes }, 'nedansiljan.json');
        assert.equal(ask('Who employs our director?', without, at('2026-11-23')).kind, 'not_stated');
        const sentence =
            'Förbundschefen är anställd av Gagnefs kommun och delar sitt uppdrag med Norra Dalarnas samordningsförbund.';
        const f = parseForbund({ ...raw, notes: [...notes, sentence] }, 'nedansiljan.json');
        const a = ask('Who employs our director?', f, at('2026-11-23'));
        assert.equal(a.kind, 'list');
        assert.ok(a.values?.some((v) => String(v).includes('Gagnefs kommun')));
        const shared = ask('Vilket annat förbund delar förbundschefen tjänst med?', f, at('2026-11-23'));
        assert.ok(shared.values?.some((v) => String(v).includes('Norra Dalarnas')));
    });

    it('When the board has fixed a year (context override), then the status answer says fastställd', () => {
        const f = forbund('fryksdalen');
        const before = ask('Är budgeten för 2025 fastställd?', f, at('2024-12-01'));
        assert.deepEqual(before.values, ['preliminär']);
        const after = ask('Är budgeten för 2025 fastställd?', f, at('2024-12-01'), {
            budgetStatus: (y) => (y === 2025 ? 'fastställd' : undefined),
        });
        assert.deepEqual(after.values, ['fastställd']);
    });
});

describe('Q&A understanding and answers', () => {
    const f = forbund('fryksdalen');

    it('When years are named by words, then "i år", "nästa år", "förra året" and "next year" follow `now`', () => {
        const years = (q: string, now: string) => understand(q, f, at(now)).years;
        assert.deepEqual(years('eget kapital i år', '2025-03-10'), { kind: 'word', years: [2025] });
        assert.deepEqual(years('EGET KAPITAL NÄSTA ÅR???', '2024-06-01'), { kind: 'word', years: [2025] });
        assert.deepEqual(years('intakter forra aret', '2025-03-10'), { kind: 'word', years: [2024] });
        assert.deepEqual(years('Total costs next year?', '2026-12-31'), { kind: 'word', years: [2027] });
    });

    it('When the same words are asked again after new year (Stockholm time), then they are read for the new year', () => {
        const years = (now: string) => understand('eget kapital i år', f, new Date(now)).years;
        assert.deepEqual(years('2025-12-31T22:59:00Z'), { kind: 'word', years: [2025] });
        assert.deepEqual(years('2025-12-31T23:01:00Z'), { kind: 'word', years: [2026] });
        assert.deepEqual(years('2025-12-31T22:59:59Z'), { kind: 'word', years: [2025] });
    });

    it('When a year word lands outside the plan, then it asks back with the plan years as qa.ask buttons', () => {
        const a = ask('vad kostar navet i år', f, at('2027-02-01'));
        assert.equal(a.kind, 'clarify');
        assert.deepEqual(
            a.options?.map((o) => o.title),
            ['2024', '2025', '2026'],
        );
        assert.equal(ask(a.options[0].q, f, at('2027-02-01')).value, 2599000);
        const actions = expandCard(a.card!).actions as { verb: string; data: { q: string } }[];
        assert.ok(actions.every((b) => b.verb === 'qa.ask' && b.data.q.length > 0));
    });

    it('When the answer is in tkr, then the text shows tkr and never kronor to the krona', () => {
        const a = ask('Hur mycket kostar RoA 2026?', forbund('nedansiljan'), at('2026-11-23'));
        assert.match(a.text, /2 009 tkr/);
        assert.doesNotMatch(a.text, /2 009 000/);
    });

    it('When any answer card is expanded, then it passes the card check (the EK chart with its table fallback included)', () => {
        for (const q of ['Visa prognosen för eget kapital', 'Kontrollera budgeten', 'utveckling 2025', 'vädret?']) {
            assert.deepEqual(checkCard(expandCard(ask(q, f, at('2026-11-23')).card!)), [], q);
        }
    });
});
