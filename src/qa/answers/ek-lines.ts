// How an eget kapital year reads: closing, basis (tryckt/beräknat), share, verdict and printed-vs-computed gap.
import { formatDifference, must, type EkYear, type Forbund } from '../../domain';
import type { Answer, Question } from '../types';
import { inUnit, money, pct, rulePct, say, sourceLine, withSource } from './common';

export const basis = (q: Question, e: EkYear) =>
    e.closingBasis === 'utfall'
        ? say(q.lang, `utfall ${e.year}`, `actual ${e.year} (utfall)`)
        : e.closingBasis === 'printed'
          ? say(
                q.lang,
                e.closingCirka ? 'tryckt, cirka' : 'tryckt i planen',
                e.closingCirka ? 'printed, approx.' : 'printed',
            )
          : say(q.lang, 'beräknat', 'computed (beräknat)');

export function verdictText(f: Forbund, q: Pick<Question, 'lang'>, e: Pick<EkYear, 'verdict'>): string {
    const { ekMaxShareOfAllotted: ceiling, ekBuffer } = f.thresholds;
    switch (e.verdict) {
        case 'negativt':
            return say(q.lang, 'NEGATIVT eget kapital', 'NEGATIVE equity');
        case 'över taket': {
            const limit = rulePct(must(ceiling, 'EK ceiling behind an "över taket" verdict'));
            return say(q.lang, `över taket ${limit}`, `above the ${limit} ceiling`);
        }
        case 'under bufferten': {
            const buffer = money(must(ekBuffer, 'EK buffer behind an "under bufferten" verdict').amount);
            return say(q.lang, `under bufferten (${buffer})`, `below the buffer (${buffer})`);
        }
        case 'inom ramen':
            return say(q.lang, 'inom förbundets regel', "within the förbund's rule");
        default:
            return say(q.lang, 'förbundet har ingen egen regel för eget kapital', 'the förbund sets no equity rule');
    }
}

export function diffText(q: Question, e: EkYear): string | undefined {
    if (!e.difference || e.difference.kr === 0 || !e.printedClosing) return undefined;
    return say(
        q.lang,
        `tryckt ${money(e.printedClosing)}, beräknat ${money(e.computedClosing)}: skillnad ${formatDifference(e.difference)}`,
        `printed ${money(e.printedClosing)}, computed ${money(e.computedClosing)}: difference ${formatDifference(e.difference)}`,
    );
}

/** One year's line: closing, basis, share, verdict and any printed/computed gap. */
export function ekLine(f: Forbund, q: Question, e: EkYear): string {
    const gap = diffText(q, e);
    const share = say(
        q.lang,
        `${pct(e.shareOfAllotted)} av tilldelade medel`,
        `${pct(e.shareOfAllotted)} of allotted funds`,
    );
    return `${e.year}: **${money(e.closing)}** (${basis(q, e)}) – ${share} – ${verdictText(f, q, e)}${gap ? ` – ${gap}` : ''}`;
}

/** The forecast for every plan year as a list answer with the chart card. */
export function forecastAnswer(f: Forbund, q: Question, years: EkYear[], kind: 'list' | 'finding' = 'list'): Answer {
    const title = say(q.lang, 'Eget kapital vid årets slut', 'Eget kapital (equity) at year end');
    const lines = years.map((e) => `- ${ekLine(f, q, e)}`);
    const rows = years.map((e) => ({
        year: String(e.year),
        closing: money(e.closing),
        basis: basis(q, e),
        share: pct(e.shareOfAllotted),
        verdict: verdictText(f, q, e),
        note: diffText(q, e) ?? '',
    }));
    const head =
        q.lang === 'en'
            ? ['Year', 'Equity', 'Basis', 'Share', 'Verdict']
            : ['År', 'Eget kapital', 'Underlag', 'Andel', 'Bedömning'];
    return {
        kind,
        values: years.map((e) => inUnit(e.closing).value),
        unit: inUnit(years[0].closing).unit,
        text: withSource(f, q.lang, [`**${title}**`, ...lines]),
        card: {
            template: 'qa-ek',
            data: {
                title,
                chartTitle: say(
                    q.lang,
                    `Eget kapital (${inUnit(years[0].closing).unit})`,
                    `Equity (${inUnit(years[0].closing).unit})`,
                ),
                points: years.map((e) => ({ x: String(e.year), y: inUnit(e.closing).value })),
                head: { year: head[0], closing: head[1], basis: head[2], share: head[3], verdict: head[4] },
                rows,
                source: sourceLine(f, q.lang),
            },
        },
    };
}
