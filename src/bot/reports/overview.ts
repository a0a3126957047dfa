// "rapportläge": every insats's latest month, missing months and status in one card, for the chef (and anyone who
// may read an insats's detail, for those insatser).
import type { TurnContext } from 'botbuilder';
import { formatDate } from '../../domain';
import { lastReportableMonth, reportingState, type ReportingState } from '../../domain/report-overview';
import { yearOfMonth } from '../../domain/reports';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { sampleMark } from './followup-parts';
import { insatserAllowed } from './gates';
import { monthName } from './labels';

export const OVERVIEW = /^(?:visa\s+)?(?:rapportläge(?:t)?|rapportlage(?:t)?|reporting status|report status)\b(.*)$/i;

/** Said outside a 1:1 chat: the overview shows each insats's status. */
export const OVERVIEW_IN_PERSONAL = {
    sv: 'Rapportläget visar varje insats status, så jag visar det bara i en 1:1-chatt. Skriv till mig där.',
    en: "The reporting status shows each insats's status, so I only show it in a 1:1 chat. Write to me there.",
};

const STATUS_WORD = { uppnått: ['uppnått', 'achieved'], 'på väg': ['på väg', 'on track'], risk: ['risk', 'at risk'] };

/** One insats's line: latest month and version, the missing months, deltagare and status. */
function stateLine(s: ReportingState, lang: Lang): string {
    const months = (ms: string[]) => ms.map((m) => monthName(m, lang, false)).join(', ');
    const latest = s.last
        ? say(
              lang,
              `senast ${monthName(s.last.month, lang, false)} (version ${s.last.version}, ${formatDate(s.last.submittedAt, 'd MMM', lang)})`,
              `latest ${monthName(s.last.month, lang, false)} (version ${s.last.version}, ${formatDate(s.last.submittedAt, 'd MMM', lang)})`,
          )
        : say(lang, 'ingen rapport i år', 'no report this year');
    const missing = s.missing.length
        ? say(lang, `saknas: ${months(s.missing)}`, `missing: ${months(s.missing)}`)
        : say(lang, 'inget saknas', 'nothing missing');
    const d = s.deltagare;
    const since =
        d?.since && !d.since.endsWith('-01')
            ? say(lang, ` sedan ${monthName(d.since, lang, false)}`, ` since ${monthName(d.since, lang, false)}`)
            : '';
    const deltagare = d
        ? say(
              lang,
              `deltagare ${d.atLeast ? 'minst ' : ''}${d.value}${since}`,
              `participants ${d.atLeast ? 'at least ' : ''}${d.value}${since}`,
          )
        : '';
    const status = s.status ? `${say(lang, 'status', 'status')} ${STATUS_WORD[s.status][lang === 'en' ? 1 : 0]}` : '';
    const sample = s.sample ? `(${say(lang, 'fiktiva exempeldata', 'fictional sample data')})` : '';
    return [latest, missing, deltagare, status, sample].filter(Boolean).join(' · ');
}

/** The overview card data for the insatser given, as of `now`. */
export function overviewView(states: ReportingState[], lang: Lang, now: Date) {
    const year = states[0]?.year ?? yearOfMonth(lastReportableMonth(now));
    const title = say(lang, `Rapportläge ${year}`, `Reporting status ${year}`);
    const through = monthName(lastReportableMonth(now), lang);
    const text = [
        states.some((s) => s.sample) ? sampleMark(lang) : '',
        say(
            lang,
            `Månadsrapporter till och med ${through} (en månad kan rapporteras från sin sista dag). Status är botens regel för deltagarmålet; med saknade månader visas den bara när målet redan är nått.`,
            `Monthly reports through ${through} (a month can be reported from its last day). Status is the bot's rule for the participant target; with months missing it is shown only when the target is already met.`,
        ),
    ]
        .filter(Boolean)
        .join(' ');
    const facts = states.map((s) => ({ title: s.insats.name, value: stateLine(s, lang) }));
    return { title, text, facts };
}

/** Answers "rapportläge" in a 1:1 chat with the insatser the caller may read in detail. */
export async function answerOverview(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const now = deps.now();
    const { insatser, whyNone } = insatserAllowed(f, await info.caller(), 'report.readDetail');
    if (insatser.length === 0)
        return sendReply(ctx, { text: whyNone?.ok === false ? refusalText(lang, whyNone) : '–' });
    const year = yearOfMonth(lastReportableMonth(now));
    const rules = deps.reports.followUpRules();
    const states = insatser.map((insats) =>
        reportingState(
            f,
            insats,
            year,
            deps.reports.latestForYear(f.id, year, insats.id),
            deps.reports.latest(f.id, insats.id, `${year - 1}-12`)?.report,
            now,
            rules,
        ),
    );
    const view = overviewView(states, lang, now);
    await sendReply(ctx, {
        text: [`**${view.title}**`, view.text, ...view.facts.map((x) => `- ${x.title}: ${x.value}`)].join('\n'),
        card: messageCard(view.title, view.text, view.facts),
    });
}
