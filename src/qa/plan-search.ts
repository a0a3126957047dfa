// Full-text search over a plan's passages (MiniSearch, ADR 007-plan-text-search): the question's words folded,
// glossed and stemmed exactly like the passages', and a coverage score that says whether a passage answers at all.
import MiniSearch from 'minisearch';
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { Passage, PlanText } from '../domain';
import { EN_TERMS } from './glossary';
import { FUNCTION_WORDS } from './lexicon';
import { fold, glossed, stem, STOP } from './text';

const stemmerEn = new StemmerEn();

/** Question words that carry no content in a search (what, does, say …), beyond the stop and function words. */
const QUESTION_WORDS = new Set(
    'anvand anvander anvands anvanda inte sitt sin sina sig kom komma kommer andra annan annat per ofta hur plan planen sitter sitta jobbar arbetar man vet veta gor gora gjort galler sager stod star star sta innebar betyder handlar nagon nagot nagra vems varfor sedan far fick ju sa saga kallas vad vem tell say says said about do does doing why whom whose into from some any there been be being it its they their them he she his her'.split(
        ' ',
    ),
);

const ENDINGS = ['erna', 'arna', 'orna', 'ens', 'ets', 'en', 'et', 'na', 'er', 'ar', 'or', 'a', 'e'];

/**
 * A folded word's search term: English words through the Finsam glossary, then the Swedish stem — unless the
 * Snowball stem cuts a long word down to another word ("styrelsen" → "styr"): then only its inflection goes.
 */
function term(w: string): string {
    const word = EN_TERMS.get(w) ?? EN_TERMS.get(stemmerEn.stem(w)) ?? w;
    const s = stem(word);
    if (s.length >= 5 || word.length <= 5) return s;
    const end = ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 5);
    return end ? word.slice(0, -end.length) : word;
}

/** The search terms of a text (question or passage): folded, glossed, stop words dropped, stemmed. */
export function searchTerms(text: string): string[] {
    return glossed(fold(text))
        .split(' ')
        .filter((w) => w && !STOP.has(w) && !FUNCTION_WORDS.has(w) && !QUESTION_WORDS.has(w) && w !== 'att')
        .map(term);
}

type Doc = { id: number; text: string; heading: string };
export type PlanIndex = { plan: PlanText; search: MiniSearch<Doc>; terms: Set<string>[]; df: Map<string, number> };

/** In how many passages a question term matches (as `has` matches it, compounds included), cached per plan. */
function dfOf(ix: PlanIndex, t: string): number {
    let n = ix.df.get(t);
    if (n === undefined) {
        n = ix.terms.filter((ts) => has(ts, t)).length;
        ix.df.set(t, n);
    }
    return n;
}

const indexes = new WeakMap<PlanText, PlanIndex>();

/** The plan's index, built on first use and kept with the plan (a plan of 80 passages builds in a few ms). */
export function planIndex(plan: PlanText): PlanIndex {
    let i = indexes.get(plan);
    if (!i) {
        const search = new MiniSearch<Doc>({
            fields: ['text', 'heading'],
            tokenize: searchTerms,
            processTerm: (t) => t,
            searchOptions: {
                boost: { heading: 1.5 },
                prefix: (t) => t.length >= 5,
                fuzzy: (t) => (t.length >= 7 ? 1 : 0),
            },
        });
        // Table rows are the structured data's figures: answered by the model, never quoted.
        search.addAll(
            plan.passages
                .filter((p) => p.kind !== 'table')
                .map((p) => ({ id: p.index, text: p.text, heading: p.headings.join(' ') })),
        );
        const terms = plan.passages.map((p) => new Set(searchTerms(`${p.headings.join(' ')} ${p.text}`)));
        i = { plan, search, terms, df: new Map() };
        indexes.set(plan, i);
    }
    return i;
}

/**
 * Whether a question term is in a set of passage terms: the same stem, or one a compound of the other that begins
 * with it ("beredning" ~ "beredningsgrupp", "närvarorätt" ~ "närvaro-"); both at least 5 letters.
 */
function has(terms: ReadonlySet<string>, t: string): boolean {
    if (terms.has(t)) return true;
    if (t.length < 5) return false;
    // A Swedish compound ends with its head word: "grupp" is in "beredningsgrupp".
    for (const p of terms) {
        if (p.length < 5) continue;
        if (p.startsWith(t) || (p.length >= 7 && t.startsWith(p)) || (p.length - t.length >= 3 && p.endsWith(t)))
            return true;
    }
    return false;
}

/** The share of the question's terms (unweighted) a text contains: how much of the question an answer speaks to. */
export function termCoverage(question: string, text: string): number {
    const qterms = [...new Set(searchTerms(question))];
    if (!qterms.length) return 0;
    const ts = new Set(searchTerms(text));
    return qterms.filter((t) => has(ts, t)).length / qterms.length;
}

export type PlanHit = {
    plan: PlanText;
    passage: Passage;
    coverage: number;
    score: number;
    /** The weight of a question term in this plan (rare words weigh more). */
    idf: (t: string) => number;
};

/**
 * The passages that best answer a question, best first. `coverage` (0–1) is the share of the question's
 * information (idf-weighted terms) the passage and its headings contain; a word no passage has counts in full
 * against every passage, so a question about something the plan never mentions scores low everywhere.
 */
export function searchPlan(plan: PlanText, question: string, limit = 5, synonyms: readonly string[][] = []): PlanHit[] {
    const ix = planIndex(plan);
    const qterms = [...new Set(searchTerms(question))];
    if (!qterms.length) return [];
    // A thing the question names by an alias ("beredningsgruppen" for a body the plan calls "Ledningsgruppen")
    // is found in a passage under any of its names.
    const groups = synonyms.map((names) => names.map((n) => searchTerms(n)).filter((ts) => ts.length > 0));
    const alternatives = new Map(
        qterms.map((t) => [t, groups.filter((g) => g.some((ts) => ts.some((x) => x === t || has(new Set([x]), t))))]),
    );
    const matches = (terms: ReadonlySet<string>, t: string) =>
        has(terms, t) || (alternatives.get(t) ?? []).some((g) => g.some((ts) => ts.every((x) => has(terms, x))));
    const n = plan.passages.length;
    const df = (t: string) =>
        alternatives.get(t)?.length ? ix.terms.filter((ts) => matches(ts, t)).length : dfOf(ix, t);
    // Short stems collide ("möte" and "mot" both fold to "mot"), so they weigh half.
    const idf = (t: string) => Math.log(1 + n / (df(t) + 0.5)) * (t.length <= 3 ? 0.5 : 1);
    const total = qterms.reduce((s, t) => s + idf(t), 0);
    // The canonical names (first of each group) join the engine's query; the aliases only count as matches.
    const extra = groups.flatMap((g) => g[0] ?? []);
    return ix.search
        .search([...qterms, ...extra].join(' '), { combineWith: 'OR' })
        .slice(0, 12)
        .map((r) => {
            const passage = plan.passages[r.id as number];
            const got = qterms.filter((t) => matches(ix.terms[passage.index], t)).reduce((s, t) => s + idf(t), 0);
            return { plan, passage, coverage: got / total, score: r.score, idf };
        })
        .sort((a, b) => b.coverage - a.coverage || b.score - a.score)
        .slice(0, limit);
}

/** A short passage, with the passage before or after it in the same section when that one speaks to the question too. */
function withNeighbour(hit: PlanHit, question: string): string {
    const { passage, plan } = hit;
    const same = (p: Passage | undefined) =>
        p && p.kind !== 'table' && p.headings.join('\n') === passage.headings.join('\n') ? p : undefined;
    const qterms = [...new Set(searchTerms(question))];
    const speaks = (p: Passage) => {
        const ts = new Set(searchTerms(p.text));
        return qterms.filter((t) => has(ts, t)).reduce((sum, t) => sum + hit.idf(t), 0);
    };
    const around = [same(plan.passages[passage.index - 1]), same(plan.passages[passage.index + 1])]
        .filter((p): p is Passage => !!p && p.text.length + passage.text.length <= SHORT + 240 && speaks(p) > 0)
        .sort((a, b) => speaks(b) - speaks(a))[0];
    if (!around) return passage.text;
    return [passage, around]
        .sort((a, b) => a.index - b.index)
        .map((p) => p.text)
        .join('\n');
}

/** The passage's sentences (list items count as sentences; a list's lead-in stays with the first item). */
export function sentences(p: Passage): string[] {
    if (p.kind === 'list') return p.text.split('\n');
    return p.text.split(/(?<=[.!?”])\s+(?=[A-ZÅÄÖ”"(])/u);
}

const SHORT = 480;

/** What to quote from a hit: the whole passage when short, else the best-matching sentence and the one after. */
export function quoteOf(hit: PlanHit, question: string): string {
    const text = hit.passage.text;
    if (text.length <= SHORT) return withNeighbour(hit, question);
    const qterms = [...new Set(searchTerms(question))];
    const ss = sentences(hit.passage);
    const { idf } = hit;
    const scores = ss.map((s) => {
        const ts = new Set(searchTerms(s));
        return qterms.filter((t) => has(ts, t)).reduce((sum, t) => sum + idf(t), 0);
    });
    const best = scores.indexOf(Math.max(...scores));
    const picked = [ss[best]];
    if (hit.passage.kind === 'list' && best > 0) picked.unshift(ss[0]);
    const next = ss[best + 1];
    if (next && picked.join(' ').length + next.length <= SHORT) picked.push(next);
    return picked.join(hit.passage.kind === 'list' ? '\n' : ' ');
}
