// Finding a named thing from user words: case, diacritics and punctuation do not matter.
import { foldName as fold } from '../qa/text';

/** The first candidate whose folded name or alias equals or contains the folded phrase (or vice versa). */
export function findByName<T>(phrase: string, items: readonly T[], names: (t: T) => string[]): T | undefined {
    const p = fold(phrase);
    if (!p) return undefined;
    const scored = items
        .map((item) => {
            const folded = names(item).map(fold);
            const score = folded.includes(p)
                ? 3
                : folded.some((n) => n.startsWith(p) || p.startsWith(n))
                  ? 2
                  : folded.some((n) => n.includes(p) || p.includes(n))
                    ? 1
                    : 0;
            return { item, score };
        })
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score);
    if (scored.length > 1 && scored[0].score === scored[1].score) return undefined;
    return scored[0]?.item;
}
