// Answers from the plan's own text: when the structured data has no answer (or the question is not about a figure
// the data holds), the best-matching passage is quoted with its section as the source.
import { sourceOf, type Forbund, type PlanText } from '../domain';
import { say } from './answers/common';
import { quoteOf, searchPlan, type PlanHit } from './plan-search';
import { fold, glossed } from './text';
import type { Answer, Question } from './types';

/**
 * The least coverage (share of the question's idf-weighted terms found in one passage and its headings) for a
 * quote. Measured on the eval corpus (`npm run eval -- --coverage`, docs/decisions/007-plan-text-search.md):
 * questions the plan answers from its text score 0.5–1, questions it does not mention score 0–0.45.
 */
export const QUOTE_THRESHOLD = 0.4;

/**
 * The best passage for a question when it is good enough to quote, else undefined. For a figure the model does
 * not hold ("Hur mycket har ESF beviljat?"), the quoted words must print a number the question does not.
 */
export function bestQuote(
    plan: PlanText,
    q: Pick<Question, 'text'>,
    figure = false,
    synonyms: readonly string[][] = [],
): PlanHit | undefined {
    const hit = quotable(plan, q, figure, synonyms);
    return hit && hit.coverage >= QUOTE_THRESHOLD ? hit : undefined;
}

/** The best passage that could be quoted (for a figure: one whose quote prints a new number), at any coverage. */
export function quotable(
    plan: PlanText,
    q: Pick<Question, 'text'>,
    figure = false,
    synonyms: readonly string[][] = [],
): PlanHit | undefined {
    const asked = new Set(fold(q.text).match(/\d+/g) ?? []);
    return searchPlan(plan, q.text, 5, synonyms).find(
        (h) => !figure || (fold(quoteOf(h, q.text)).match(/\d+/g) ?? []).some((n) => !asked.has(n)),
    );
}

/** The body or insats the question names, under its name first and then its aliases from the data. */
export function namesOf(f: Forbund, q: Question): string[][] {
    const body = f.bodies.find((b) => b.id === q.body);
    const insats = f.insatser.find((i) => i.id === q.insats);
    return [...(body ? [[body.name, ...body.aliases]] : []), ...(insats ? [[insats.name, ...insats.aliases]] : [])];
}

/** A quote answer: the plan's words as written, the section heading as the source, on the quote card. */
export function quoteAnswer(f: Forbund, plan: PlanText, q: Question, hit: PlanHit): Answer {
    const quote = quoteOf(hit, q.text);
    const section = sourceOf(plan, hit.passage);
    const title = say(q.lang, 'Ur planen', 'From the plan');
    const note = say(q.lang, '', 'Quoted in Swedish, as the plan is written.');
    const edition = plan.edition && say(q.lang, `planen ${plan.edition.sv}`, `the plan ${plan.edition.en}`);
    const source = `${say(q.lang, 'Källa', 'Source')}: ${f.name}, ${section}${edition ? ` – ${edition}` : ''}`;
    const quoted = quote
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n>\n');
    const text = [`**${title}**`, quoted, ...(note ? [note] : []), '', `_${source}_`].join('\n');
    return {
        kind: 'quote',
        section,
        values: [section],
        text,
        card: { template: 'qa-quote', data: { title, quote, note, source } },
    };
}

/** Word beginnings that make a question ask for a figure (an amount, a share, a count) rather than for words. */
const MEASURE =
    'malvarde tak taket ceiling kost budget belopp kronor kr tkr procent percent % andel share antal intakt income bidrag bidraget bidrar bidra contribut resultat result kapital equity beslutsutrymm anslag tilldel allocation buffert buffer overskott cost spend avsatt amount betal pay miljon minsk okning okar'.split(
        ' ',
    );
const MEASURE_PHRASES = [
    'vad far',
    'far vi',
    'hur mycket',
    'how much',
    'hur manga',
    'how many',
    'hur stor',
    'hur stort',
    'hur hogt',
    'hur hog',
];

/** A word of a measure: the stem itself or with a short ending ("kostade", "bidraget"), never a compound. */
const ENDING =
    /^(n?ad|n?aden|n?ader|n?aderna|a|e|s|en|et|er|ar|or|na|erna|arna|ade|ades|at|as|ing|ingen|ningen|ning|ningar|ed|s)$/;
const isMeasureWord = (w: string) =>
    MEASURE.some((m) => w === m || (m.length >= 4 && w.startsWith(m) && ENDING.test(w.slice(m.length))));

/** Questions that ask for the plan's words even when they name a measure ("Vad säger planen om resultat …"). */
const FOR_WORDS = /^(varfor|why|vem|vems|who|whose|var|where)\b|\b(vad sager|vad star det|what does the plan say)\b/;

/** Whether the question asks for a figure. */
export function asksFigure(q: Question): boolean {
    const t = glossed(fold(q.text));
    if (FOR_WORDS.test(t)) return false;
    return t.split(' ').some(isMeasureWord) || MEASURE_PHRASES.some((p) => ` ${t} `.includes(` ${p} `));
}

/** Question openings that ask for words (what something does, who, why, how, yes or no), not for a figure. */
const TEXTUAL = [
    /^(vad|vilka|vilken|vilket) (gor|gjorde|innebar|innehaller|omfattar|betyder|sager|handlar|star det|ska|kan|har)\b/,
    /^(vad|what) (ar|is|are)\b/,
    /^vad \p{L}+(as|s)\b/u,
    /^(vilka|vilken|vilket|which)\b/,
    /\babout\b/,
    /^(vem|vems|varfor|who|whose|why)\b/,
    /^hur (?!mycket|manga|stor|stort|hogt|hog\b|lang\b|ofta)/,
    /^how (?!much|many|often)/,
    /^(ar|har|far|kan|ska|finns|blir|galler|driver|ingar|is|are|does|do|can|will|has|have|may)\b/,
    /^(vilken|vilket|vilka|what|which) (lag|lagar|roll|metod|metoder|resurser|resurs|principer|uppgifter|tjanster|lan|mal|insatser|indikatorer|verktyg|skattningsverktyg|policy)\b/,
    /^what (does|do|is the .* for)\b/,
    /\bvad (sager|star) (det|planen)\b/,
];

/** Whether the question asks for words rather than a figure (checked before preferring a quote to a figure). */
export function asksWords(q: Question): boolean {
    const t = glossed(fold(q.text));
    return FOR_WORDS.test(t) || TEXTUAL.some((re) => re.test(t));
}

/** Whether a figure answer only repeats a number the question already states ("Vems rekommendation är 20 %?"). */
export function repeatsQuestion(q: Question, a: Answer): boolean {
    if (a.value === undefined) return false;
    const nums = fold(q.text).match(/\d+(?:[ ,]\d+)*/g) ?? [];
    return nums.some((n) => Number(n.replace(/ /g, '').replace(',', '.')) === a.value);
}
