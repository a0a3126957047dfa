// What the plan implies, computed: change between two years (difference and %), two posts side by side, and why
// eget kapital or the result moves (income − costs per year, and the posts that moved most).
import {
    ekForecast,
    formatDifference,
    formatPercent,
    planYears,
    yearTotals,
    type Amount,
    type Forbund,
} from '../../domain';
import { twoYears } from '../intent';
import type { Answer, Question } from '../types';
import { currentYear } from '../years';
import { clarify, factsAnswer, inUnit, money, pctValue, resolveYears, say } from './common';

type Subject = { label: string; at: (year: number) => Amount | undefined };

const unitOf = (f: Forbund) => (f.years[0]?.unit === 'tkr' ? 'tkr' : 'kr');
const amount = (f: Forbund, kr: number): Amount => ({ kr, unit: unitOf(f) });

/** What is being compared: a post, eget kapital, the result, income or costs. */
function subjectOf(f: Forbund, q: Question): Subject | undefined {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    if (q.posts.length === 1) {
        const id = q.posts[0];
        const post = f.years.flatMap((y) => y.posts).find((p) => p.id === id);
        return {
            label: post?.name ?? id,
            at: (y) => f.years.find((x) => x.year === y)?.posts.find((p) => p.id === id)?.amount,
        };
    }
    if (c('ek')) {
        const fc = ekForecast(f);
        return { label: say(q.lang, 'Eget kapital', 'Equity'), at: (y) => fc.find((e) => e.year === y)?.closing };
    }
    const which = c('result') ? 'result' : c('income') ? 'income' : c('costs') ? 'costs' : undefined;
    if (!which) return undefined;
    const label = {
        result: say(q.lang, 'Resultat', 'Result'),
        income: say(q.lang, 'Intäkter', 'Income'),
        costs: say(q.lang, 'Totala kostnader', 'Total costs'),
    }[which];
    return { label, at: (y) => (planYears(f).includes(y) ? yearTotals(f, y)?.[which] : undefined) };
}

/** The two years compared: named, a range's ends, or a year word / the current year against the year before. */
function yearsOf(f: Forbund, q: Question, now: Date): [number, number] | undefined {
    const y = q.years;
    if (y.kind === 'all' && y.range) return y.range;
    if (twoYears(q) && y.kind === 'explicit') {
        const s = [...y.years].sort();
        return [s[0], s.at(-1)!];
    }
    const one = y.kind === 'explicit' || y.kind === 'word' ? y.years[0] : currentYear(now);
    const plan = planYears(f);
    if (y.kind === 'none' && !plan.includes(one)) return plan.length > 1 ? [plan.at(-2)!, plan.at(-1)!] : undefined;
    return [one - 1, one];
}

/** A complete change question for a clarify button, with the years the message named (or the last two). */
function changeQuestion(f: Forbund, q: Question, now: Date, what: string): string {
    const ys = yearsOf(f, q, now) ?? [];
    const span = ys.length === 2 ? say(q.lang, ` ${ys[1]} jämfört med ${ys[0]}`, ` from ${ys[0]} to ${ys[1]}`) : '';
    return say(q.lang, `Hur förändras ${what}${span}?`, `How does ${what} change${span}?`);
}

/** "Hur förändras kostnaderna 2026 jämfört med 2025?": the difference and the change in percent. */
export function answerChange(f: Forbund, q: Question, now: Date): Answer {
    const subject = subjectOf(f, q);
    if (!subject)
        return clarify(
            f,
            q,
            say(q.lang, 'Vad vill du jämföra mellan åren?', 'What do you want to compare between the years?'),
            [
                [say(q.lang, 'Kostnader', 'Costs'), say(q.lang, 'kostnaderna', 'the total costs')],
                [say(q.lang, 'Eget kapital', 'Equity'), say(q.lang, 'eget kapital', 'equity')],
                [say(q.lang, 'Resultat', 'Result'), say(q.lang, 'resultatet', 'the result')],
            ].map(([title, what]) => ({ title, q: changeQuestion(f, q, now, what) })),
        );
    const each =
        q.years.kind === 'all'
            ? !q.years.range
            : q.years.kind === 'none' && q.tokens.some((t) => ['mest', 'most', 'varje'].includes(t));
    if (each) return everyYear(f, q, subject);
    const years = yearsOf(f, q, now);
    const from = years && subject.at(years[0]);
    const to = years && subject.at(years[1]);
    if (!years || !from || !to) {
        const checked = resolveYears(f, { ...q, years: { kind: 'explicit', years: years ?? [] } }, now, false);
        if (!Array.isArray(checked)) return checked;
        return clarify(f, q, say(q.lang, 'Vilka år vill du jämföra?', 'Which years do you want to compare?'), []);
    }
    const diff = amount(f, to.kr - from.kr);
    const ratio = from.kr === 0 ? undefined : (to.kr - from.kr) / Math.abs(from.kr);
    const pctText = ratio === undefined ? '' : ` (${ratio > 0 ? '+' : ''}${formatPercent(ratio)})`;
    const title = say(
        q.lang,
        `${subject.label}: ${years[1]} jämfört med ${years[0]}`,
        `${subject.label}: ${years[1]} compared with ${years[0]}`,
    );
    const lines = [
        `- ${years[0]}: **${money(from)}**`,
        `- ${years[1]}: **${money(to)}**`,
        say(
            q.lang,
            `Förändring: **${formatDifference(diff)}**${pctText}`,
            `Change: **${formatDifference(diff)}**${pctText}`,
        ),
    ];
    const percent = (q.concepts.has('percent') || q.concepts.has('share')) && ratio !== undefined;
    return factsAnswer(
        f,
        q,
        percent
            ? { kind: 'number', value: pctValue(ratio), unit: '%' }
            : { kind: 'finding', ...inUnit(diff), values: [inUnit(from).value, inUnit(to).value, inUnit(diff).value] },
        title,
        lines,
    );
}

/** The change from each plan year to the next (eget kapital: each year's closing against its opening). */
function everyYear(f: Forbund, q: Question, subject: Subject): Answer {
    const plan = planYears(f);
    const ek = q.posts.length === 0 && q.concepts.has('ek');
    const fc = ekForecast(f);
    const rows = plan.flatMap((y) => {
        const to = subject.at(y);
        const from = ek ? fc.find((e) => e.year === y)?.opening : subject.at(y - 1);
        return to && from ? [{ y, d: amount(f, to.kr - from.kr) }] : [];
    });
    const most = [...rows].sort((a, b) => Math.abs(b.d.kr) - Math.abs(a.d.kr))[0];
    return factsAnswer(
        f,
        q,
        { kind: 'finding', unit: unitOf(f), values: rows.map((r) => inUnit(r.d).value) },
        say(q.lang, `${subject.label}: förändring per år`, `${subject.label}: change per year`),
        [
            ...rows.map((r) => `- ${r.y}: **${formatDifference(r.d)}**`),
            ...(most
                ? [
                      say(
                          q.lang,
                          `Störst förändring: ${most.y} (${formatDifference(most.d)}).`,
                          `Largest change: ${most.y} (${formatDifference(most.d)}).`,
                      ),
                  ]
                : []),
        ],
    );
}

/** "Jämför Navet och LUFS 2024": the posts side by side for one year, and the difference. */
export function answerCompare(f: Forbund, q: Question, now: Date): Answer {
    const years = resolveYears(f, q, now, true);
    if (!Array.isArray(years)) return years;
    const year = years.includes(currentYear(now)) ? currentYear(now) : years[0];
    const rows = (q.mentionedPosts ?? q.posts).map((id) => {
        const p = f.years.find((y) => y.year === year)?.posts.find((x) => x.id === id);
        return { name: p?.name ?? id, amount: p?.amount ?? amount(f, 0) };
    });
    const [a, b] = rows;
    const diff = amount(f, a.amount.kr - b.amount.kr);
    return factsAnswer(
        f,
        q,
        { kind: 'list', unit: unitOf(f), values: rows.map((r) => inUnit(r.amount).value) },
        say(q.lang, `Jämförelse ${year}`, `Comparison ${year}`),
        [
            ...rows.map((r) => `- ${r.name}: **${money(r.amount)}**`),
            say(
                q.lang,
                `Skillnad ${a.name} − ${b.name}: **${formatDifference(diff)}**`,
                `Difference ${a.name} − ${b.name}: **${formatDifference(diff)}**`,
            ),
        ],
    );
}

/** "Varför sjunker eget kapital?": each year's income − costs, and the posts that moved most from the year before. */
export function answerWhy(f: Forbund, q: Question, now: Date): Answer {
    const y = q.years;
    const plan = planYears(f);
    const years = (y.kind === 'explicit' || y.kind === 'word' ? y.years.filter((x) => plan.includes(x)) : plan).sort();
    if (years.length === 0) {
        const r = resolveYears(f, q, now, false);
        if (!Array.isArray(r)) return r;
    }
    const rows = years.map((year) => ({ year, t: yearTotals(f, year)! }));
    const lines = rows.map(({ year, t }) =>
        say(
            q.lang,
            `- ${year}: intäkter ${money(t.income)} − kostnader ${money(t.costs)} = **${formatDifference(t.result)}** (${t.result.kr < 0 ? 'underskott, eget kapital minskar' : 'överskott, eget kapital ökar'})`,
            `- ${year}: income ${money(t.income)} − costs ${money(t.costs)} = **${formatDifference(t.result)}** (${t.result.kr < 0 ? 'deficit, equity falls' : 'surplus, equity grows'})`,
        ),
    );
    const moved = rows.flatMap(({ year }) => {
        const prev = f.years.find((x) => x.year === year - 1);
        const cur = f.years.find((x) => x.year === year);
        if (!prev || !cur) return [];
        return cur.posts
            .map((p) => ({
                year,
                name: p.name,
                d: p.amount.kr - (prev.posts.find((x) => x.id === p.id)?.amount.kr ?? 0),
            }))
            .filter((m) => m.d !== 0);
    });
    const top = moved.sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, 3);
    const movedLines = top.length
        ? [
              say(q.lang, 'Poster som ändrats mest mot året före:', 'Posts that moved most from the year before:'),
              ...top.map((m) => `- ${m.year} ${m.name}: ${formatDifference(amount(f, m.d))}`),
          ]
        : [
              say(
                  q.lang,
                  'Posterna är desamma alla år; skillnaden kommer av att kostnaderna är större än intäkterna.',
                  'The posts are the same every year; the difference comes from costs exceeding income.',
              ),
          ];
    const results = rows.map((r) => inUnit(r.t.result).value);
    const costs = (q.concepts.has('costs') || q.posts.length > 0) && !q.concepts.has('ek') && !q.concepts.has('result');
    const same = results.every((r) => r === results[0]);
    return factsAnswer(
        f,
        q,
        { kind: 'finding', ...(same && { ...inUnit(rows[0].t.result) }), unit: unitOf(f), values: results },
        costs
            ? say(q.lang, 'Varför kostnaderna förändras: posterna', 'Why the costs change: the posts')
            : say(q.lang, 'Varför eget kapital förändras: årets resultat', 'Why equity changes: each year’s result'),
        costs
            ? [...movedLines, ...lines]
            : [
                  say(
                      q.lang,
                      'Eget kapital förändras med årets resultat (intäkter − kostnader):',
                      'Equity changes by each year’s result (income − costs):',
                  ),
                  ...lines,
                  ...movedLines,
              ],
    );
}
