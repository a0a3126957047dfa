import { cardCases } from './src/cards/cases';
import { expandCard } from './src/cards/render';
import { openCardRenderer } from './src/cards/render-browser';
(async () => {
    const t0 = Date.now();
    const r = await openCardRenderer();
    console.log('launch', Date.now() - t0);
    const { cases, withoutData } = cardCases();
    console.log('without', withoutData);
    for (const c of cases) for (const theme of ['light', 'dark'] as const) {
        const card = expandCard({ template: c.template, data: c.data });
        const res = await r.render(card, theme, { screenshot: true });
        require('fs').writeFileSync(`/tmp/cards/${c.name}-${theme}.png`, res.png!);
        if (res.problems.length) console.log(c.name, theme, res.problems);
    }
    console.log('total', Date.now() - t0, cases.length);
    await r.close();
})();
