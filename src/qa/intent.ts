// Picks the intent from the concepts and names found: ordered rules, most specific first, data-driven tie-breaks.
import type { Forbund } from '../domain';
import { matchGoal } from './goal-match';
import { asksUppdrag } from './uppdrag-ask';
import type { Intent, Question } from './types';

type Q = Omit<Question, 'intent'>;

/** Two years named: "2025 och 2026", "från 2025 till 2027". */
export const twoYears = (q: Q) =>
    (q.years.kind === 'explicit' && q.years.years.length >= 2) || (q.years.kind === 'all' && !!q.years.range);

/** "deltagare", "participants" (glossed): a question about people in an insats, not about money. */
export const asksParticipants = (q: Pick<Q, 'tokens'>) => q.tokens.some((t) => t.startsWith('deltagar'));

/** Words that ask for a person ("vem", "sitter"), unlike "vilka" alone ("vilka nyckeltal …"). */
export const PERSON_WORDS = ['vem', 'who', 'sitter', 'representerar', 'represents', 'leder', 'leads'];

/** A role the roster answers: ordförande, vice, ledamöter/ersättare, förbundschef, projektägare. */
export const ROLE_TOKENS = { chief: 'forbundschef', owner: 'projektagare' };
function isRoster(q: Q): boolean {
    const c = (k: Parameters<Q['concepts']['has']>[0]) => q.concepts.has(k);
    const role =
        c('chair') ||
        c('vice') ||
        c('seats') ||
        q.tokens.some((t) => t.startsWith(ROLE_TOKENS.chief) || t.startsWith(ROLE_TOKENS.owner));
    // "vilka sitter i styrelsen?": the board itself named, with a word that asks for people.
    const person = q.tokens.some((t) => PERSON_WORDS.includes(t));
    const board = person && q.tokens.some((t) => t === 'styrelsen' || t === 'styrelse');
    const other =
        c('count') ||
        c('costVerb') ||
        c('costs') ||
        c('employ') ||
        c('samrad') ||
        c('when') ||
        c('cadence') ||
        c('nyckeltal') ||
        c('malomrade') ||
        c('indicators') ||
        c('followUp') ||
        c('target');
    // "Hur utses vice ordförande?" asks how, not who: a bare "vice" is a roster question only when it is not a how.
    const how = q.tokens[0] === 'hur' || q.tokens[0] === 'how';
    return (c('who') || (c('vice') && !how)) && (role || board) && !other;
}

/** The intent of a read question; `unknown` when nothing the bot answers is recognised. */
export function chooseIntent(q: Q, f: Forbund): Intent {
    const c = (k: Parameters<Q['concepts']['has']>[0]) => q.concepts.has(k);
    const named = q.posts.length + q.parts.length + (q.insats ? 1 : 0) + (q.body ? 1 : 0);
    if (q.tokens.length === 0 || (c('help') && q.rest.length === 0)) return 'empty';
    if (c('offTopic') || c('action') || c('salary')) return 'out_of_scope';
    if (asksUppdrag(q)) return 'uppdrag';
    if (c('why') && !c('formed')) return 'why';
    if (isRoster(q)) return 'roster';
    if (c('status') && q.tokens.some((t) => t.startsWith('budget')) && !c('when') && !c('samrad')) return 'status';
    // "Hur rapporterar insatserna?" asks how reporting works (the plan's text), not what the reports say.
    const reportingVerb = q.tokens.some((t) => /^rapporter(a|ar|as)$/.test(t));
    const aboutReports = asksParticipants(q) || c('finished') || (c('reports') && !reportingVerb);
    if (aboutReports && !c('target') && !c('costVerb') && !c('when')) return 'report';
    if (c('compare') && (q.mentionedPosts?.length ?? 0) >= 2) return 'compare';
    const changeWord = c('change') || c('compare') || c('diff');
    if (changeWord && !c('space') && !c('allocation') && !c('contribution') && (twoYears(q) || c('change')))
        return 'change';
    if (c('mandate')) return 'mandate';
    if (c('followUp')) return 'followUp';
    if (c('chair')) return 'chair';
    if (c('quorum')) return 'quorum';
    if (c('formed')) return 'formed';
    if (c('samrad') || (c('when') && (c('status') || c('costVerb')) && !c('ek') && !c('opening'))) return 'deadline';
    if (c('seats')) return 'seats';
    if (c('extent')) return 'extent';
    if (c('employ') && !c('costVerb')) return 'employ';
    if (c('cadence')) return 'cadence';
    if (c('owner') && q.insats) return 'owner';
    if (c('malomrade') || c('nyckeltal') || c('indicators') || c('matpunkt')) return 'goals';
    if (c('about') && (q.insats || q.body)) return 'about';
    if (c('parter') && !c('contribution') && !c('costVerb')) return 'parter';
    // "Vilka kommuner är med?": the members of a kind.
    if (q.partKindAll && / ar med\b/.test(` ${q.tokens.join(' ')}`) && !c('contribution') && !c('costVerb'))
        return 'parter';
    if (c('utfall') && !c('ek')) return 'utfall';
    const percentRule = /\b\d{1,2} ?(%|procent|percent)/.test(q.tokens.join(' ')) && c('verdict');
    if ((c('ceiling') || percentRule) && !c('admin') && (c('verdict') || c('check')) && !q.posts.length) return 'ek';
    // "När började …?" asks for a date: a start word alone is the opening eget kapital only when no date is asked.
    if (c('ek') || c('buffer') || (c('opening') && !c('space') && !c('when'))) return 'ek';
    if (c('admin')) return 'admin';
    if (c('lawSplit') || (c('half') && (q.parts.length > 0 || q.partKind))) return 'lawSplit';
    if (c('deficit') && !q.posts.length) return 'deficit';
    if (c('status') && !q.posts.length) return 'status';
    if (c('check')) return 'check';
    if (c('space')) return 'space';
    if (q.posts.length === 0 && (q.parts.length > 0 || q.partKind || c('parter')))
        return c('percent') || (c('share') && /\b(hur stor|vilken|what) (andel|share)\b/.test(q.tokens.join(' ')))
            ? 'partShare'
            : 'contribution';
    if ((c('target') || c('count') || c('percent')) && (matchGoal(f, q).item || (q.insats && c('target'))))
        return 'goals';
    if (c('target') && named === 0 && !c('costs') && !c('income') && !c('result')) return 'goals';
    if (q.posts.length > 0) return 'post';
    if (c('income') || c('costs') || c('result')) return 'totals';
    if (c('costVerb') || c('share') || c('count')) return q.rest.length > 0 ? 'post' : 'empty';
    const domain = [...q.concepts].some((k) => !['which', 'target', 'when', 'help'].includes(k));
    return domain && q.rest.length > 0 ? 'notFound' : 'unknown';
}
