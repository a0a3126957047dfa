import assert from 'node:assert/strict';
import { cardCases } from '../../src/cli/card-cases';
import { expandCard } from '../../src/cards/render';
import { browserUnavailable, openCardRenderer, THEMES, type CardRenderer } from '../../src/cards/render-browser';

// Every card, rendered by the official adaptivecards JS renderer in headless Chromium (one browser for all cards).
describe('cards in the real renderer (headless Chromium)', function () {
    this.timeout(60_000);
    let renderer: CardRenderer | undefined;
    const { cases, withoutData } = cardCases();

    before(async function () {
        const reason = browserUnavailable();
        if (reason) {
            // Only here may these checks be skipped: CI installs Debian's chromium when it is missing.
            console.warn(`    browser card checks skipped: ${reason}`);
            this.skip();
        }
        renderer = await openCardRenderer();
    });
    after(async () => renderer?.close());

    const problemsOf = async (card: Record<string, unknown>) => (await renderer!.render(card, 'light')).problems;
    const card = (body: object[], extra: object = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });
    const text = (t: string, extra: object = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
    const line = { type: 'Chart.Line', title: 'EK', data: [{ legend: 'EK', values: [{ x: '2024', y: 632234 }] }] };

    it('When the templates are listed, then every template has sample data to render', () => {
        assert.ok(cases.length >= 4);
        assert.deepEqual(withoutData, []);
    });

    for (const c of cases) {
        it(`When "${c.name}" is rendered in light and dark, then the renderer has nothing to complain about`, async () => {
            const expanded = expandCard(c.spec);
            for (const theme of THEMES) {
                assert.deepEqual((await renderer!.render(expanded, theme)).problems, [], `${c.name} (${theme})`);
            }
        });
    }

    const faults: [string, Record<string, unknown>, RegExp][] = [
        [
            'an unknown property on an element',
            card([text('x', { colour: 'Good' })]),
            /unknown property "colour" on TextBlock/,
        ],
        ['an unknown property on the card', card([], { speek: 'x' }), /unknown property "speek" on AdaptiveCard/],
        [
            'an unknown property on an action',
            card([], { actions: [{ type: 'Action.Execute', title: 'Ja', verb: 'v', colour: 'x' }] }),
            /unknown property "colour" on Action.Execute/,
        ],
        [
            'an unknown property inside a fact',
            card([{ type: 'FactSet', facts: [{ title: 'a', value: 'b', note: 'c' }] }]),
            /unknown property "note" on FactSet.facts\[0\]/,
        ],
        [
            'the Table header flag spelled as in the schema docs (the renderer reads firstRowAsHeaders)',
            card([{ type: 'Table', firstRowAsHeader: false, columns: [{ width: 1 }], rows: [] }]),
            /unknown property "firstRowAsHeader" on Table/,
        ],
        [
            'msteams on an element rather than the card',
            card([text('x', { msteams: {} })]),
            /unknown property "msteams"/,
        ],
        ['an unknown element', card([{ type: 'Bogus' }]), /parse: Unknown element type "Bogus"/],
        [
            'a property newer than 1.5',
            card([{ type: 'Input.Text', id: 'a', label: 'A', labelPosition: 'Inline' }]),
            /parse: .*labelPosition/,
        ],
        ['version 1.4', { ...card([text('x')]), version: '1.4' }, /version is 1.4, expected 1.5/],
        [
            'a card over 80 KB',
            card(Array.from({ length: 900 }, (_, i) => text(`rad ${i} `.repeat(12)))),
            /serialized size \d+ B is over 81920 B/,
        ],
        [
            'more buttons than Teams shows',
            card([], {
                actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Execute', title: `${i}`, verb: 'v' })),
            }),
            /validate: Maximum number of actions exceeded \(6\)/,
        ],
        ['a chart without fallback', card([line]), /Chart.Line.fallback: Required[\s\S]*shows no fallback/],
        [
            'a chart dropped instead of falling back',
            card([{ ...line, fallback: 'drop' }]),
            /Chart.Line: the renderer shows no fallback/,
        ],
        [
            'a chart whose fallback is hidden',
            card([{ ...line, fallback: text('632 234 kr', { isVisible: false }) }]),
            /Chart.Line: the renderer shows no fallback/,
        ],
        ['a chart in the wrong shape', card([{ ...line, data: [{ x: 1 }], fallback: text('x') }]), /Chart.Line.data/],
        ['a fallback with an unknown property', card([{ ...line, fallback: text('x', { colour: 'x' }) }]), /"colour"/],
    ];

    for (const [what, faulty, expected] of faults) {
        it(`When a card has ${what}, then the check reports it`, async () => {
            assert.match((await problemsOf(faulty)).join('\n'), expected);
        });
    }

    it('When a card uses $schema and msteams on the card, defaults, empty actions and a chart with fallback, then it passes', async () => {
        const fine = card(
            [
                text('Eget kapital', { spacing: 'Default', isSubtle: false, wrap: false }),
                { ...line, fallback: text('632 234 kr') },
                { type: 'Container', items: [text('x')] },
            ],
            { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', msteams: { width: 'Full' }, actions: [] },
        );
        assert.deepEqual(await problemsOf(fine), []);
    });

    it('When a card is rendered with a picture, then the picture is a PNG of the card', async () => {
        const { png } = await renderer!.render(card([text('632 234 kr')]), 'dark', { screenshot: true });
        assert.ok(png && png.subarray(1, 4).toString() === 'PNG' && png.length > 500);
    });
});
