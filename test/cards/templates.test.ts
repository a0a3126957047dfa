import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { checkCard } from '../../src/cards/check';
import { expandCard } from '../../src/cards/render';
import { CARD_NAMES, storedCardSchema } from '../../src/cards/templates';
import { cardCases } from '../../src/cli/card-cases';
import { TEMPLATES_DIR } from '../../src/paths';

// Every template has sample cards made by the bot's own builders (src/cli/card-cases.ts).
describe('card templates', () => {
    const templates = readdirSync(TEMPLATES_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json'))
        .sort();
    const { cases, withoutData } = cardCases();

    it('When the templates folder is read, then its files are exactly the names of the card contract', () => {
        assert.ok(templates.length >= 4);
        assert.deepEqual(templates, [...CARD_NAMES].sort());
    });

    it('When the sample cards are built, then every template has at least one', () => {
        assert.deepEqual(withoutData, []);
    });

    for (const name of templates) {
        it(`When "${name}" is expanded with its sample cards, then each parses as a 1.5 card under 80 KB`, () => {
            const mine = cases.filter((c) => c.template === name);
            assert.ok(mine.length > 0, `no sample card for ${name}`);
            for (const c of mine) {
                assert.deepEqual(
                    checkCard(expandCard(c.spec)),
                    [],
                    `${c.name}: ${JSON.stringify(c.spec.data).slice(0, 80)}`,
                );
            }
        });
    }

    it('When a stored card names no template of the contract, then it is not read back as a card', () => {
        assert.equal(storedCardSchema.safeParse({ template: 'bogus', data: {} }).success, false);
        assert.equal(storedCardSchema.safeParse({ template: 'message', data: { title: 'x' } }).success, true);
    });

    it('When a card has an unknown element or the wrong version, then the check reports it', () => {
        const problems = checkCard({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Bogus' }] });
        assert.equal(problems.length, 2);
        assert.match(problems.join(' '), /version is 1.4/);
        assert.match(problems.join(' '), /Unknown element type "Bogus"/);
    });

    it('When a card is larger than 80 KB, then the check reports its size', () => {
        const body = Array.from({ length: 900 }, (_, i) => ({ type: 'TextBlock', text: `rad ${i} `.repeat(12) }));
        assert.match(checkCard({ type: 'AdaptiveCard', version: '1.5', body }).join(' '), /over 81920 B/);
    });
});

describe('chart elements', () => {
    const chart = (extra: object) => ({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
            { type: 'Chart.Line', title: 'EK', data: [{ legend: 'EK', values: [{ x: '2024', y: 632234 }] }], ...extra },
        ],
    });

    it('When a chart has its documented shape and a fallback, then the card passes', () => {
        assert.deepEqual(checkCard(chart({ fallback: { type: 'TextBlock', text: '632 234 kr' } })), []);
    });

    it('When a chart has no fallback, then the check says so', () => {
        assert.match(checkCard(chart({})).join(' '), /Chart.Line.fallback/);
    });

    it('When a chart has the wrong data shape, then the check says so', () => {
        const problems = checkCard(chart({ data: [{ x: 1 }], fallback: { type: 'TextBlock', text: 'x' } }));
        assert.match(problems.join(' '), /Chart.Line.data/);
    });
});
