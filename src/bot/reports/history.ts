// "visa historik för <insats> <månad>": every stored version of a month's report, who sent it, when and what changed.
import type { TurnContext } from 'botbuilder';
import { authorize } from '../../domain/access';
import { formatDate, type Forbund, type Insats } from '../../domain';
import { changedFields } from '../../domain/report-schema';
import type { ReportVersion } from '../../storage/reports';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { sampleMark } from './followup-parts';
import { fieldLabel } from './form';
import { flatten } from './form-values';
import { insatserAllowed } from './gates';
import { monthName } from './labels';
import { insatsIn, lastMonth, monthIn } from './words';

/** Claims every history phrase, whatever follows, so it never falls through to another route's reading of the name. */
export const HISTORY =
    /^(?:visa\s+|se\s+)?(?:(?:versions)?historik(?:en)?|versioner(?:na)?)\b(.*)$|^(?:show\s+)?(?:the\s+)?(?:version\s+history|history|versions)\b(.*)$/i;

const HISTORY_WORD = /\b(?:versions)?historik(?:en)?\b|\bhistory\b|\bversioner(?:na)?\b/i;

/**
 * Whether a message asks for a month's history: it starts with the phrase, or it has the word anywhere together
 * with an insats or a month ("Navet historik mars"), so the name alone never sends it to another route's answer.
 */
export function isHistoryRequest(f: Forbund, text: string, now: Date): boolean {
    if (HISTORY.test(text)) return true;
    if (!HISTORY_WORD.test(text)) return false;
    return insatsIn(f, text.replace(HISTORY_WORD, ' ')) !== undefined || monthIn(text, now) !== undefined;
}

/** Said outside a 1:1 chat: the history shows the month's figures and free text. */
export const HISTORY_IN_PERSONAL = {
    sv: 'Historiken visar månadens siffror och fritext, så jag visar den bara i en 1:1-chatt. Skriv till mig där.',
    en: "The history shows the month's figures and free text, so I only show it in a 1:1 chat. Write to me there.",
};

const quoted = (s: string | undefined) => (s ? `”${s}”` : '–');

/** One line per changed field: `Nya: Kvinnor 2 → 3`; free text quoted. */
function changes(f: Forbund, insats: Insats, lang: Lang, before: ReportVersion, after: ReportVersion): string {
    const a = flatten(before.report);
    const b = flatten(after.report);
    const fields = changedFields(before.report, after.report);
    if (!fields.length) return say(lang, 'inga ändrade värden', 'no values changed');
    return fields
        .map((k) => {
            const text = k === 'kommentar' || k === 'avvikelse';
            const from = text ? quoted(a[k] as string | undefined) : String(a[k] ?? 0);
            const to = text ? quoted(b[k] as string | undefined) : String(b[k] ?? 0);
            return `${fieldLabel(f, insats, lang, k)}: ${from} → ${to}`;
        })
        .join('; ');
}

/** The history card of a month's versions, for someone who may read the insats's detail. */
export function historyView(
    f: Forbund,
    insats: Insats,
    month: string,
    versions: ReportVersion[],
    lang: Lang,
    who: (slug: string) => string,
) {
    const title = say(
        lang,
        `Historik: ${insats.name}, ${monthName(month, lang)}`,
        `History: ${insats.name}, ${monthName(month, lang)}`,
    );
    const sample = versions.some((v) => v.sample);
    const text = versions.length
        ? [
              sample ? sampleMark(lang) : '',
              versions.length === 1
                  ? say(lang, 'En version.', 'One version.')
                  : say(
                        lang,
                        `${versions.length} versioner; den senaste gäller.`,
                        `${versions.length} versions; the latest counts.`,
                    ),
          ]
              .filter(Boolean)
              .join(' ')
        : say(lang, `Ingen rapport för ${monthName(month, lang)} än.`, `No report for ${monthName(month, lang)} yet.`);
    const facts = versions.map((v, k) => {
        const head = `${say(lang, 'Version', 'Version')} ${v.version}`;
        const by = `${who(v.submittedBy)}, ${formatDate(v.submittedAt, 'd MMMM yyyy HH:mm', lang)}`;
        const what =
            k === 0
                ? [
                      say(lang, 'första versionen', 'first version'),
                      v.report.kommentar && `${say(lang, 'Kommentar', 'Comment')}: ${quoted(v.report.kommentar)}`,
                      v.report.avvikelse && `${say(lang, 'Avvikelse', 'Deviation')}: ${quoted(v.report.avvikelse)}`,
                  ]
                      .filter(Boolean)
                      .join('; ')
                : changes(f, insats, lang, versions[k - 1], v);
        return { title: head, value: `${by} – ${what}` };
    });
    return { title, text, facts };
}

/** Answers "visa historik för Navet november" in a 1:1 chat. */
export async function answerHistory(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const m = HISTORY.exec(info.text);
    const rest = m ? (m[1] ?? m[2] ?? '') : info.text.replace(HISTORY_WORD, ' ');
    const person = await info.caller();
    const { insatser, whyNone } = insatserAllowed(f, person, 'report.readDetail');
    const insats = insatsIn(f, rest) ?? (insatser.length === 1 ? insatser[0] : undefined);
    if (!insats) {
        const text =
            insatser.length > 0
                ? say(
                      lang,
                      `Vilken insats? Skriv till exempel "visa historik för ${insatser[0].name} ${monthName(lastMonth(deps.now()), lang, false)}".`,
                      `Which insats? Write for example "show history for ${insatser[0].name} ${monthName(lastMonth(deps.now()), lang, false)}".`,
                  )
                : whyNone && !whyNone.ok
                  ? refusalText(lang, whyNone)
                  : '–';
        return sendReply(ctx, { text });
    }
    const access = authorize(person, f.id, { kind: 'report.readDetail', insatsId: insats.id });
    if (!access.ok) return sendReply(ctx, { text: refusalText(lang, access) });
    const month = monthIn(rest, deps.now()) ?? lastMonth(deps.now());
    const versions = deps.reports.history(f.id, insats.id, month);
    const who = (slug: string) => deps.roster.bySlug(f.id, slug)?.name ?? slug;
    const view = historyView(f, insats, month, versions, lang, who);
    await sendReply(ctx, {
        text: [`**${view.title}**`, view.text, ...view.facts.map((x) => `- ${x.title}: ${x.value}`)].join('\n'),
        card: messageCard(view.title, view.text, view.facts),
    });
}
