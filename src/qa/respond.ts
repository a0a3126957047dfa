// respond(): the structured answer, or the plan's own words when the data has none — the figures the model holds
// always come from the model, never from a passage, and "not stated" only after the text search found nothing.
import type { Forbund } from '../domain';
import { answer } from './answer';
import { notStated, say } from './answers/common';
import { termCoverage } from './plan-search';
import { asksFigure, asksWords, bestQuote as bestQuoteOf, namesOf, quoteAnswer, repeatsQuestion } from './quote';
import { matchGoal } from './goal-match';
import { fold } from './text';
import type { Answer, AnswerContext, Intent, Question } from './types';

/** Concepts whose answer is a refusal by design (chit-chat, an action, personal data): never answered by a quote. */
const REFUSED = ['offTopic', 'salary'] as const;
/** A request to do something ("Skriv …", "Kan du boka …"), not a question about "skrivelsen" or what "skickades". */
const ACTION =
    /^(kan du |kan ni |could you |can you |please |snalla )?(skriv|write|boka|book|skicka|send|oversatt|translate)\b/;

/** Intents about a measure of the whole plan (equity, admin share, decision space …). */
const MEASURE_INTENTS = new Set<Intent>([
    'ek',
    'admin',
    'space',
    'totals',
    'lawSplit',
    'deficit',
    'partShare',
    'contribution',
]);
/** Intents about a named body or insats (its owner, cadence, seats …). */
const ORG_INTENTS = new Set<Intent>([
    'chair',
    'owner',
    'cadence',
    'employ',
    'extent',
    'seats',
    'quorum',
    'mandate',
    'formed',
]);
/** What a passage must say to answer an intent the model reads from its own fields: a frequency, a share of full time. */
const SHAPES: Partial<Record<Intent, RegExp>> = {
    cadence: /\b(gang|ganger|varje|varannan|var \d+|per (ar|manad|vecka)|manatlig\w*|arlig\w*|vecka|manad)\b/,
    extent: /\d+ ?%|heltid/,
};

/** Intents whose figure is the model's own measure even when the question reads like a question for words. */
const MODEL_FIGURES = new Set<Intent>(['goals', 'cadence', 'quorum', 'extent', 'formed', 'mandate']);

/**
 * Whether a "not stated" is the model's own knowledge: it found what was asked about (a post's cost for a year,
 * a goal without a target, an insats without an owner, who chairs) and the plan gives no such fact.
 */
function definite(q: Question, f: Forbund, figure: boolean): boolean {
    const named = q.posts.length > 0 || q.parts.length > 0 || !!q.insats || !!q.partKind;
    if (figure && (named || MEASURE_INTENTS.has(q.intent))) return true;
    if (q.intent === 'post' && q.posts.length > 0 && q.years.kind === 'explicit') return true;
    if (q.intent === 'goals')
        return matchGoal(f, q).item !== undefined || (!!q.insats && /\b(target|malvarde)\b/.test(fold(q.text)));
    if (q.intent in SHAPES) return /^(vem|who)\b/i.test(q.text.trim());
    if (ORG_INTENTS.has(q.intent)) return !!q.insats || !!q.body || /^(vem|who)\b/i.test(q.text.trim());
    return false;
}

/** How much more of the question a passage must cover than the model's answer before it replaces that answer. */
const MARGIN = 0.3;

const LIST_QUESTION = /^(vilka|vilken|vilket|which|vem|who)\b/;

/** Answers `q` from the model, falling back on (or preferring) a quote from the plan text in `ctx.plan`. */
export function respond(q: Question, f: Forbund, now: Date, ctx: AnswerContext = {}): Answer {
    const a = answer(q, f, now, ctx);
    const plan = ctx.plan;
    // Uppdrag live in the bodies' beslut, never in the plan's text.
    if (!plan || q.intent === 'empty' || q.intent === 'uppdrag' || REFUSED.some((c) => q.concepts.has(c))) return a;
    if (q.concepts.has('action') && ACTION.test(fold(q.text))) return a;
    const figure = asksFigure(q) && !(a.kind === 'number' && repeatsQuestion(q, a));
    const names = namesOf(f, q);
    const shape = SHAPES[q.intent];
    const bestQuote = (p: typeof plan, qq: Question, fig = false) => {
        const hit = bestQuoteOf(p, qq, fig, names);
        return hit && (!shape || shape.test(fold(hit.passage.text))) ? hit : undefined;
    };
    // "Hur många deltagare har X?" is never answered by X's budget: a count the plan does not give is not stated.
    if (a.kind === 'number' && (a.unit === 'kr' || a.unit === 'tkr') && q.concepts.has('count'))
        return notStated(f, q, say(q.lang, `antalet ”${q.rest.join(' ')}”`, `the number of "${q.rest.join(' ')}"`));
    const quoted = (hit: ReturnType<typeof bestQuote>) => (hit ? quoteAnswer(f, plan, q, hit) : a);
    if (a.kind === 'out_of_scope') {
        const hit = bestQuote(plan, q, figure);
        if (hit) return quoteAnswer(f, plan, q, hit);
        // In the plan's domain but in neither the data nor the text: the plan does not state it.
        return q.intent === 'unknown' && q.rest.length > 0
            ? notStated(f, q, say(q.lang, `något om ”${q.rest.join(' ')}”`, `anything about "${q.rest.join(' ')}"`))
            : a;
    }
    if (a.kind === 'not_stated' && !definite(q, f, figure)) return quoted(bestQuote(plan, q, figure));
    // A model answer that speaks to little of the question loses to a passage that speaks to much more of it.
    // A list question ("Vilka parter …?") is answered by the model's list.
    if (!figure && (a.kind === 'list' || a.kind === 'finding') && asksWords(q) && !LIST_QUESTION.test(fold(q.text))) {
        const hit = bestQuote(plan, q);
        const model = termCoverage(q.text, a.text);
        if (hit && model < 0.34 && hit.coverage - model >= MARGIN) return quoteAnswer(f, plan, q, hit);
    }
    // A figure the model holds is answered by the model; a question for words is not answered by a figure.
    if (a.kind === 'number' && !figure && !MODEL_FIGURES.has(q.intent) && asksWords(q)) {
        const hit = bestQuote(plan, q);
        if (hit) return quoteAnswer(f, plan, q, hit);
        // Not the figure asked for: say what the plan does not state rather than give another measure.
        return notStated(f, q, say(q.lang, `svar på ”${q.text.trim()}”`, `an answer to "${q.text.trim()}"`));
    }
    // "Vilka stående kostnader har förbundet?" asks which, not how much: a passage that says it beats a total.
    if (a.kind === 'number' && figure && /^(vilka|which)\b/i.test(q.text.trim())) {
        const hit = bestQuote(plan, q);
        if (hit && hit.coverage >= 0.9) return quoteAnswer(f, plan, q, hit);
    }
    return a;
}
