// Shares of income: a part's or a kind's percentage, the law's 50/25/25 split, and costs above income.
import { lawSplit, minus, must, sum, yearTotals, type Amount, type Forbund } from '../../domain';
import type { Answer, Question } from '../types';
import { factsAnswer, inUnit, money, notStated, pct, pctValue, resolveYears, say } from './common';
import { perYear } from './budget';
import { KIND_NAME, lineOf, targetParts } from './parts';

/** A part's (or a kind's) share of the year's income, in percent. */
export function answerPartShare(f: Forbund, q: Question, now: Date): Answer {
    const parts = targetParts(f, q);
    if (!Array.isArray(parts)) return parts;
    const years = resolveYears(f, q, now, true);
    if (!Array.isArray(years)) return years;
    const y = years[0];
    const lines = parts.flatMap((p) => lineOf(f, y, p) ?? []);
    if (lines.length < parts.length) return notStated(f, q, say(q.lang, 'parternas andelar', "the parts' shares"));
    const part = sum(lines.map((l) => l.amount));
    const total = must(yearTotals(f, y), `totals for year ${y}`).income;
    const ratio = part.kr / total.kr;
    return factsAnswer(
        f,
        q,
        { kind: 'number', value: pctValue(ratio), unit: '%' },
        say(q.lang, `Andel av intäkterna ${y}`, `Share of income ${y}`),
        [`${parts.map((p) => p.name).join(', ')}: ${money(part)} / ${money(total)} = **${pct(ratio)}**`],
    );
}

/** The law's split (state ½, region ¼, kommuner ¼) against the plan, with the deviation. */
export function answerLawSplit(f: Forbund, q: Question, now: Date): Answer {
    const years = resolveYears(f, q, now, true);
    if (!Array.isArray(years)) return years;
    const split = lawSplit(f, years[0]);
    if (!split.stated || !split.parts)
        return notStated(
            f,
            q,
            say(
                q.lang,
                'hur mycket varje part bidrar med, så lagens fördelning 50/25/25 kan inte prövas',
                "each part's contribution, so the law's 50/25/25 split cannot be checked",
            ),
        );
    const lines = split.parts.map(
        (p) =>
            `- ${KIND_NAME[p.kind][q.lang === 'en' ? 1 : 0]}: ${money(p.amount)} = **${pct(p.share)}** (${say(q.lang, 'lagen', 'law')}: ${money(p.expected)}; ${say(q.lang, 'avvikelse', 'deviation')} ${money(p.deviation)})`,
    );
    const state = must(
        split.parts.find((p) => p.kind === 'stat'),
        "the state's part in the law split",
    );
    const gap: Amount = { ...state.deviation, kr: Math.abs(state.deviation.kr) };
    const ok = split.parts.every((p) => p.deviation.kr === 0);
    const verdict = ok
        ? say(
              q.lang,
              'Fördelningen följer lagen (lag 2003:1210: staten hälften, regionen och kommunerna en fjärdedel var).',
              'The split follows the law.',
          )
        : say(
              q.lang,
              `Fördelningen avviker från lagens 50/25/25 (lag 2003:1210): staten betalar ${money(gap)} ${state.deviation.kr < 0 ? 'mindre' : 'mer'} än hälften.`,
              `The split deviates from the law's 50/25/25: the state pays ${money(gap)} ${state.deviation.kr < 0 ? 'less' : 'more'} than half.`,
          );
    return factsAnswer(
        f,
        q,
        { kind: 'finding', ...inUnit(gap) },
        say(q.lang, `Lagens fördelning ${split.year}`, `The law's split ${split.year}`),
        [verdict, ...lines],
    );
}

/** Costs above income: the deficit per year. */
export function answerDeficit(f: Forbund, q: Question, now: Date): Answer {
    const years = resolveYears(f, q, now, true);
    if (!Array.isArray(years)) return years;
    const rows = years.map((y) => {
        const t = must(yearTotals(f, y), `totals for year ${y}`);
        return {
            year: y,
            amount: minus(t.costs, t.income),
            note:
                t.costs.kr > t.income.kr
                    ? say(
                          q.lang,
                          `kostnader ${money(t.costs)} över intäkter ${money(t.income)}`,
                          `costs ${money(t.costs)} above income ${money(t.income)}`,
                      )
                    : say(q.lang, 'inom intäkterna', 'within income'),
        };
    });
    return perYear(f, q, say(q.lang, 'Kostnader över intäkter', 'Costs above income'), rows, 'finding');
}
