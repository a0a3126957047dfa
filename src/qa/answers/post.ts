// One budget post: for a year, all years, its share of costs; a word that only names part of a post is not stated.
import { must, yearTotals, type Forbund, type Post } from '../../domain';
import { fold } from '../text';
import type { Answer, Question } from '../types';
import { clarify, factsAnswer, money, notStated, pct, pctValue, resolveYears, say } from './common';
import { perYear } from './budget';

/** A post note that names the asked word inside parentheses describes a part of the post, not the post itself. */
function onlyPartOf(post: Post, q: Question): boolean {
    const inner = [...(post.note ?? '').matchAll(/\(([^)]*)\)/g)].map((m) => fold(m[1]));
    return post.aliases
        .map(fold)
        .some((a) => q.tokens.some((t) => t.startsWith(a)) && inner.some((i) => i.includes(a)));
}

/** One post: for a year, all years, or its share of the year's costs. */
export function answerPost(f: Forbund, q: Question, now: Date): Answer {
    const postsOf = (id: string) =>
        f.years.flatMap((y) => y.posts.filter((p) => p.id === id).map((p) => ({ year: y.year, post: p })));
    if (q.posts.length === 0) {
        if (q.rest.length === 0)
            return clarify(f, q, say(q.lang, 'Vilken post menar du?', 'Which post do you mean?'), []);
        return notStated(
            f,
            q,
            say(q.lang, `någon budgetpost för ”${q.rest.join(' ')}”`, `a budget post for "${q.rest.join(' ')}"`),
            say(
                q.lang,
                `Posterna är: ${f.years[0].posts.map((p) => p.name).join(', ')}.`,
                `The posts are: ${f.years[0].posts.map((p) => p.name).join(', ')}.`,
            ),
        );
    }
    if (q.posts.length > 1) {
        const names = q.posts.map((id) => postsOf(id)[0].post.name);
        const year = /\d{4}/.exec(q.text.replace(/[?!.\s]+$/, ''))?.[0];
        return clarify(
            f,
            q,
            say(q.lang, 'Flera poster passar. Vilken menar du?', 'Several posts fit. Which one?'),
            names.map((n) => ({
                title: n,
                q: `${say(q.lang, 'Vad kostar', 'How much is')} ${n}${year ? ` ${year}` : ''}?`,
            })),
        );
    }
    const rows = postsOf(q.posts[0]);
    const post = rows[0].post;
    if (onlyPartOf(post, q))
        return notStated(
            f,
            q,
            say(
                q.lang,
                `en egen post för ”${q.rest.join(' ') || q.tokens.join(' ')}”`,
                `a separate post for "${q.tokens.join(' ')}"`,
            ),
            say(q.lang, `Det ingår i ${post.name}: ${post.note}`, `It is part of ${post.name}: ${post.note}`),
        );
    const same = rows.every((r) => r.post.amount.kr === post.amount.kr);
    const years = resolveYears(f, q, now, same);
    if (!Array.isArray(years)) return years;
    const picked = rows.filter((r) => years.includes(r.year));
    if (picked.length === 0)
        return notStated(f, q, say(q.lang, `${post.name} ${years.join(', ')}`, `${post.name} ${years.join(', ')}`));
    if ((q.concepts.has('share') || q.concepts.has('percent')) && picked.length === 1) {
        const t = must(yearTotals(f, picked[0].year), `totals for year ${picked[0].year}`);
        const ratio = picked[0].post.amount.kr / t.costs.kr;
        return factsAnswer(
            f,
            q,
            { kind: 'number', value: pctValue(ratio), unit: '%' },
            say(
                q.lang,
                `${post.name}: andel av kostnaderna ${picked[0].year}`,
                `${post.name}: share of costs ${picked[0].year}`,
            ),
            [`**${pct(ratio)}** (${money(picked[0].post.amount)} / ${money(t.costs)})`],
        );
    }
    return perYear(
        f,
        q,
        post.name,
        picked.map((r) => ({ year: r.year, amount: r.post.amount, note: r.post.note })),
    );
}
