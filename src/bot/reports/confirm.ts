// The card confirming a stored report version: version, who and when, what changed, and who got the avvikelse.
import type { Forbund, Insats } from '../../domain';
import { formatDate } from '../../domain';
import type { Person } from '../../domain/access';
import { changedFields } from '../../domain/report-schema';
import type { ReportVersion } from '../../storage/reports';
import type { ActionOutcome } from '../cards/execute';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { flagDeviation } from './flag';
import { fieldLabel } from './form';
import { monthName } from './labels';

/** The outcome of a stored submit; `after` flags an avvikelse once the version is committed. */
export function confirmation(
    deps: BotDeps,
    f: Forbund,
    insats: Insats,
    lang: Lang,
    actor: Person,
    stored: ReportVersion,
    before: ReportVersion | undefined,
): ActionOutcome {
    const changed = before ? changedFields(before.report, stored.report) : [];
    const facts = [
        { title: say(lang, 'Version', 'Version'), value: String(stored.version) },
        {
            title: say(lang, 'Sparad av', 'Stored by'),
            value: `${actor.name}, ${formatDate(stored.submittedAt, 'd MMMM yyyy HH:mm')}`,
        },
        ...(before
            ? [
                  {
                      title: say(
                          lang,
                          `Ändrat från version ${before.version}`,
                          `Changed from version ${before.version}`,
                      ),
                      value: changed.map((c) => fieldLabel(f, insats, lang, c)).join('; ') || '–',
                  },
              ]
            : []),
    ];
    const title = say(lang, 'Rapporten är sparad', 'The report is stored');
    const card = messageCard(title, `${insats.name}, ${monthName(stored.month, lang)}.`, facts);
    return {
        card,
        // execute.ts renders the invoke response after `after` resolves, so the recipients become part of this card.
        after: async () => {
            if (!stored.report.avvikelse) return;
            // Told once per new or changed text: the form pre-fills the avvikelse, so later versions usually repeat it.
            if (stored.report.avvikelse === before?.report.avvikelse) {
                facts.push({
                    title: say(lang, 'Avvikelsen', 'The deviation'),
                    value: say(
                        lang,
                        `oförändrad sedan version ${before.version}, skickades inte igen`,
                        `unchanged since version ${before.version}, not sent again`,
                    ),
                });
                return;
            }
            const sent = await flagDeviation(deps, f, insats, stored, actor);
            facts.push({
                title: say(lang, 'Avvikelsen skickad till', 'Deviation sent to'),
                value: sent.reached.join(', ') || '–',
            });
            if (sent.unreachable.length === 0) return;
            facts.push({
                title: say(lang, 'Kunde inte nås', 'Could not be reached'),
                value:
                    sent.unreachable.join(', ') +
                    say(
                        lang,
                        ' (har inte chattat med boten än; be dem skriva till boten en gång)',
                        ' (have not chatted with the bot yet; ask them to write to it once)',
                    ),
            });
        },
    };
}
