// Questions about submitted monthly reports: participants so far, finished, share to work/studies, avvikelser —
// from the follow-up table the conversation may see (suppressed in shared conversations).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { sv } from 'date-fns/locale/sv';
import { formatPercent, TIME_ZONE, type Forbund } from '../../domain';
import type { Figure } from '../../domain/report-figures';
import type { Answer, AnswerContext, Question } from '../types';
import { currentYear } from '../years';
import { clarify, factsCard, notStated, pctValue, say } from './common';

type Measure = 'deltagare' | 'avslutade' | 'work' | 'avvikelser';

function measureOf(q: Question): Measure {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    if (c('check')) return 'avvikelser';
    if (c('outcomeWork') || c('share') || c('percent')) return 'work';
    if (c('finished') && !q.tokens.some((t) => t.startsWith('deltagar'))) return 'avslutade';
    return 'deltagare';
}

const monthName = (month: string, lang: 'sv' | 'en') =>
    format(new TZDate(`${month}-15T12:00:00`, TIME_ZONE), 'LLLL yyyy', { locale: lang === 'en' ? enGB : sv });

/** Answers from the submitted reports the context provides; not stated when there are none. */
export function answerReport(f: Forbund, q: Question, now: Date, ctx: AnswerContext): Answer {
    const insats = q.insats
        ? f.insatser.find((i) => i.id === q.insats)
        : f.insatser.length === 1 && q.posts.length === 0
          ? f.insatser[0]
          : undefined;
    if (!insats)
        return clarify(
            f,
            q,
            say(
                q.lang,
                'Vilken insats menar du? Deltagare finns i insatsernas månadsrapporter.',
                'Which insats do you mean? Participants are in the insatser’s monthly reports.',
            ),
            f.insatser.map((i) => ({
                title: i.name,
                q: say(
                    q.lang,
                    `Hur många deltagare har ${i.name} haft i år?`,
                    `How many participants has ${i.name} had this year?`,
                ),
            })),
        );
    const y = q.years;
    const year = y.kind === 'explicit' || y.kind === 'word' ? y.years[0] : currentYear(now);
    const view = ctx.reports?.(insats.id, year);
    if (!view)
        return notStated(
            f,
            q,
            say(
                q.lang,
                `inga månadsrapporter för ${insats.name} ${year} är inlämnade, så utfallet är inte känt`,
                `no monthly reports for ${insats.name} ${year} have been submitted, so the outcome is not known`,
            ),
            say(
                q.lang,
                'Planens mål (inte utfall) får du med ”mål för ' + insats.name + '”.',
                `The plan's targets (not outcomes): ask "targets for ${insats.name}".`,
            ),
        );
    const fig = view.figures;
    const through = fig.lastMonth ? monthName(fig.lastMonth, q.lang) : String(year);
    const source = say(
        q.lang,
        `Källa: inlämnade månadsrapporter för ${insats.name}, ${year} till och med ${through}${fig.suppressed ? ' (delad konversation: små antal döljs)' : ''}`,
        `Source: submitted monthly reports for ${insats.name}, ${year} through ${through}${fig.suppressed ? ' (shared conversation: small counts hidden)' : ''}`,
    );
    const m = measureOf(q);
    const hidden = () =>
        notStated(
            f,
            q,
            say(
                q.lang,
                `siffran döljs i delade samtal eftersom antalet är för litet (${insats.name} ${year}); fråga i ett 1:1-samtal om du har behörighet`,
                `the figure is hidden in shared conversations because the count is too small (${insats.name} ${year}); ask in a 1:1 chat if you may see it`,
            ),
        );
    const out = (kind: Answer['kind'], title: string, lines: string[], extra: Partial<Answer>): Answer => ({
        kind,
        ...extra,
        text: [`**${title}**`, ...lines, '', `_${source}_`].join('\n'),
        card: {
            ...factsCard(f, q.lang, title, lines.join('\n'), []),
            data: { title, text: lines.join('\n'), facts: [], source },
        },
    });
    const count = (x: Figure) => (x.kind === 'shown' ? x.value : undefined);
    if (m === 'avvikelser') {
        const months = view.avvikelser.map((a) => monthName(a.month, q.lang));
        const lines = view.avvikelser.length
            ? view.avvikelser.map((a) => `- ${monthName(a.month, q.lang)}${a.text ? `: ${a.text}` : ''}`)
            : [say(q.lang, 'Inga avvikelser är rapporterade.', 'No avvikelser have been reported.')];
        return out(
            'list',
            say(
                q.lang,
                `Avvikelser i rapporterna för ${insats.name} ${year}`,
                `Avvikelser in ${insats.name}'s reports ${year}`,
            ),
            lines,
            { values: months },
        );
    }
    if (m === 'work') {
        const c = count(fig.work.count);
        const of = count(fig.work.of);
        if (c === undefined || of === undefined || of === 0)
            return of === 0
                ? notStated(
                      f,
                      q,
                      say(
                          q.lang,
                          `ingen har avslutat ${insats.name} ${year} än`,
                          `nobody has finished ${insats.name} in ${year} yet`,
                      ),
                  )
                : hidden();
        return out(
            'number',
            say(
                q.lang,
                `${insats.name} ${year}: till arbete eller studier`,
                `${insats.name} ${year}: to work or studies`,
            ),
            [
                say(
                    q.lang,
                    `**${formatPercent(c / of)}** av de avslutade (${c} av ${of}) gick till arbete, studier eller Arbetsförmedlingen.`,
                    `**${formatPercent(c / of)}** of those who finished (${c} of ${of}) went to work, studies or the Public Employment Service.`,
                ),
            ],
            { value: pctValue(c / of), unit: '%' },
        );
    }
    const x = m === 'avslutade' ? fig.avslutade : fig.deltagare;
    const v = count(x);
    if (v === undefined) return hidden();
    const title =
        m === 'avslutade'
            ? say(q.lang, `Avslutade i ${insats.name} ${year}`, `Finished in ${insats.name} ${year}`)
            : say(q.lang, `Deltagare i ${insats.name} ${year}`, `Participants in ${insats.name} ${year}`);
    const line =
        m === 'avslutade'
            ? say(q.lang, `**${v}** har avslutat hittills i år.`, `**${v}** have finished so far this year.`)
            : say(
                  q.lang,
                  `**${v}** deltagare hittills (ingående och nya).`,
                  `**${v}** participants so far (at the start of the year and new).`,
              );
    return out('number', title, [line], { value: v, unit: 'antal' });
}
