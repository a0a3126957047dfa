// "hjälp"/"help": what the bot can answer, with example questions built from the förbund's own data.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Forbund } from '../../domain';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { say, sendReply, type Reply } from '../reply';
import { onMessage } from '../on-message';
import type { LinkedTurn } from '../turn';

export const HELP = /^(?:hjälp|hjalp|help|\?|vad kan du(?: göra| gora)?|what can you do)\s*[?!.]?$/i;

/** Registers the help route. */
export function registerHelp(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(app, deps, HELP, (ctx, turn) => sendReply(ctx, helpReply(turn)));
}

/** The help answer for the conversation's förbund and the user's language. */
export function helpReply(info: LinkedTurn): Reply {
    return helpFor(info.forbund, info.lang);
}

/** The help answer for a förbund in a language. */
export function helpFor(f: Forbund, lang: Lang): Reply {
    const examples = exampleQuestions(f, lang);
    const title = say(lang, `Det här kan jag svara på för ${f.name}`, `What I can answer for ${f.name}`);
    // An insats of this förbund's own plan names the examples (a förbund without insatser gets a neutral word).
    const insats = f.insatser[0]?.name ?? say(lang, 'en insats', 'an insats');
    const topics = say(
        lang,
        'Budget och eget kapital, poster och parternas bidrag, regler och avvikelser i planen, mål och indikatorer, organisation och lagens krav. ' +
            'Möten: "när är nästa styrelsemöte?", "visa dagordningen"; förbundschefen skriver "nytt styrelsemöte 12 december 13:00" och "skicka kallelse". ' +
            `Beslut: "vilka beslut har fattats om ${insats}?", "visa § 7/2025". Rapporter: projektägare skriver "rapportera", alla kan fråga "hur går det för ${insats}?"; förbundschefen skriver "rapportläge", "visa historik för ${insats} oktober" och "exportera uppföljning finsam". ` +
            'Deadlines: "vilka deadlines har vi?". Roller: "visa roller".',
        "Budget and eget kapital, posts and the parts' contributions, rules and discrepancies in the plan, goals and indicators, organisation and the law. " +
            'Meetings: "when is the next board meeting?", "show the agenda"; the förbundschef writes "nytt styrelsemöte 12 december 13:00" and "skicka kallelse". ' +
            `Decisions: "what did the board decide about the budget?". Reports: project owners write "report", anyone can ask "how is ${insats} doing?"; the förbundschef writes "reporting status", "show history for ${insats} October" and "export uppföljning finsam". ` +
            'Deadlines: "which deadlines do we have?". Roles: "show roles".',
    );
    return {
        text: [`**${title}**`, topics, ...examples.map((q) => `- ${q}`)].join('\n'),
        card: {
            template: 'help',
            data: {
                title,
                topics,
                // Teams shows at most five card actions; the text lists every example.
                examples: examples.slice(0, 5).map((q) => ({ q })),
                tryLabel: say(lang, 'Prova att fråga', 'Try asking'),
            },
        },
    };
}

function exampleQuestions(f: Forbund, lang: Lang): string[] {
    const years = f.years.map((y) => y.year);
    const later = years[Math.min(1, years.length - 1)];
    const insats = f.insatser[0];
    const kommun = f.parter.find((p) => p.kind === 'kommun');
    return lang === 'en'
        ? [
              "What's our eget kapital forecast?",
              insats ? `How much does ${insats.name} get in ${later}?` : `What are the total costs in ${later}?`,
              'Check the budget',
              kommun ? `How much does ${kommun.name} contribute?` : 'Who are the parter?',
              insats ? `What are the goals for ${insats.name}?` : 'What are our goals?',
              'When must the budget be fixed?',
          ]
        : [
              'Vad är vår prognos för eget kapital?',
              insats ? `Hur mycket får ${insats.name} ${later}?` : `Vad är de totala kostnaderna ${later}?`,
              'Kontrollera budgeten',
              kommun ? `Hur mycket bidrar ${kommun.name} med?` : 'Vilka är parterna?',
              insats ? `Vilka mål har ${insats.name}?` : 'Vilka mål har vi?',
              'När måste budgeten fastställas?',
          ];
}
