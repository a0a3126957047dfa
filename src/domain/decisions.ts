// Decision rules: outcomes and their wording, quorum recounted without members with jäv, § references, budget effects.
import { quorum, type Answer, type Invitation, type Quorum } from './meetings';

export const OUTCOMES = ['bifall', 'ändrat', 'avslag', 'återremiss', 'bordläggs'] as const;
/** How an item was decided: as proposed, with changed wording, rejected, sent back, or postponed. */
export type Outcome = (typeof OUTCOMES)[number];

/** Button and protokoll labels per outcome. */
export const OUTCOME_LABELS: Record<Outcome, { sv: string; en: string }> = {
    bifall: { sv: 'Bifall enligt förslaget', en: 'Approved as proposed' },
    ändrat: { sv: 'Ändrat beslut', en: 'Amended decision' },
    avslag: { sv: 'Avslag', en: 'Rejected' },
    återremiss: { sv: 'Återremiss', en: 'Referred back' },
    bordläggs: { sv: 'Bordläggs', en: 'Postponed' },
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const stop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
/** `Styrelsen beslutar att godkänna …` from a proposal worded "Att godkänna …". */
const resolves = (body: string, what: string) =>
    /^att\s/i.test(what.trim())
        ? stop(`${body} beslutar ${lowerFirst(what.trim())}`)
        : stop(`${body} beslutar: ${what.trim()}`);

export type Worded = { ok: true; text: string } | { ok: false; reason: 'no-proposal' | 'no-text' };

/**
 * The decision's wording in the protokoll. Bifall needs the item's förslag till beslut; an ändrat beslut needs its
 * own text; for the others a text is optional (the motivation).
 */
export function decisionText(outcome: Outcome, body: string, proposal?: string, edited?: string): Worded {
    const own = edited?.trim();
    switch (outcome) {
        case 'bifall':
            return proposal?.trim()
                ? { ok: true, text: resolves(body, proposal) }
                : { ok: false, reason: 'no-proposal' };
        case 'ändrat':
            return own ? { ok: true, text: resolves(body, own) } : { ok: false, reason: 'no-text' };
        case 'avslag':
            return {
                ok: true,
                text: own
                    ? stop(`${body} avslår förslaget: ${own}`)
                    : stop(`${body} avslår förslaget${proposal ? ` ${lowerFirst(proposal.trim())}` : ''}`),
            };
        case 'återremiss':
            return { ok: true, text: own ? stop(`Ärendet återremitteras: ${own}`) : 'Ärendet återremitteras.' };
        case 'bordläggs':
            return {
                ok: true,
                text: own ? stop(`Ärendet bordläggs: ${own}`) : 'Ärendet bordläggs till nästa sammanträde.',
            };
    }
}

/**
 * Quorum for one item: members with jäv do not take part, so they count as absent. Their seat may then be filled by
 * their part's ersättare who is present (kommunallagen lets an ersättare serve for a ledamot with jäv).
 */
export function quorumWithJav(inv: Invitation, answers: ReadonlyMap<number, Answer>, jav: readonly number[]): Quorum {
    const adjusted = new Map(answers);
    for (const id of jav) if (adjusted.has(id)) adjusted.set(id, 'förhinder');
    return quorum(inv, adjusted);
}

/** `§ 14/2025`. */
export const formatRef = (number: number, year: number) => `§ ${number}/${year}`;

/** Reads `§ 14/2025` (or `paragraf 14/2025`, `§14 2025`) from a text. */
export function parseRef(text: string): { number: number; year: number } | undefined {
    const m = /(?:§|\bparagraf|\bparagraph)\s*(\d{1,4})\s*(?:\/|\s|,\s*)\s*(\d{4})\b/i.exec(text);
    return m ? { number: Number(m[1]), year: Number(m[2]) } : undefined;
}

/** § numbers for a meeting's items in agenda order, continuing after the body's last number that year. */
export function numberParagraphs(itemIds: readonly number[], lastNumber: number): Map<number, number> {
    return new Map(itemIds.map((id, i) => [id, lastNumber + i + 1]));
}

export type BudgetEffect = { year: number; status: 'preliminär' | 'fastställd' };

/**
 * The budget years a decision settles: "godkänna … budget 2024" fixes 2024 (fastställd); "preliminär budget 2025 och
 * 2026" approves those years as preliminär. Only a decision that adopts its text (bifall, ändrat) has an effect.
 */
export function budgetEffects(outcome: Outcome, text: string): BudgetEffect[] {
    if (outcome !== 'bifall' && outcome !== 'ändrat') return [];
    const out: BudgetEffect[] = [];
    const re = /(preliminär\w*\s+)?budget\w*\s+((?:\d{4})(?:\s*(?:,|och|and|samt|–|-)\s*\d{4})*)/giu;
    for (const m of text.matchAll(re)) {
        const status = m[1] ? 'preliminär' : 'fastställd';
        for (const y of m[2].match(/\d{4}/g) ?? []) {
            if (!out.some((e) => e.year === Number(y))) out.push({ year: Number(y), status });
        }
    }
    return out;
}
