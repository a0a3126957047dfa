// Budget answers: year totals, one post for a year or all years, administration, beslutsutrymme and status.
import { budgetYear, claimsOf, must, printedAmount, yearTotals, type Amount, type Forbund } from '../../domain';
import type { Answer, AnswerContext, Question } from '../types';
import { factsAnswer, inUnit, money, notStated, resolveYears, say } from './common';

/** One figure per year: a number for one year (or the same every year), else a list over the years. */
export function perYear(
    f: Forbund,
    q: Question,
    title: string,
    rows: { year: number; amount: Amount; note?: string }[],
    kind: 'number' | 'finding' = 'number',
): Answer {
    const same = rows.every((r) => r.amount.kr === rows[0].amount.kr);
    const lines = rows.map((r) => `- ${r.year}: **${money(r.amount)}**${r.note ? ` (${r.note})` : ''}`);
    const facts = rows.map((r): [string, string] => [String(r.year), money(r.amount)]);
    const { unit } = inUnit(rows[0].amount);
    if (rows.length === 1 || (same && q.years.kind !== 'all'))
        return factsAnswer(
            f,
            q,
            { kind, ...inUnit(rows[0].amount), values: rows.map((r) => inUnit(r.amount).value) },
            title,
            rows.length > 1
                ? [say(q.lang, 'Samma belopp alla planår:', 'The same amount every plan year:'), ...lines]
                : lines.map((l) => l.slice(2)),
            facts,
        );
    return factsAnswer(
        f,
        q,
        { kind: kind === 'number' ? 'list' : kind, unit, values: rows.map((r) => inUnit(r.amount).value) },
        title,
        lines,
        facts,
    );
}

/** Total income, costs or result. */
export function answerTotals(f: Forbund, q: Question, now: Date): Answer {
    const which = q.concepts.has('result') ? 'result' : q.concepts.has('costs') ? 'costs' : 'income';
    const totals = f.years.map((y) => must(yearTotals(f, y.year), `totals for plan year ${y.year}`));
    const same = totals.every((t) => t[which].kr === totals[0][which].kr);
    const years = resolveYears(f, q, now, same);
    if (!Array.isArray(years)) return years;
    if (which === 'income' && q.concepts.has('kronor') && years.length === 1) {
        const printed = printedAmount(f, 'allotted', years[0]);
        if (printed && printed.value.unit === 'kr')
            return factsAnswer(
                f,
                q,
                { kind: 'number', ...inUnit(printed.value) },
                say(q.lang, `Total budget ${years[0]}`, `Total budget ${years[0]}`),
                [`**${money(printed.value)}**${printed.primary.quote ? ` – ”${printed.primary.quote}”` : ''}`],
            );
    }
    const label = {
        income: say(q.lang, 'Intäkter (tilldelade medel)', 'Income (allotted funds)'),
        costs: say(q.lang, 'Totala kostnader', 'Total costs'),
        result: say(q.lang, 'Resultat', 'Result'),
    }[which];
    return perYear(
        f,
        q,
        label,
        years.map((y) => ({ year: y, amount: must(yearTotals(f, y), `totals for year ${y}`)[which] })),
    );
}

/** Totalt ingående beslutsutrymme as printed, or the printed change in total allotted funds. */
export function answerSpace(f: Forbund, q: Question, now: Date): Answer {
    if (q.concepts.has('change')) {
        const c = f.claims.find(
            (x) =>
                x.kind === 'allotted-change' &&
                (q.years.kind !== 'explicit' || q.years.years.includes(x.year) || q.years.years.includes(x.year - 1)),
        );
        if (!c || !('kr' in c.value))
            return notStated(f, q, say(q.lang, 'hur beslutsutrymmet förändras', 'how the decision space changes'));
        return factsAnswer(
            f,
            q,
            { kind: 'number', ...inUnit(c.value) },
            say(q.lang, `Förändring ${c.year - 1}–${c.year}`, `Change ${c.year - 1}–${c.year}`),
            [`**${money(c.value)}**${c.quote ? ` – ”${c.quote}”` : ''}`],
        );
    }
    const years = resolveYears(f, q, now, false);
    if (!Array.isArray(years)) return years;
    const rows = years.map((y) => ({ year: y, claim: claimsOf(f, 'beslutsutrymme', y)[0] }));
    if (rows.some((r) => !r.claim))
        return notStated(f, q, say(q.lang, 'totalt ingående beslutsutrymme', 'the total decision space'));
    return perYear(
        f,
        q,
        say(q.lang, 'Totalt ingående beslutsutrymme', 'Total decision space (beslutsutrymme)'),
        rows.map((r) => ({ year: r.year, amount: r.claim.value as Amount })),
    );
}

/** The budget's status per year (the board's recorded decision overrides the data file). */
export function answerStatus(f: Forbund, q: Question, now: Date, ctx: AnswerContext): Answer {
    const years = resolveYears(f, q, now, false);
    if (!Array.isArray(years)) return years;
    const rows = years.map((y) => {
        const decided = ctx.budgetDecision?.(y);
        if (decided)
            return {
                y,
                status: decided.status,
                ref: decided.ref,
                note: say(q.lang, `styrelsens beslut ${decided.ref}`, `the board's decision ${decided.ref}`),
            };
        const recorded = ctx.budgetStatus?.(y);
        if (recorded) return { y, status: recorded, note: undefined, ref: undefined };
        const plan = must(budgetYear(f, y), `budget for year ${y}`);
        return { y, status: plan.status, note: plan.statusNote, ref: undefined };
    });
    const lines = rows.map((r) => `- ${r.y}: **${r.status}**${r.note ? ` – ${r.note}` : ''}`);
    const refs = rows.flatMap((r) => (r.ref ? [r.ref] : []));
    if (refs.length)
        lines.push(
            say(
                q.lang,
                `Källa för beslutet: protokoll ${refs.join(', ')}`,
                `Source of the decision: minutes ${refs.join(', ')}`,
            ),
        );
    return factsAnswer(
        f,
        q,
        { kind: 'list', values: [...rows.map((r) => r.status), ...refs] },
        say(q.lang, 'Budgetens status', "The budget's status"),
        lines,
    );
}
