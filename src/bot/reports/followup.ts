// Follow-up questions: "hur går det för Navet?", "deltagare i år", "måluppfyllelse RoA 2025", "how is Navet doing?".
import type { TurnContext } from 'botbuilder';
import type { Insats } from '../../domain';
import { authorize } from '../../domain/access';
import { fullFigures } from '../../domain/report-figures';
import { followUp } from '../../domain/report-followup';
import { sharedFollowUp } from '../../domain/report-suppression';
import type { BotDeps } from '../deps';
import { say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { followUpView } from './followup-view';
import { insatsIn, yearIn } from './words';

const HOW = /^(?:hur går det för|hur gar det for|hur går det med|hur gar det med)\s+(.+?)\s*[?.!]?$/i;
const HOW_EN =
    /^(?:how is|how's|hows)\s+(.+?)\s+doing(?:\s+against\s+(?:its|the|their)\s+(?:goals|targets))?\s*[?.!]?$/i;
const GOALS =
    /^(?:måluppfyllelse|maluppfyllelse|goal attainment|goal fulfilment)\s+(?:för\s+|for\s+|i\s+)?(.+?)\s*[?.!]?$/i;
const PARTICIPANTS = /^(?:antal\s+)?(?:deltagare|participants)\b(.*)$/i;
const YEAR_WORDS =
    /\b(?:hittills i år|hittills|i år|i ar|i fjol|förra året|forra aret|this year|so far|last year|20\d\d)\b/gi;
const FILLER = /\b(?:i|in|för|for|på|at|hos)\b|[?.!]/gi;

/** Which follow-up a message asks for: the insats named (or the only one) and the year; undefined when none. */
export function followUpRequest(info: LinkedTurn, deps: BotDeps): { insats: Insats; year: number } | undefined {
    const f = info.forbund;
    const t = info.text;
    const named = HOW.exec(t)?.[1] ?? HOW_EN.exec(t)?.[1] ?? GOALS.exec(t)?.[1];
    const insats = named !== undefined ? insatsIn(f, named) : participantsInsats();
    return insats && { insats, year: yearIn(named ?? t, deps.now()) };

    // "deltagare i år", "deltagare Navet 2025": only year words and an insats name may follow.
    function participantsInsats() {
        const rest = PARTICIPANTS.exec(t)?.[1];
        if (rest === undefined) return undefined;
        const left = rest.replace(YEAR_WORDS, ' ').replace(FILLER, ' ').trim();
        return left ? insatsIn(f, left) : insatsIn(f, '', true);
    }
}

/**
 * Answers with the year-to-date follow-up: in full, with the months, to the insats's own people in a 1:1 chat;
 * everywhere else only the suppressed table, which is all the view is given.
 */
export async function answerFollowUp(
    ctx: TurnContext,
    deps: BotDeps,
    info: LinkedTurn,
    insats: Insats,
    year: number,
): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    if (!f.years.some((y) => y.year === year)) {
        return sendReply(ctx, {
            text: say(
                lang,
                `Planen omfattar ${f.years.map((y) => y.year).join(', ')}, inte ${year}, så det finns inga rapporter att följa upp.`,
                `The plan covers ${f.years.map((y) => y.year).join(', ')}, not ${year}, so there are no reports to follow up.`,
            ),
        });
    }
    const versions = deps.reports.latestForYear(f.id, year, insats.id);
    const reports = versions.map((v) => v.report);
    if (reports.length === 0) {
        return sendReply(ctx, {
            text: say(
                lang,
                `Det finns inga månadsrapporter för ${insats.name} ${year} än. Projektägaren lämnar dem med "rapportera".`,
                `There are no monthly reports for ${insats.name} ${year} yet. The project owner sends them with "report".`,
            ),
        });
    }
    const person = await deps.identity.resolve(ctx, info.user, f.id);
    const detail = authorize(person, f.id, { kind: 'report.readDetail', insatsId: insats.id }).ok;
    const personal = info.conversation.kind === 'personal';
    const rules = deps.reports.followUpRules();
    const december = deps.reports.latest(f.id, insats.id, `${year - 1}-12`)?.report;
    const full = personal && detail;
    const figures = full
        ? fullFigures(followUp(f, insats, year, reports, december, rules), true)
        : // sharedFollowUp is undefined only without reports, and this view is reached only with some.
          sharedFollowUp(f, insats, year, reports, december, rules)!;
    const view = followUpView(f, insats, figures, {
        lang,
        rules,
        sample: versions.some((v) => v.sample),
        // Free text only where the month rows are shown: never in a shared conversation.
        notes: full
            ? reports.map((r) => ({ month: r.month, kommentar: r.kommentar, avvikelse: r.avvikelse }))
            : undefined,
    });
    await sendReply(ctx, { text: view.text, card: { template: 'report-followup', data: view.data } });
}
