// The parts' money: one part's contribution, a kind's share, the state allocation and the law's 50/25/25 split.
import { budgetYear, minus, must, planYears, printedAmount, sum, type Forbund, type Part } from '../../domain';
import type { Answer, Question } from '../types';
import { clarify, factsAnswer, inUnit, money, notStated, resolveYears, say } from './common';
import { perYear } from './budget';

export const KIND_NAME = {
    stat: ['staten', 'the state'],
    region: ['regionen', 'the region'],
    kommun: ['kommunerna', 'the municipalities'],
} as const;

/** The parts a question is about: named ones, all of a kind, or every part ("which parties fund us"). */
export function targetParts(f: Forbund, q: Question): Part[] | Answer {
    if (q.rest.length > 0)
        return notStated(
            f,
            q,
            say(q.lang, `någon part som heter ”${q.rest.join(' ')}”`, `a part called "${q.rest.join(' ')}"`),
            say(
                q.lang,
                `Parterna är ${f.parter.map((p) => p.name).join(', ')}.`,
                `The parts are ${f.parter.map((p) => p.name).join(', ')}.`,
            ),
        );
    if (q.parts.length > 0) return f.parter.filter((p) => q.parts.includes(p.id));
    if (q.partKind) {
        const of = f.parter.filter((p) => p.kind === q.partKind);
        if (of.length > 1 && !q.partKindAll) {
            const base = q.text.replace(/[?!.\s]+$/, '');
            return clarify(f, q, say(q.lang, 'Vilken av dem menar du?', 'Which one do you mean?'), [
                ...of.map((p) => ({
                    title: p.name,
                    q: say(q.lang, `Hur mycket bidrar ${p.name} med?`, `How much does ${p.name} contribute?`),
                })),
                {
                    title: say(q.lang, KIND_NAME[q.partKind][0], KIND_NAME[q.partKind][1]),
                    q: `${base} ${say(q.lang, '(alla tillsammans)', '(all together)')}`.replace(
                        /kommunen\b/i,
                        'kommunerna',
                    ),
                },
            ]);
        }
        return of;
    }
    return f.parter;
}

export const lineOf = (f: Forbund, year: number, p: Part) => budgetYear(f, year)?.income.find((l) => l.partId === p.id);

/** What named parts (together) pay, or the state allocation where only that is printed. */
export function answerContribution(f: Forbund, q: Question, now: Date): Answer {
    const parts = targetParts(f, q);
    if (!Array.isArray(parts)) return parts;
    const names = parts.map((p) => p.name).join(', ');
    const payer = parts.find((p) => p.paysStateShare);
    const perPart = !!budgetYear(f, planYears(f)[0])?.income.length;
    // "Vad får vi från staten?" is the printed allocation only where the plan prints one instead of a line per part.
    const printsAllocation = f.claims.some((c) => c.kind === 'state-allocation') || !perPart;
    const asksAllocation =
        (q.concepts.has('allocation') && printsAllocation) || (payer && parts.length === 1 && !perPart);
    if (asksAllocation && payer) return allocation(f, q, now);
    if (parts.length > 1 && q.parts.length === 0 && !q.partKind) return everyPart(f, q, now);
    const stated = f.years.every((y) => parts.every((p) => lineOf(f, y.year, p)));
    if (!stated)
        return notStated(
            f,
            q,
            say(q.lang, `hur mycket ${names} bidrar med`, `how much ${names} contributes`),
            say(
                q.lang,
                'Planen anger bara de samlade anslagen, inte varje parts bidrag.',
                "The plan gives only the total allotted funds, not each part's contribution.",
            ),
        );
    const amountOf = (y: number) =>
        sum(
            parts.map((p) => must(lineOf(f, y, p), `${p.name}'s line in ${y}`).amount),
            must(budgetYear(f, y), `budget for year ${y}`).unit,
        );
    const same = f.years.every((y) => amountOf(y.year).kr === amountOf(f.years[0].year).kr);
    const years = resolveYears(f, q, now, same);
    if (!Array.isArray(years)) return years;
    const note = parts
        .map((p) => p.note)
        .filter(Boolean)
        .join(' ');
    return perYear(
        f,
        q,
        say(q.lang, `Bidrag: ${names}`, `Contribution: ${names}`),
        years.map((y) => ({ year: y, amount: amountOf(y), note: note || undefined })),
    );
}

function everyPart(f: Forbund, q: Question, now: Date): Answer {
    const years = resolveYears(f, q, now, true);
    if (!Array.isArray(years)) return years;
    const y = years[0];
    const lines = f.parter.flatMap((p) => {
        const amount = lineOf(f, y, p)?.amount;
        return amount ? [[p.name, amount] as const] : [];
    });
    if (lines.length < f.parter.length)
        return notStated(f, q, say(q.lang, 'varje parts bidrag', "each part's contribution"));
    return factsAnswer(
        f,
        q,
        { kind: 'list', unit: inUnit(lines[0][1]).unit, values: lines.map(([, a]) => inUnit(a).value) },
        say(q.lang, `Parternas bidrag ${y}`, `The parts' contributions ${y}`),
        [],
        lines.map(([n, a]) => [n, money(a)]),
    );
}

/** The state allocation as printed (kr), and its change where two years are printed. */
function allocation(f: Forbund, q: Question, now: Date): Answer {
    const printedYears = f.claims
        .filter((c) => c.kind === 'state-allocation')
        .map((c) => c.year)
        .sort();
    const what = say(q.lang, 'statens tilldelning', 'the state allocation');
    if (q.concepts.has('change')) {
        const to = printedYears.at(-1);
        const from = to !== undefined ? printedAmount(f, 'state-allocation', to - 1) : undefined;
        const cur = to !== undefined ? printedAmount(f, 'state-allocation', to) : undefined;
        if (to === undefined || !cur || !from) return notStated(f, q, what);
        const d = minus(cur.value, from.value);
        return factsAnswer(
            f,
            q,
            { kind: 'number', ...inUnit(d) },
            say(q.lang, `Statens tilldelning ${to - 1}–${to}`, `State allocation ${to - 1}–${to}`),
            [
                `${to - 1}: ${money(from.value)}`,
                `${to}: ${money(cur.value)}`,
                `${say(q.lang, 'Förändring', 'Change')}: **${money(d)}**`,
            ],
        );
    }
    const explicit = q.years.kind === 'explicit' ? q.years.years : undefined;
    const years = explicit ?? resolveYears(f, q, now, false);
    if (!Array.isArray(years)) return years;
    const rows = years.flatMap((y) => {
        const p = printedAmount(f, 'state-allocation', y);
        return p ? [{ year: y, p }] : [];
    });
    if (rows.length < years.length)
        return notStated(
            f,
            q,
            `${what} ${years.join(', ')}`,
            say(
                q.lang,
                `Planen anger den för ${printedYears.join(', ')}.`,
                `The plan states it for ${printedYears.join(', ')}.`,
            ),
        );
    return perYear(
        f,
        q,
        say(q.lang, 'Statens tilldelning', 'State allocation'),
        rows.map((r) => ({ year: r.year, amount: r.p.value, note: r.p.primary.quote })),
    );
}
