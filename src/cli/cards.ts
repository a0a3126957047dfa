// `npm run cards [-- <template>…]`: renders every card (template × sample case × light/dark) in headless Chromium with
// the official adaptivecards renderer and writes docs/cards/<template>-<n>-<theme>.png; exits 1 on any problem.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardCases } from './card-cases';
import { expandCard } from '../cards/render';
import { browserUnavailable, openCardRenderer, THEMES } from '../cards/render-browser';
import { ROOT } from '../paths';

/** Where the card pictures go. */
const CARD_PICTURES_DIR = join(ROOT, 'docs', 'cards');

/** Renders the chosen templates (all when `only` is empty); returns one line per problem found. */
async function renderCardPictures(only: string[], out = CARD_PICTURES_DIR): Promise<string[]> {
    const unavailable = browserUnavailable();
    if (unavailable) return [`no browser: ${unavailable}`];
    const { cases, withoutData } = cardCases();
    const chosen = cases.filter((c) => only.length === 0 || only.includes(c.template));
    const problems = withoutData.map((t) => `${t}: no sample card in src/cli/card-cases.ts`);
    mkdirSync(out, { recursive: true });
    const written = new Set<string>();
    const renderer = await openCardRenderer();
    try {
        for (const c of chosen) {
            const card = expandCard(c.spec);
            for (const theme of THEMES) {
                const file = `${c.name}-${theme}.png`;
                const result = await renderer.render(card, theme, { screenshot: true });
                if (result.png) writeFileSync(join(out, file), result.png);
                written.add(file);
                problems.push(...result.problems.map((p) => `${c.name} (${theme}): ${p}`));
            }
        }
    } finally {
        await renderer.close();
    }
    // A full run also removes pictures of cases that no longer exist, so docs/cards always matches the cases.
    if (only.length === 0) {
        for (const f of readdirSync(out)) if (f.endsWith('.png') && !written.has(f)) rmSync(join(out, f));
    }
    process.stdout.write(`${written.size} pictures in ${out}\n`);
    return problems;
}

if (require.main === module) {
    renderCardPictures(process.argv.slice(2)).then(
        (problems) => {
            for (const p of problems) process.stderr.write(`${p}\n`);
            process.exit(problems.length ? 1 : 0);
        },
        (err: Error) => {
            process.stderr.write(`cards failed: ${err.message}\n`);
            process.exit(1);
        },
    );
}
