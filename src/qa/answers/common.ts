// Shared answer pieces: language choice, sv-SE figures with their unit, source line, cards, clarify and refusals.
import type { CardSpec } from '../../cards/templates';
import { formatAmount, formatPercent, planYears, type Amount, type Forbund } from '../../domain';
import type { Answer, Lang, Question, Unit } from '../types';
import { currentYear } from '../years';

/** Picks the sentence for the question's language. */
export const say = (lang: Lang, sv: string, en: string) => (lang === 'en' ? en : sv);

/** An amount's number in its own unit (tkr figures as whole tkr) and its unit. */
export function inUnit(a: Amount): { value: number; unit: Unit } {
    return a.unit === 'tkr' ? { value: Math.round(a.kr / 1000), unit: 'tkr' } : { value: a.kr, unit: 'kr' };
}

/** A ratio as the percent number shown (one decimal): 0.20768 → 20.8. */
export const pctValue = (ratio: number) => Math.round(ratio * 1000) / 10;
export const pct = (ratio: number) => formatPercent(ratio);
/** A rule's stated percentage as the plan states it: "20 %", "15 %" (a computed share keeps one decimal). */
export const rulePct = (ratio: number) => formatPercent(ratio, Number.isInteger(Math.round(ratio * 1e6) / 1e4) ? 0 : 1);
export const money = formatAmount;

/** "Källa: …" naming the förbund's plan, and which stored version of its data when it came from an import. */
export const sourceLine = (f: Forbund, lang: Lang) =>
    `${say(lang, 'Källa', 'Source')}: ${f.source.title}${f.source.edition ? ` – ${f.source.edition[lang]}` : ''}`;

/** Joins answer lines and appends the source. */
export const withSource = (f: Forbund, lang: Lang, lines: string[]) =>
    [...lines, '', `_${sourceLine(f, lang)}_`].join('\n');

/** A facts card: title, lead text, label/value facts and the source. */
export function factsCard(
    f: Forbund,
    lang: Lang,
    title: string,
    text: string,
    facts: [string, string][],
): CardSpec<'qa-facts'> {
    return {
        template: 'qa-facts',
        data: { title, text, facts: facts.map(([t, value]) => ({ title: t, value })), source: sourceLine(f, lang) },
    };
}

/** A plain answer with facts: text and card built from the same lines. */
export function factsAnswer(
    f: Forbund,
    q: Question,
    base: Omit<Answer, 'text' | 'card'>,
    title: string,
    lines: string[],
    facts: [string, string][] = [],
): Answer {
    const body = lines.join('\n');
    // A fact the lines already say (e.g. "2025: **2 599 000 kr**") is shown in the card only.
    const said = new Set(lines.map((l) => l.replace(/\*\*/g, '')));
    const extra = facts.filter(([k, v]) => !said.has(`${k}: ${v}`)).map(([k, v]) => `- ${k}: ${v}`);
    const text = withSource(f, q.lang, [`**${title}**`, ...lines, ...extra]);
    return { ...base, text, card: factsCard(f, q.lang, title, body, facts) };
}

/** Asks back with buttons; each button re-asks a complete question. */
export function clarify(f: Forbund, q: Question, text: string, all: { title: string; q: string }[]): Answer {
    // Teams shows at most five card actions.
    const options = all.slice(0, 5);
    const lines = [text, ...options.map((o) => `- ${o.q}`)];
    return {
        kind: 'clarify',
        text: withSource(f, q.lang, lines),
        options,
        card: {
            template: 'qa-clarify',
            data: { title: say(q.lang, 'Menar du …?', 'Do you mean …?'), text, options, source: sourceLine(f, q.lang) },
        },
    };
}

/** "The plan does not state it", with what it does say when there is something near. */
export function notStated(f: Forbund, q: Question, what: string, near?: string): Answer {
    const lead = say(q.lang, `Det står inte i planen: ${what}.`, `The plan does not state it: ${what}.`);
    return factsAnswer(
        f,
        q,
        { kind: 'not_stated' },
        say(q.lang, 'Anges inte', 'Not stated'),
        near ? [lead, near] : [lead],
    );
}

/** The plan's years as text: "2024–2026". */
export function yearSpan(f: Forbund): string {
    const ys = planYears(f);
    return ys.length > 1 ? `${ys[0]}–${ys.at(-1)}` : String(ys[0]);
}

/** Which years an answer is for: the named ones, all, this year; or a clarify/not_stated answer when unclear. */
export function resolveYears(f: Forbund, q: Question, now: Date, sameEveryYear: boolean): number[] | Answer {
    const plan = planYears(f);
    const r = q.years;
    if (r.kind === 'all') return plan;
    if (r.kind === 'explicit') {
        const outside = r.years.filter((y) => !plan.includes(y));
        if (outside.length === 0) return r.years;
        return notStated(
            f,
            q,
            say(
                q.lang,
                `planen gäller ${yearSpan(f)}, inte ${outside.join(', ')}`,
                `the plan covers ${yearSpan(f)}, not ${outside.join(', ')}`,
            ),
        );
    }
    const year = r.kind === 'word' ? r.years[0] : currentYear(now);
    if (plan.includes(year)) return [year];
    if (r.kind === 'none' && sameEveryYear) return plan;
    return askYear(f, q, year);
}

/** Clarify: the asked (or current) year is outside the plan; offers the plan's years as buttons. */
export function askYear(f: Forbund, q: Question, year: number): Answer {
    const text = say(
        q.lang,
        `Planen gäller ${yearSpan(f)}, inte ${year}. Vilket år menar du?`,
        `The plan covers ${yearSpan(f)}, not ${year}. Which year do you mean?`,
    );
    const base = q.text.replace(/[?!.\s]+$/, '');
    return clarify(
        f,
        q,
        text,
        planYears(f).map((y) => ({ title: String(y), q: `${base} ${y}` })),
    );
}
