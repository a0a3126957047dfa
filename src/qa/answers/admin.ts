// Administration's cost and share of costs, judged against a ceiling only where the förbund states one.
import { adminShare, must, type Forbund } from '../../domain';
import type { Answer, Question } from '../types';
import { factsAnswer, inUnit, money, notStated, pct, rulePct, pctValue, resolveYears, say } from './common';

/** Administration's cost or share, judged against 15 % only where the förbund has that rule. */
export function answerAdmin(f: Forbund, q: Question, now: Date): Answer {
    const shares = f.years.map((y) => must(adminShare(f, y.year), `admin share for plan year ${y.year}`));
    const asksRule = q.concepts.has('verdict') || q.concepts.has('ceiling');
    const limit = f.thresholds.adminMaxShareOfCosts;
    if (asksRule && limit === undefined)
        return notStated(
            f,
            q,
            say(q.lang, 'något tak för administrationens andel av kostnaderna', 'a ceiling for administration costs'),
        );
    const wantsShare = asksRule || q.concepts.has('share') || q.concepts.has('percent');
    const same = shares.every((s) =>
        wantsShare ? pctValue(s.share) === pctValue(shares[0].share) : s.admin.kr === shares[0].admin.kr,
    );
    const years = resolveYears(f, q, now, same);
    if (!Array.isArray(years)) return years;
    const picked = shares.filter((s) => years.includes(s.year));
    const lines = picked.map(
        (s) =>
            `- ${s.year}: ${money(s.admin)} ${say(q.lang, 'av', 'of')} ${money(s.costs)} = **${pct(s.share)}**${s.limit !== undefined ? ` – ${s.breach ? say(q.lang, `ÖVER taket ${rulePct(s.limit)}`, `ABOVE the ${rulePct(s.limit)} ceiling`) : say(q.lang, `inom taket ${rulePct(s.limit)}`, `within the ${rulePct(s.limit)} ceiling`)}` : ''}`,
    );
    const title = say(q.lang, 'Administration', 'Administration');
    const first = picked[0];
    if (!wantsShare && picked.length === 1)
        return factsAnswer(f, q, { kind: 'number', ...inUnit(first.admin) }, title, lines);
    const kind = asksRule ? 'finding' : picked.length === 1 ? 'number' : 'list';
    return factsAnswer(
        f,
        q,
        { kind, value: pctValue(first.share), unit: '%', values: picked.map((s) => pctValue(s.share)) },
        title,
        lines,
    );
}
