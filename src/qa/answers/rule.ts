// A yes/no rule question about eget kapital: every plan year asked (all of them without a year), the verdict per
// year, and the rule that applies to this förbund (the 20 % ceiling, the board's buffer, or both).
import { ekForecast, planYears, type Forbund } from '../../domain';
import type { Answer, Question } from '../types';
import { factsAnswer, inUnit, money, pct, pctValue, resolveYears, rulePct, say } from './common';
import { ekLine } from './ek-lines';

/** The percentage a question names ("20-procentsregeln", "över 20 %"), as a ratio. */
function namedPercent(q: Question): number | undefined {
    const m = /\b(\d{1,2})\s*(?:%|procent|percent|procents?regeln|procentregeln)/.exec(q.tokens.join(' '));
    return m ? Number(m[1]) / 100 : undefined;
}

export function answerRule(f: Forbund, q: Question, now: Date): Answer {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    const years = q.years.kind === 'none' ? planYears(f) : resolveYears(f, q, now, false);
    if (!Array.isArray(years)) return years;
    const rows = ekForecast(f).filter((e) => years.includes(e.year));
    const { ekMaxShareOfAllotted: ceiling, ekBuffer: buffer } = f.thresholds;
    const asked = namedPercent(q);
    const ceilingWord = q.tokens.some((t) => t.startsWith('tak') || t.startsWith('ceiling') || t === 'max');
    const percentAsked = asked !== undefined || c('percent') || ceilingWord;
    const byBuffer = c('buffer') || (!percentAsked && ceiling === undefined && buffer !== undefined);
    const limit = asked ?? ceiling;
    const rule = [
        ceiling !== undefined &&
            say(
                q.lang,
                `eget kapital högst ${rulePct(ceiling)} av tilldelade medel`,
                `equity at most ${rulePct(ceiling)} of allotted funds`,
            ),
        buffer &&
            say(
                q.lang,
                `en buffert som styrelsen beslutat om (${buffer.cirka ? 'cirka ' : ''}${money(buffer.amount)})`,
                `a buffer decided by the board (${buffer.cirka ? 'about ' : ''}${money(buffer.amount)})`,
            ),
    ].filter(Boolean) as string[];
    const ruleLine = rule.length
        ? say(q.lang, `Förbundets regel: ${rule.join(' och ')}.`, `The förbund's rule: ${rule.join(' and ')}.`)
        : say(q.lang, 'Planen anger ingen egen regel för eget kapital.', 'The plan sets no rule for equity.');
    const noCeiling =
        ceiling !== undefined || (asked === undefined && !ceilingWord)
            ? []
            : asked !== undefined
              ? [
                    say(
                        q.lang,
                        `Planen har inget ${rulePct(asked)}-tak; jämfört med ${rulePct(asked)}:`,
                        `The plan has no ${rulePct(asked)} ceiling; compared with ${rulePct(asked)}:`,
                    ),
                ]
              : [say(q.lang, 'Planen anger inget tak för eget kapital.', 'The plan sets no ceiling for equity.')];
    const vsLimit = (share: number) =>
        limit === undefined
            ? ''
            : share > limit
              ? say(q.lang, ` – över ${rulePct(limit)}`, ` – above ${rulePct(limit)}`)
              : say(q.lang, ` – inte över ${rulePct(limit)}`, ` – not above ${rulePct(limit)}`);
    const bufferNote = (kr: number) =>
        !buffer
            ? ''
            : kr >= buffer.amount.kr
              ? say(q.lang, `, över bufferten`, `, above the buffer`)
              : say(q.lang, `, under bufferten`, `, below the buffer`);
    const lines = rows.map((e) =>
        byBuffer || asked === undefined || ceiling !== undefined
            ? `- ${ekLine(f, q, e)}`
            : `- ${e.year}: ${pct(e.shareOfAllotted)}${vsLimit(e.shareOfAllotted)} (${money(e.closing)}${bufferNote(e.closing.kr)})`,
    );
    const values = rows.map((e) => (byBuffer ? inUnit(e.closing).value : pctValue(e.shareOfAllotted)));
    const one = rows.length === 1;
    const title = say(q.lang, 'Eget kapital mot förbundets regel', "Equity against the förbund's rule");
    return factsAnswer(
        f,
        q,
        {
            kind: 'finding',
            ...(one && (byBuffer ? inUnit(rows[0].closing) : { value: values[0], unit: '%' as const })),
            values,
        },
        title,
        [ruleLine, ...noCeiling, ...lines],
    );
}
