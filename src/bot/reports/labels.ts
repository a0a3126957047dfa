// Words for the report form and follow-up in Swedish and English: field labels, month names, error messages.
import { HISTORY_FACTOR, type PlausibilityWarning } from '../../domain/report-plausibility';
import type { ReportFieldError } from '../../domain/report-schema';
import type { Gender, Outcome } from '../../domain/reports';
import type { Lang } from '../lang';
import { say } from '../reply';

export const GENDER_LABEL: Record<Gender, [string, string]> = {
    kvinnor: ['Kvinnor', 'Women'],
    man: ['Män', 'Men'],
    annat: ['Annat eller ej angivet', 'Other or not stated'],
};
export const OUTCOME_LABEL: Record<Outcome, [string, string]> = {
    arbete: ['Arbete', 'Work'],
    studier: ['Studier', 'Studies'],
    af: [
        'Aktualiserad hos Arbetsförmedlingen / står till arbetsmarknadens förfogande',
        'Referred to Arbetsförmedlingen / available to the labour market',
    ],
    rehab: ['Annan arbetslivsinriktad rehabilitering', 'Other vocational rehabilitation'],
    ovrigt: ['Övrigt', 'Other'],
};
export const GROUP_LABEL = {
    nya: ['Nya deltagare under månaden', 'New participants this month'],
    avslutade: ['Avslutade under månaden', 'Finished this month'],
    pagaende: ['Pågående vid månadens slut', 'Ongoing at month end'],
    utfall: [
        'Avslutade per utfall (summan ska vara lika med avslutade)',
        'Finished by outcome (must add up to finished)',
    ],
    rem: ['Nya per remitterande part (summan ska vara lika med nya)', 'New by referring part (must add up to new)'],
    dagar: ['Tid för dem som avslutades', 'Time for those who finished'],
    ind: ['Indikatorer (enkätsvar denna månad)', 'Indicators (survey answers this month)'],
} as const;
export const GROUP_SHORT: Record<keyof typeof GROUP_LABEL, [string, string]> = {
    nya: ['Nya', 'New'],
    avslutade: ['Avslutade', 'Finished'],
    pagaende: ['Pågående', 'Ongoing'],
    utfall: ['Utfall', 'Outcome'],
    rem: ['Remitterande', 'Referred by'],
    dagar: ['Tid', 'Time'],
    ind: ['Indikator', 'Indicator'],
};

const pick = (l: Lang, pair: readonly [string, string]) => (l === 'en' ? pair[1] : pair[0]);

const MONTHS_SV = 'januari februari mars april maj juni juli augusti september oktober november december'.split(' ');
const MONTHS_EN = 'January February March April May June July August September October November December'.split(' ');

/** `oktober 2025` / `October 2025` for `2025-10`. */
export function monthName(month: string, lang: Lang, withYear = true): string {
    const name = (lang === 'en' ? MONTHS_EN : MONTHS_SV)[Number(month.slice(5, 7)) - 1];
    return withYear ? `${name} ${month.slice(0, 4)}` : name;
}
/** `jan`, `feb`, … for chart axes. */
export const shortMonth = (month: string, lang: Lang) => monthName(month, lang, false).slice(0, 3);

/** The month number (1–12) a Swedish or English month word or abbreviation names ("okt", "October"), or undefined. */
export function monthFromWord(word: string): number | undefined {
    const w = word.toLowerCase();
    if (w.length < 3) return undefined;
    const i = MONTHS_SV.findIndex((m) => m.startsWith(w));
    const j = MONTHS_EN.findIndex((m) => m.toLowerCase().startsWith(w));
    return i >= 0 ? i + 1 : j >= 0 ? j + 1 : undefined;
}

/** The warning for a value far outside the insats's history or plan (the submit is held until confirmed). */
export function warningText(w: PlausibilityWarning, lang: Lang): string {
    const what = pick(lang, GROUP_SHORT[w.field]).toLowerCase();
    return w.code === 'over-year-target'
        ? say(
              lang,
              `${w.value} ${what} på en månad är fler än planens mål för hela året (${w.limit}).`,
              `${w.value} ${what} in one month is more than the plan's target for the whole year (${w.limit}).`,
          )
        : say(
              lang,
              `${w.value} ${what} är mer än ${HISTORY_FACTOR} gånger den största månaden hittills (${w.limit}).`,
              `${w.value} ${what} is more than ${HISTORY_FACTOR} times the largest month so far (${w.limit}).`,
          );
}

/** The message shown under a field that failed validation. */
export function errorText(e: ReportFieldError, lang: Lang): string {
    const p = e.params;
    switch (e.code) {
        case 'not-a-number':
            return say(lang, 'Skriv ett heltal.', 'Write a whole number.');
        case 'not-whole':
            return say(lang, 'Antal ska vara ett heltal.', 'Counts must be whole numbers.');
        case 'negative':
            return say(lang, 'Antal kan inte vara negativt.', 'Counts cannot be negative.');
        case 'too-large':
            return say(lang, `Högst ${p.max}.`, `At most ${p.max}.`);
        case 'too-long':
            return say(lang, `Högst ${p.max} tecken.`, `At most ${p.max} characters.`);
        case 'bad-month':
            return say(lang, 'Månaden kunde inte läsas.', 'The month could not be read.');
        case 'month-future':
            return say(lang, 'Månaden har inte varit än.', 'That month has not happened yet.');
        case 'month-not-ended':
            return say(
                lang,
                `Månaden är inte slut än; den kan rapporteras från den ${p.last}:e.`,
                `The month has not ended yet; it can be reported from day ${p.last}.`,
            );
        case 'month-outside-plan':
            return say(lang, 'Månaden ligger utanför planens år.', "That month is outside the plan's years.");
        case 'outcomes-sum':
            return say(
                lang,
                `Utfallen summerar till ${p.sum} men avslutade är ${p.avslutade}.`,
                `The outcomes add up to ${p.sum} but finished is ${p.avslutade}.`,
            );
        case 'referrers-sum':
            return say(
                lang,
                `De remitterande summerar till ${p.sum} men nya är ${p.nya}.`,
                `The referrals add up to ${p.sum} but new is ${p.nya}.`,
            );
        case 'positive-over-answered':
            return say(
                lang,
                `Positiva (${p.positiva}) kan inte vara fler än besvarade (${p.besvarade}).`,
                `Positive (${p.positiva}) cannot exceed answered (${p.besvarade}).`,
            );
        case 'pagaende-previous':
            return say(
                lang,
                `Ska vara ${p.expected}: förra månadens ${p.previous} + nya − avslutade.`,
                `Should be ${p.expected}: last month's ${p.previous} + new − finished.`,
            );
        case 'pagaende-next':
            return say(
                lang,
                `Ska vara ${p.expected} för att stämma med den redan rapporterade månaden ${p.month}.`,
                `Should be ${p.expected} to agree with the already reported month ${p.month}.`,
            );
        case 'opening-negative':
            return say(
                lang,
                `Pågående ska vara minst ${p.min} (nya − avslutade), annars fanns ett negativt antal i början av månaden.`,
                `Ongoing must be at least ${p.min} (new − finished), or the month would have started below zero.`,
            );
        case 'finished-over-available':
            return say(
                lang,
                `Avslutade (${p.avslutade}) kan vara högst ${p.available}: förra månadens ${p.previous} pågående + ${p.nya} nya.`,
                `Finished (${p.avslutade}) can be at most ${p.available}: last month's ${p.previous} ongoing + ${p.nya} new.`,
            );
        case 'days-without-finished':
            return say(lang, 'Dagar anges bara när någon har avslutats.', 'Days are given only when someone finished.');
    }
}
