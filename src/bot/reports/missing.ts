// "vilka har inte rapporterat för oktober?": the insatser (and their projektägare) without a report for a month.
import type { TurnContext } from 'botbuilder';
import { monthOf } from '../../domain/reports';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { insatserAllowed } from './gates';
import { monthName } from './labels';
import { lastMonth, monthIn } from './words';

export const MISSING =
    /^(?:vilka|vem|vilka insatser)\s+(?:har inte|har ej|saknar)\s+(?:rapporterat|lämnat rapport|lamnat rapport|rapport)\b(.*)$|^(?:who|which insatser)\s+(?:hasn't|has not|haven't|have not)\s+reported\b(.*)$/i;

/** Lists, for the förbundschef (or anyone who may read an insats's detail), who has not reported for the month. */
export async function answerMissing(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const m = MISSING.exec(info.text);
    const month = monthIn(m?.[1] ?? m?.[2] ?? '', deps.now()) ?? lastMonth(deps.now());
    const { insatser: visible, whyNone } = insatserAllowed(f, await info.caller(), 'report.readDetail');
    if (visible.length === 0) {
        return sendReply(ctx, {
            text:
                whyNone?.ok === false
                    ? refusalText(lang, whyNone).replace(/ (Inget har ändrats|Nothing was changed)\.$/, '')
                    : '–',
        });
    }
    const reported = deps.reports.insatserReported(f.id, month);
    const owners = (insatsId: string) =>
        deps.roster
            .list(f.id)
            .filter((p) => p.roles.some((r) => r.role === 'projektägare' && r.insatsId === insatsId))
            .map((p) => p.name)
            .join(', ') || say(lang, 'ingen projektägare registrerad', 'no project owner registered');
    const missing = visible.filter((i) => !reported.has(i.id));
    const when = monthName(month, lang);
    const future = month > monthOf(deps.now());
    const text = future
        ? say(lang, `${when} har inte varit än.`, `${when} has not happened yet.`)
        : missing.length === 0
          ? say(lang, `Alla har rapporterat för ${when}.`, `Everyone has reported for ${when}.`)
          : say(lang, `Inte rapporterat för ${when}:`, `Not reported for ${when}:`);
    const facts = future ? [] : missing.map((i) => ({ title: i.name, value: owners(i.id) }));
    await sendReply(ctx, {
        text: [text, ...facts.map((x) => `- ${x.title} (${x.value})`)].join('\n'),
        card: messageCard(say(lang, `Rapporter för ${when}`, `Reports for ${when}`), text, facts),
    });
}
