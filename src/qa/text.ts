// Question text to matchable tokens: folding, English→Swedish domain glossary, stemming and typo-tolerant matching.
import { StemmerSv } from '@nlpjs/lang-sv';
import { distance } from 'fastest-levenshtein';
import { GLOSSARY } from './lexicon';

const stemmer = new StemmerSv();
const stems = new Map<string, string>();

/** Lower-case, diacritics stripped (å→a, é→e), punctuation to spaces; keeps digits, % and §. */
export function fold(s: string): string {
    return folded(s, /[^\p{L}\p{N}%§]+/gu);
}

/** As `fold`, for names and e-mail addresses: keeps digits and @ . & % - instead. */
export function foldName(s: string): string {
    return folded(s, /[^\p{L}\p{N}@.&%-]+/gu);
}

// The two differ only in the punctuation kept; stored keys (e.g. reminder keys) depend on each staying as it is.
function folded(s: string, dropped: RegExp): string {
    return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(dropped, ' ').replace(/\s+/g, ' ').trim();
}

/** Words that never decide a match on their own. */
export const STOP = new Set(
    'och o and for i av the of till med om pa a an to in on at det den de en ett vi var vart vara our we my is are fran from by'.split(
        ' ',
    ),
);

/** The Swedish stem of a folded word (cached: the vocabulary is small). */
export function stem(word: string): string {
    let s = stems.get(word);
    if (s === undefined) {
        s = word.length > 3 ? stemmer.stem(word) : word;
        stems.set(word, s);
    }
    return s;
}

/** The same text is glossed several times a turn (understanding, follow-ons, plan search); small, bounded memo. */
const glosses = new Map<string, string>();
const GLOSS_MEMO = 2000;

/** Folded text with English domain phrases replaced by their Swedish words (word-bounded). */
export function glossed(folded: string): string {
    let out = glosses.get(folded);
    if (out !== undefined) return out;
    out = ` ${folded} `;
    for (const [en, sv] of GLOSSARY) out = out.split(` ${en} `).join(` ${sv} `);
    out = out.trim();
    if (glosses.size >= GLOSS_MEMO) glosses.clear();
    glosses.set(folded, out);
    return out;
}

/** Folded, glossed tokens of a text. */
export function tokens(text: string): string[] {
    return glossed(fold(text)).split(' ').filter(Boolean);
}

/**
 * How well a question word matches a name word: 1 exact or same stem, 0.9 inflected (name + up to 4 letters),
 * 0.8 within one typo (two for long words); 0 otherwise. Short words (≤ 3) must match exactly.
 */
export function wordMatch(q: string, name: string): number {
    if (q === name) return 1;
    let row = matches.get(q);
    if (!row) {
        if (matches.size > 20_000) matches.clear();
        row = new Map();
        matches.set(q, row);
    }
    let score = row.get(name);
    if (score === undefined) {
        score = scoreWords(q, name);
        row.set(name, score);
    }
    return score;
}

// Question words repeat across messages, so each (question word, name word) pair is scored once.
const matches = new Map<string, Map<string, number>>();

function scoreWords(q: string, name: string): number {
    if (name.length <= 3 || q.length <= 3) return 0;
    if (stem(q) === stem(name)) return 1;
    if (q.startsWith(name) && q.length - name.length <= 4) return 0.9;
    const allowed = name.length >= 8 ? 2 : name.length >= 5 ? 1 : 0;
    if (allowed === 0 || Math.abs(q.length - name.length) > allowed + 4) return 0;
    for (const suffix of ['', 'en', 'et', 'n', 'na', 'erna', 'arna', 's']) {
        if (distance(q, name + suffix) <= allowed) return 0.8;
    }
    return 0;
}
