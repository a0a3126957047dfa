// "rapportera [insats] [månad]": sends the projektägare the report form in their 1:1 chat, prefilled from the latest version.
import type { TurnContext } from 'botbuilder';
import { authorize } from '../../domain/access';
import { formatDate } from '../../domain';
import { monthErrorCode } from '../../domain/report-schema';
import { lastDayOf, monthProblem } from '../../domain/reports';
import { newActionKey } from '../cards/action-key';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { insatserAllowed } from './gates';
import { formCard } from './form';
import { valuesOf } from './form-values';
import { errorText, monthName } from './labels';
import { reportRecord } from './submit';
import { insatsIn, lastMonth, monthIn } from './words';

export const REPORT =
    /^(?:rapportera|lämna rapport|lamna rapport|månadsrapport|manadsrapport|report|submit report)\b(.*)$/i;

/** Said outside a 1:1 chat: the form shows the month's figures. */
export const REPORT_IN_PERSONAL = {
    sv: 'Månadsrapporter lämnas i en 1:1-chatt med mig, eftersom formuläret visar månadens siffror. Skriv "rapportera" till mig där.',
    en: 'Monthly reports are sent in a 1:1 chat with me, since the form shows the month\'s figures. Write "report" to me there.',
};

/** Handles "rapportera …" in a 1:1 chat. */
export async function openReportForm(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const rest = REPORT.exec(info.text)?.[1] ?? '';
    const actor = await info.caller();
    const { insatser: own, whyNone } = insatserAllowed(f, actor, 'report.submit');
    const named = insatsIn(f, rest);
    const insats = named ?? (own.length === 1 ? own[0] : undefined);
    if (!insats) {
        const text = own.length
            ? say(
                  lang,
                  `Vilken insats? ${own.map((i) => i.name).join(', ')}.`,
                  `Which insats? ${own.map((i) => i.name).join(', ')}.`,
              )
            : whyNone && !whyNone.ok
              ? refusalText(lang, whyNone)
              : say(lang, 'Förbundet har ingen insats att rapportera för.', 'The förbund has no insats to report for.');
        return sendReply(ctx, { text });
    }
    const access = authorize(actor, f.id, { kind: 'report.submit', insatsId: insats.id });
    if (!access.ok) return sendReply(ctx, { text: refusalText(lang, access) });

    const month = monthIn(rest, deps.now()) ?? lastMonth(deps.now());
    const problem = monthProblem(f, month, deps.now());
    if (problem) {
        const code = monthErrorCode(problem);
        const plan = say(
            lang,
            `Planen omfattar ${f.years.map((y) => y.year).join(', ')}.`,
            `The plan covers ${f.years.map((y) => y.year).join(', ')}.`,
        );
        return sendReply(ctx, {
            text: `${monthName(month, lang)}: ${errorText({ field: 'month', code, params: { last: lastDayOf(month) } }, lang)}${problem === 'not-ended' ? '' : ` ${plan}`}`,
        });
    }
    const latest = deps.reports.latest(f.id, insats.id, month);
    const version = deps.reports.versionCount(f.id, insats.id, month);
    const by = latest && deps.roster.bySlug(f.id, latest.submittedBy)?.name;
    const card = formCard({
        f,
        insats,
        month,
        lang,
        key: newActionKey(reportRecord(f.id, insats.id, month), version),
        values: valuesOf(latest?.report),
        errors: [],
        latest: latest && {
            version: latest.version,
            by: by ?? latest.submittedBy,
            at: formatDate(latest.submittedAt, 'd MMMM yyyy HH:mm'),
            sample: latest.sample,
        },
    });
    await sendReply(ctx, {
        text: say(
            lang,
            `Månadsrapport för ${insats.name}, ${monthName(month, lang)}. Fyll i kortet och skicka.`,
            `Monthly report for ${insats.name}, ${monthName(month, lang)}. Fill in the card and send it.`,
        ),
        card,
    });
}
