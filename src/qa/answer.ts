// answer(): a structured question → an exact, sourced answer computed by the domain, or clarify / not stated.
import { hasPlan, type Forbund } from '../domain';
import { answerEk } from './answers/ek';
import { answerAdmin } from './answers/admin';
import { answerSpace, answerStatus, answerTotals } from './answers/budget';
import { answerPost } from './answers/post';
import { answerUtfall } from './answers/utfall';
import { answerDeficit, answerLawSplit, answerPartShare } from './answers/split';
import { answerCheck } from './answers/check';
import { clarify, factsAnswer, notStated, say } from './answers/common';
import { answerGoals } from './answers/goals';
import { answerOrg } from './answers/org';
import { answerContribution } from './answers/parts';
import type { Answer, AnswerContext, Question } from './types';
import { answerRoster } from './answers/roster';
import { answerReport } from './answers/reports';
import { answerUppdrag } from './answers/uppdrag';
import { answerChange, answerCompare, answerWhy } from './answers/change';
import { answerUnclear, unusedWords } from './answers/unclear';

/** What the bot can answer, with example questions that work for this förbund (used by out-of-scope answers). */
export function topics(f: Forbund, q: Pick<Question, 'lang'>): { title: string; q: string }[] {
    const post = f.years[0]?.posts.find((p) => p.category === 'individinsats') ?? f.years[0]?.posts[0];
    const l = (sv: string, en: string) => say(q.lang, sv, en);
    return [
        { title: l('Eget kapital', 'Equity'), q: l('Visa prognosen för eget kapital', 'Show the equity forecast') },
        {
            title: l('Budget', 'Budget'),
            q: post
                ? l(`Hur mycket kostar ${post.name}?`, `How much is ${post.name}?`)
                : l('Totala kostnader', 'Total costs'),
        },
        { title: l('Kontroll', 'Check'), q: l('Kontrollera budgeten', 'Check the budget') },
        { title: l('Parter', 'Parts'), q: l('Vilka parter ingår?', 'Who are the members?') },
        { title: l('Mål', 'Goals'), q: l('Vilka målområden har vi?', 'What are our goal areas?') },
        { title: l('Lagen', 'The law'), q: l('När måste budgeten fastställas?', 'When must the budget be fixed?') },
    ];
}

function outOfScope(f: Forbund, q: Question): Answer {
    const lead = say(
        q.lang,
        `Det kan jag inte svara på. Jag svarar om ${f.name}s plan: budget och eget kapital, poster och parternas bidrag, regler och avvikelser, mål och indikatorer, organisation och lagens krav.`,
        `I can't answer that. I answer about ${f.name}'s plan: budget and equity, posts and the parts' contributions, rules and discrepancies, goals and indicators, organisation and the law.`,
    );
    const t = topics(f, q);
    return {
        ...factsAnswer(
            f,
            q,
            { kind: 'out_of_scope', options: t },
            say(q.lang, 'Utanför det jag kan', 'Outside what I know'),
            [lead],
        ),
        options: t,
    };
}

/** A förbund set up without data: every question gets the same pointer to the workbook. */
function noPlanYet(f: Forbund, q: Question): Answer {
    return {
        kind: 'not_stated',
        text: say(
            q.lang,
            `**Inga uppgifter ännu**\n${f.name} har ingen plan eller budget i boten ännu. Förbundschefen skickar förbundets arbetsbok (.xlsx) till boten i en 1:1-chatt (skriv "mall" där för en tom mall), eller läser in den med \`npm run forbund -- import <fil.xlsx>\`.`,
            `**No data yet**\n${f.name} has no plan or budget in the bot yet. The förbundschef sends the förbund's workbook (.xlsx) to the bot in a 1:1 chat (write "template" there for an empty template), or imports it with \`npm run forbund -- import <file.xlsx>\`.`,
        ),
    };
}

/** Answers a question about `f`; `now` decides the current year, `ctx` adds decisions, roster and reports. */
export function answer(q: Question, f: Forbund, now: Date, ctx: AnswerContext = {}): Answer {
    if (!hasPlan(f)) return noPlanYet(f, q);
    const unused = unusedWords(q);
    const a = unused.length ? answerUnclear(f, q, unused) : dispatch(q, f, now, ctx);
    if (!q.carried?.length || a.kind === 'clarify') return a;
    const took = say(
        q.lang,
        `_Fortsätter på din förra fråga: ${q.carried.join(', ')}_`,
        `_Continuing your previous question: ${q.carried.join(', ')}_`,
    );
    return { ...a, text: `${took}\n${a.text}` };
}

function dispatch(q: Question, f: Forbund, now: Date, ctx: AnswerContext): Answer {
    switch (q.intent) {
        case 'roster':
            return answerRoster(f, q, ctx);
        case 'report':
            return answerReport(f, q, now, ctx);
        case 'uppdrag':
            return answerUppdrag(f, q, now, ctx);
        case 'why':
            return answerWhy(f, q, now);
        case 'change':
            return answerChange(f, q, now);
        case 'compare':
            return answerCompare(f, q, now);
        case 'dangling':
            return clarify(
                f,
                q,
                say(
                    q.lang,
                    `Jag har ingen tidigare fråga från dig att fortsätta på, så jag vet inte vad ”${q.text.trim()}” gäller. Fråga gärna hela frågan, till exempel:`,
                    `I have no earlier question from you to continue, so I don't know what "${q.text.trim()}" refers to. Please ask the whole question, for example:`,
                ),
                topics(f, q),
            );
        case 'ek':
            return answerEk(f, q, now);
        case 'totals':
            return answerTotals(f, q, now);
        case 'post':
            return answerPost(f, q, now);
        case 'utfall':
            return answerUtfall(f, q, now, ctx);
        case 'admin':
            return answerAdmin(f, q, now);
        case 'space':
            return answerSpace(f, q, now);
        case 'status':
            return answerStatus(f, q, now, ctx);
        case 'check':
            return answerCheck(f, q);
        case 'contribution':
            return answerContribution(f, q, now);
        case 'partShare':
            return answerPartShare(f, q, now);
        case 'lawSplit':
            return answerLawSplit(f, q, now);
        case 'deficit':
            return answerDeficit(f, q, now);
        case 'goals':
            return answerGoals(f, q);
        case 'empty':
            return clarify(
                f,
                q,
                say(q.lang, 'Vad vill du veta? Till exempel:', 'What would you like to know? For example:'),
                topics(f, q),
            );
        case 'notFound':
            return notStated(
                f,
                q,
                say(q.lang, `något om ”${q.rest.join(' ')}”`, `anything about "${q.rest.join(' ')}"`),
                say(
                    q.lang,
                    'Fråga gärna om budgeten, eget kapital, parterna, målen eller organisationen.',
                    'Ask about the budget, equity, the parts, the goals or the organisation.',
                ),
            );
        case 'out_of_scope':
        case 'unknown':
            return outOfScope(f, q);
        default:
            return answerOrg(f, q);
    }
}
