// Finds the mätpunkt, indicator or nyckeltal a question is about, by its aliases, counted noun and shared words.
import type { Comparator, Forbund } from '../domain';
import { FUNCTION_WORDS } from './lexicon';
import { fold, STOP, wordMatch } from './text';
import type { Question } from './types';

/** One measurable goal of any kind, flattened for matching and answering. */
export type GoalItem = {
    id: string;
    kind: 'matpunkt' | 'indikator' | 'nyckeltal';
    text: string;
    insatsId?: string;
    verksamhetsmalId?: string;
    comparator?: Comparator;
    target?: number;
    unit?: string;
    noun?: string;
    period?: string;
    aliases: string[][];
    words: string[];
    noun1?: string;
};

/** The parts of a question goal matching reads. */
export type GoalQuery = Pick<Question, 'tokens' | 'concepts' | 'insats'>;

const words = (s: string) =>
    fold(s)
        .split(' ')
        .filter((w) => w && !STOP.has(w) && w !== 'att');
const items = new WeakMap<Forbund, GoalItem[]>();

/** Every measurable goal in the förbund (built once). */
export function goalItems(f: Forbund): GoalItem[] {
    let list = items.get(f);
    if (list) return list;
    type Source = Pick<
        GoalItem,
        'id' | 'text' | 'insatsId' | 'verksamhetsmalId' | 'comparator' | 'target' | 'unit' | 'noun' | 'period'
    > & { aliases: string[] };
    const make = (kind: GoalItem['kind'], x: Source): GoalItem => ({
        id: x.id,
        text: x.text,
        insatsId: x.insatsId,
        verksamhetsmalId: x.verksamhetsmalId,
        comparator: x.comparator,
        target: x.target,
        unit: x.unit,
        noun: x.noun,
        period: x.period,
        kind,
        aliases: x.aliases.map(words),
        words: [...new Set(words(`${x.text} ${x.noun ?? ''}`))].filter((w) => !FUNCTION_WORDS.has(w)),
        noun1: x.noun ? words(x.noun)[0] : undefined,
    });
    list = [
        ...f.goals.matpunkter.map((m) => make('matpunkt', m)),
        ...f.insatser.flatMap((i) => i.indicators.map((x) => make('indikator', { ...x, insatsId: i.id }))),
        ...f.goals.nyckeltal.map((n) => make('nyckeltal', { ...n, text: n.name })),
    ];
    items.set(f, list);
    return list;
}

function aliasScore(alias: string[], toks: string[]): number {
    for (let from = 0; from + alias.length <= toks.length; from++) {
        if (alias.every((w, k) => wordMatch(toks[from + k], w) > 0)) return 2 * alias.length;
    }
    return 0;
}

/** Items scored against the question (restricted to the named insats), best first. */
export function rankGoals(f: Forbund, q: GoalQuery): { item: GoalItem; score: number }[] {
    const toks = q.tokens.filter((t) => !FUNCTION_WORDS.has(t));
    const counting = q.concepts.has('count');
    return goalItems(f)
        .filter((g) => !q.insats || g.insatsId === q.insats)
        .map((item) => {
            let score = Math.max(0, ...item.aliases.map((a) => aliasScore(a, toks)));
            const noun1 = item.noun1;
            if (counting && noun1 && toks.some((t) => wordMatch(t, noun1) > 0)) score += 3;
            score += toks.filter((t) => t.length > 3 && item.words.some((w) => wordMatch(t, w) >= 0.8)).length;
            return { item, score };
        })
        .sort((a, b) => b.score - a.score);
}

/** The one goal the question means; `ambiguous` lists close rivals; undefined when none fits well. */
export function matchGoal(f: Forbund, q: GoalQuery): { item?: GoalItem; rivals: GoalItem[] } {
    const ranked = rankGoals(f, q).filter((r) => r.score >= 2);
    const top = ranked[0];
    if (!top) return { rivals: [] };
    const close = ranked.filter((r) => top.score - r.score < 1);
    if (close.length === 1) return { item: top.item, rivals: [] };
    const targeted = close.filter((r) => r.item.target !== undefined);
    if (targeted.length === 1 && targeted[0] === top) return { item: top.item, rivals: [] };
    return { rivals: close.map((r) => r.item) };
}
