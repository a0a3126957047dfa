import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkCard } from '../../src/cards/check';
import { expandCard } from '../../src/cards/render';
import { ROOT, TEMPLATES_DIR } from '../../src/paths';
import { storedCardSchema } from '../../src/cards/templates';

// Every template must have sample data in test/fixtures/cards/<name>.json (one object, or an array of cases).
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cards');

describe('card templates', () => {
    const templates = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'));

    it('When the templates folder is read, then there are templates to check', () => {
        assert.ok(templates.length >= 4);
    });

    for (const file of templates) {
        const name = basename(file, '.json');
        it(`When "${name}" is expanded with its sample data, then it parses as a 1.5 card under 80 KB`, () => {
            const raw = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as object | object[];
            for (const data of Array.isArray(raw) ? raw : [raw]) {
                const card = expandCard(storedCardSchema.parse({ template: name, data }));
                assert.deepEqual(checkCard(card), [], `${name}: ${JSON.stringify(data).slice(0, 80)}`);
            }
        });
    }

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
