// Follow-ups: a message that only changes a slot of the asker's previous question ("och 2026?", "samma för X",
// "what about 2025?", "varför?", "i procent?") is read as that question with the slot replaced.
import { planYears, type Forbund } from '../domain';
import { chooseIntent } from './intent';
import type { Concept } from './lexicon';
import { fold, glossed } from './text';
import type { Question } from './types';
import { postOf, understand } from './understand';

/** Words a follow-up is made of besides the slot it changes. */
const CONNECTORS = new Set(
    'och and samma same for da then ocksa also too what about how bara just isf i sa fall nu likadant sammanlagt sak thing det it that blir hur'.split(
        ' ',
    ),
);
/** Concepts a bare follow-up may carry: they change how the previous question is answered, not what it is about. */
const MODIFIERS = new Set<Concept>(['percent', 'share', 'why', 'which']);
/** Starts that mark a message as a continuation even when it names a new subject ("och vice ordförande?"). */
const CONTINUES = /^(och|and|samma for|same for)\b/;
/** "året efter", "året innan": a year relative to the previous question's year. */
const RELATIVE = /\b(?:aret|ar|the year) (efter|darpa|after|innan|fore|before)\b/;

const named = (q: Question) => q.posts.length + q.parts.length + (q.insats ? 1 : 0) > 0;

/** Whether a reading only changes a slot: no subject of its own, just years, names or a modifier. */
export function isSlotOnly(q: Question): boolean {
    const short = q.tokens.length <= 6;
    const noSubject = [...q.concepts].every((c) => MODIFIERS.has(c));
    const relative = RELATIVE.exec(glossed(fold(q.text)))?.[1];
    const noRest = q.rest.every((w) => CONNECTORS.has(w) || w === relative);
    const slot =
        q.years.kind !== 'none' ||
        named(q) ||
        relative !== undefined ||
        [...q.concepts].some((c) => MODIFIERS.has(c) && c !== 'which');
    return short && noSubject && noRest && slot;
}

/** Reads `text`, continuing `prev` (the asker's last reading, if still fresh) when the message only changes a slot. */
export function readInContext(text: string, f: Forbund, now: Date, prev?: Question): Question {
    const q = understand(text, f, now);
    const folded = glossed(fold(text));
    if (prev && prev.intent === 'roster' && CONTINUES.test(folded) && q.intent !== 'roster') {
        const asRoster = { ...q, concepts: new Set([...q.concepts, 'who' as const]) };
        if (chooseIntent(asRoster, f) === 'roster') return { ...asRoster, intent: 'roster', carried: [] };
    }
    if (prev?.intent === 'uppdrag' && q.intent !== 'uppdrag') {
        const more = uppdragFollowUp(text, folded, q, prev);
        if (more) return more;
    }
    // A bare name with a year ("NAVET 2026") is a question of its own unless it is marked as a continuation.
    const marked = CONTINUES.test(folded) || /\b(da|then)$/.test(folded);
    if (!isSlotOnly(q) || (named(q) && !marked)) return q;
    if (!prev || prev.intent === 'dangling' || prev.intent === 'unclear') return { ...q, intent: 'dangling' };
    const merged: Question = {
        ...prev,
        text: prev.text,
        years: q.years.kind !== 'none' ? q.years : shifted(prev, folded),
        posts: named(q) ? q.posts : prev.posts,
        parts: named(q) ? q.parts : prev.parts,
        insats: named(q) ? q.insats : prev.insats,
        partKind: named(q) ? q.partKind : prev.partKind,
        concepts: new Set([...prev.concepts, ...q.concepts]),
        lang: q.lang === prev.lang ? q.lang : prev.lang,
    };
    // "samma för Navet" after a post question: the insats's own post when there is one.
    if (named(q) && merged.posts.length === 0 && merged.insats && prev.posts.length > 0) {
        const own = postOf(f, 'insats', merged.insats);
        if (own) merged.posts = [own];
    }
    merged.intent = q.concepts.has('why') ? 'why' : chooseIntent(merged, f);
    merged.carried = carried(f, prev, q, merged);
    return merged;
}

/** A capitalised name after "och"/"and"/"what about": "och Karl?", "what about Anna Ek?". */
const NAME_AFTER =
    /^(?:och|and|what about|how about|samma för|same for)\s+(?:för\s+|for\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)\s*[?.!]?$/u;

/**
 * A follow-up on an uppdrag question: another person ("och Karl?"), a part ("och kommunen?"), only the late
 * ones ("och försenade?", "vilka är försenade?"), or everyone's again ("och alla?").
 */
function uppdragFollowUp(text: string, folded: string, q: Question, prev: Question): Question | undefined {
    const name = NAME_AFTER.exec(text.trim())?.[1];
    const late = q.tokens.some((t) => t.startsWith('forsenad') || t === 'overdue' || t === 'late');
    const everyone = /(alla|allihop|everyone|all of them|all)/.test(folded);
    const base = { ...prev, text: prev.text, lang: q.lang === prev.lang ? q.lang : prev.lang };
    if (q.parts.length && CONTINUES.test(folded))
        return { ...base, person: undefined, parts: q.parts, intent: 'uppdrag', carried: [] };
    if (name && !q.insats && !q.body && !q.posts.length && !q.parts.length)
        return { ...base, person: name, parts: [], intent: 'uppdrag', carried: [] };
    if (late && q.tokens.length <= 4)
        return { ...base, tokens: [...prev.tokens, 'forsenade'], intent: 'uppdrag', carried: [] };
    if (everyone && CONTINUES.test(folded) && q.tokens.length <= 3)
        return { ...base, person: undefined, parts: [], intent: 'uppdrag', carried: [] };
    return undefined;
}

/** What was taken over, as the answer names it: the subject's names and the years (when not changed). */
function carried(f: Forbund, prev: Question, q: Question, m: Question): string[] {
    const out: string[] = [];
    if (!named(q)) {
        const posts = m.posts.map((id) => f.years.flatMap((y) => y.posts).find((p) => p.id === id)?.name ?? id);
        const parts = m.parts.map((id) => f.parter.find((p) => p.id === id)?.name ?? id);
        const insats = m.insats && !m.posts.length ? [f.insatser.find((i) => i.id === m.insats)?.name ?? m.insats] : [];
        out.push(...new Set([...posts, ...insats, ...parts]));
        if (out.length === 0) out.push(subjectOf(prev));
    }
    if (q.years.kind === 'none' && !RELATIVE.test(glossed(fold(q.text)))) out.push(yearsOf(f, prev));
    return out.filter(Boolean);
}

/** The previous question's year(s), moved by "året efter" / "året innan" when the message says so. */
function shifted(prev: Question, folded: string): Question['years'] {
    const m = RELATIVE.exec(folded);
    const y = prev.years;
    if (!m || (y.kind !== 'explicit' && y.kind !== 'word')) return y;
    const step = ['efter', 'darpa', 'after'].includes(m[1]) ? 1 : -1;
    return { kind: 'explicit', years: y.years.map((x) => x + step) };
}

function subjectOf(q: Question): string {
    const sv = q.lang !== 'en';
    if (q.concepts.has('ek')) return sv ? 'eget kapital' : 'equity';
    if (q.concepts.has('result')) return sv ? 'resultat' : 'result';
    if (q.concepts.has('costs')) return sv ? 'kostnader' : 'costs';
    if (q.concepts.has('income')) return sv ? 'intäkter' : 'income';
    return '';
}

function yearsOf(f: Forbund, q: Question): string {
    const y = q.years;
    if (y.kind === 'explicit' || y.kind === 'word') return [...y.years].sort().join(', ');
    if (y.kind === 'all') return planYears(f).join(', ');
    return '';
}
