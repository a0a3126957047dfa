// Renders expanded cards with the official adaptivecards JS renderer in headless Chromium, like a Teams client would,
// and reports every parse problem, renderer warning and ignored property; optionally takes a picture of the card.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chartProblems, chartsIn } from './charts';
import { MAX_CARD_BYTES } from './check';

/** The two Teams themes every card is checked and pictured in. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Debian's chromium: the only browser this project can get (no browser downloads). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];

const HOST_CONFIG_DIR = join(__dirname, 'host-config');
const PAGE_HTML = join(__dirname, 'render-page.html');
const PAGE_SCRIPT = join(__dirname, 'render-page.js');
// The unminified build: the minified one renames the internals (getValue) the property check relies on.
const RENDERER_SCRIPT = require.resolve('adaptivecards/dist/adaptivecards.js');

/** Why no browser can be used here, or undefined when one can. */
export function browserUnavailable(executablePath = CHROMIUM_PATH): string | undefined {
    if (existsSync(executablePath)) return undefined;
    return `${executablePath} is not installed (install Debian's chromium: apt-get install -y chromium)`;
}

/** The Teams-like host config for a theme (src/cards/host-config/teams-<theme>.json). */
export function hostConfig(theme: Theme): Record<string, unknown> {
    return JSON.parse(readFileSync(join(HOST_CONFIG_DIR, `teams-${theme}.json`), 'utf8')) as Record<string, unknown>;
}

/** What Teams' limits say about a card before any rendering: version 1.5, ≤ 80 KB, Chart.* in documented shape. */
export function budgetProblems(card: Record<string, unknown>): string[] {
    const problems: string[] = [];
    if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, expected 1.5`);
    const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (size > MAX_CARD_BYTES) problems.push(`serialized size ${size} B is over ${MAX_CARD_BYTES} B`);
    return [...problems, ...chartProblems(card)];
}

/** One rendered card: its problems (empty when clean) and, when asked for, a PNG of the card on a Teams backdrop. */
export type CardRender = { problems: string[]; png?: Buffer };

/** A browser page ready to render cards; close() when done. */
export type CardRenderer = {
    render(card: Record<string, unknown>, theme: Theme, opts?: { screenshot?: boolean }): Promise<CardRender>;
    close(): Promise<void>;
};

type PageResult = { problems: string[]; charts: { type: string; shown: boolean }[] };
type RenderInPage = (card: unknown, hostConfig: unknown, theme: Theme) => PageResult;

/** Starts one headless Chromium with the renderer page loaded; every render reuses it. */
export async function openCardRenderer(executablePath = CHROMIUM_PATH): Promise<CardRenderer> {
    const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    try {
        const page: Page = await browser.newPage({
            viewport: { width: 560, height: 600 },
            deviceScaleFactor: 1,
            locale: 'sv-SE',
            timezoneId: 'Europe/Stockholm',
        });
        const logged: string[] = [];
        page.on('console', (m) => {
            if (m.type() === 'warning' || m.type() === 'error') logged.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
        // Cards are rendered offline: nothing may reach the network (images would show as broken, and say so).
        await page.route('**/*', (route) => route.abort());
        await page.setContent(readFileSync(PAGE_HTML, 'utf8'));
        await page.addScriptTag({ path: RENDERER_SCRIPT });
        await page.addScriptTag({ path: PAGE_SCRIPT });
        const configs = { light: hostConfig('light'), dark: hostConfig('dark') };

        return {
            async render(card, theme, opts = {}) {
                logged.length = 0;
                const result = await page.evaluate(
                    ([c, h, t]) => (globalThis as unknown as { renderCard: RenderInPage }).renderCard(c, h, t),
                    [card, configs[theme], theme] as const,
                );
                const problems = [...budgetProblems(card), ...result.problems];
                const shown = result.charts.filter((c) => c.shown).length;
                for (const chart of chartsIn(card).slice(shown)) {
                    problems.push(`${String(chart.type)}: the renderer shows no fallback for it`);
                }
                const png = opts.screenshot ? await page.locator('#frame').screenshot({ type: 'png' }) : undefined;
                problems.push(...logged);
                return { problems, png };
            },
            close: () => browser.close(),
        };
    } catch (e) {
        await browser.close();
        throw e;
    }
}
