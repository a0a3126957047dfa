// Questions about uppdrag given by beslut: "vilka uppdrag är öppna?", "vad ska Anna göra till nästa möte?".
import type { Question } from './types';

/** "vad ska Anna göra", "what should Anna do": the name as written (a capitalised word or two). */
const WHAT_DOES = [
    /\bvad\s+(?:ska|skall|behöver|måste|har)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)\s+(?:göra|gora|ha gjort|för uppdrag|for uppdrag)\b/u,
    /\bwhat\s+(?:should|does|must|will|is|has)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)\s+(?:do|have to do|need to do|supposed to do|got to do|been asked to do)\b/u,
];
/** A capitalised name with an uppdrag word: "Annas uppdrag", "uppdrag för Anna", "assignments for Anna". */
const NAMED_WITH_UPPDRAG = [
    /\b(\p{Lu}[\p{L}-]*?)s\s+(?:öppna\s+)?uppdrag\b/u,
    /\buppdrag(?:en)?\s+(?:för|till|som)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)/u,
    /\bassignments?\s+(?:for|of|to)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)/u,
    /\b(?:har|does|has)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)\s+(?:några\s+|nagra\s+|any\s+)?(?:öppna\s+|open\s+)?(?:uppdrag|assignments)\b/u,
];

/** The person a question about someone's uppdrag names, as written; undefined when it names none. */
export function personAsked(text: string): string | undefined {
    // The question's first word is capitalised ("Vad ska …"), a name at the start too ("Annas uppdrag?"): try both.
    const t = text.trim();
    for (const re of [...WHAT_DOES, ...NAMED_WITH_UPPDRAG])
        for (const variant of [t, t.charAt(0).toLowerCase() + t.slice(1)]) {
            const m = re.exec(variant);
            if (m) return m[1];
        }
    return undefined;
}

const isUppdragWord = (t: string) => t.startsWith('uppdrag') || t === 'assignment' || t === 'assignments';
const OPEN = new Set(['oppna', 'oppen', 'oppet', 'open', 'pagaende', 'kvar', 'outstanding', 'pending']);
/** "förbundets uppdrag", "styrelsens uppdrag": the mandate of the förbund or a body, not an uppdrag from a beslut. */
const MANDATE_OF = /^(forbundets|styrelsens|beredningsgruppens|styrgruppens|styrgruppernas|forbundschefens)$/;

/** Late words: "försenade", "overdue". */
export const asksOverdue = (q: Pick<Question, 'tokens'>) =>
    q.tokens.some((t) => t.startsWith('forsenad') || t === 'overdue' || t === 'late');

/** Whether the question asks for uppdrag: open, late, someone's, or "vilka uppdrag …" (not a body's mandate). */
export function asksUppdrag(q: Omit<Question, 'intent'>): boolean {
    const named = q.person !== undefined && !q.insats && !q.body && q.parts.length === 0 && q.posts.length === 0;
    if (named && q.tokens.some((t) => t === 'gora' || t === 'do')) return true;
    if (!q.tokens.some(isUppdragWord)) return false;
    if (q.tokens.some((t) => MANDATE_OF.test(t))) return false;
    const which = q.tokens.some((t) => ['vilka', 'which', 'lista', 'list', 'visa', 'show'].includes(t));
    return named || q.tokens.some((t) => OPEN.has(t)) || asksOverdue(q) || (which && !q.body);
}
