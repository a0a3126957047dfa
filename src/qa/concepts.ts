// Finds the lexicon's concepts in question tokens (prefix and typo tolerant) and the words no concept used.
import { CONCEPTS, FUNCTION_WORDS, type Concept } from './lexicon';
import { distance } from 'fastest-levenshtein';
import { STOP } from './text';

const SINGLE = new Map<Concept, string[]>();
const PHRASES = new Map<Concept, string[]>();
for (const [c, entries] of Object.entries(CONCEPTS) as [Concept, readonly string[]][]) {
    SINGLE.set(
        c,
        entries.filter((e) => !e.includes(' ')),
    );
    PHRASES.set(
        c,
        entries.filter((e) => e.includes(' ')),
    );
}

/** Whether a token is a form of a concept word: exact for short words, inflected, or one typo away for long ones. */
export function isConceptWord(t: string, e: string): boolean {
    if (t === e) return true;
    if (e === '%') return t.endsWith('%');
    if (e.length <= 4) return false;
    if (t.startsWith(e) && t.length - e.length <= 5) return true;
    return e.length >= 7 && ['', 'en', 'et', 'n', 'na', 'erna'].some((s) => distance(t, e + s) <= 1);
}

// Which concepts a single token is a word of, computed once per distinct token (chat vocabulary is small).
const tokenCache = new Map<string, Concept[]>();
function conceptsOfToken(t: string): Concept[] {
    let found = tokenCache.get(t);
    if (!found) {
        found = [...SINGLE].filter(([, words]) => words.some((e) => isConceptWord(t, e))).map(([c]) => c);
        if (tokenCache.size > 20_000) tokenCache.clear();
        tokenCache.set(t, found);
    }
    return found;
}

/** The concepts present, and the indexes of the tokens they used. */
export function findConcepts(toks: string[]): { concepts: Set<Concept>; used: Set<number> } {
    const concepts = new Set<Concept>();
    const used = new Set<number>();
    const joined = ` ${toks.join(' ')} `;
    toks.forEach((t, i) => {
        for (const c of conceptsOfToken(t)) {
            concepts.add(c);
            used.add(i);
        }
    });
    for (const [c, phrases] of PHRASES) {
        for (const p of phrases) {
            const at = joined.indexOf(` ${p}`);
            if (at < 0) continue;
            concepts.add(c);
            const start = joined.slice(0, at).trim().split(' ').filter(Boolean).length;
            p.split(' ').forEach((_, k) => used.add(start + k));
        }
    }
    return { concepts, used };
}

/** Tokens that are content: not stop/function words, not numbers, not used by a concept or a name. */
export function leftover(toks: string[], used: ReadonlySet<number>): string[] {
    return toks.filter(
        (t, i) => !used.has(i) && !STOP.has(t) && !FUNCTION_WORDS.has(t) && !/^\d/.test(t) && t !== 'att',
    );
}
