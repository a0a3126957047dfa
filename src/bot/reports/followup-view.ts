// Words and card data for a year-to-date follow-up, masking small counts where the audience is wide.
import { formatPercent, formatTarget, type Forbund, type Insats } from '../../domain';
import type { FollowUp } from '../../domain/report-followup';
import { maskCount, shareVisible, SMALL_COUNT } from '../../domain/report-mask';
import { targetsForOtherYears } from '../../domain/report-status';
import { total } from '../../domain/reports';
import { say } from '../reply';
import { chartData, check, genderNote, num, type ViewOptions } from './followup-parts';
import { monthName } from './labels';

type Fact = { title: string; value: string };

/** The follow-up as a markdown text and the `report-followup` card data. */
export function followUpView(f: Forbund, insats: Insats, fu: FollowUp, o: ViewOptions) {
    const { lang, masked } = o;
    const c = (n: number) => maskCount(n, masked);
    const pct = (count: number, of: number) =>
        of > 0 && shareVisible(count, of, masked) ? formatPercent(count / of) : '–';
    const avg = (sum: number, of: number) =>
        of > 0 && (!masked || of >= SMALL_COUNT) ? `${Math.round(sum / of)} ${say(lang, 'dagar', 'days')}` : '–';
    const d = fu.deltagare;
    const until = fu.lastMonth ? monthName(fu.lastMonth, lang, false) : '';
    const facts: Fact[] = [
        {
            title: say(lang, 'Deltagare hittills i år', 'Participants so far this year'),
            value: `${c(total(d))} (${say(lang, 'vid årets början', 'at year start')} ${c(total(fu.opening))} + ${say(lang, 'nya', 'new')} ${c(total(fu.nya))})`,
        },
        {
            title: say(lang, 'Kvinnor / män / annat', 'Women / men / other'),
            value: `${c(d.kvinnor)} / ${c(d.man)} / ${c(d.annat)}${genderNote(fu, o)}`,
        },
        {
            title: say(lang, `Pågående i slutet av ${until}`, `Ongoing at the end of ${until}`),
            value: c(total(fu.pagaende)),
        },
        { title: say(lang, 'Avslutade', 'Finished'), value: c(total(fu.avslutade)) },
        {
            title: say(lang, 'Till arbete, studier eller Arbetsförmedlingen', 'To work, studies or Arbetsförmedlingen'),
            value: `${c(fu.workShare.count)} ${say(lang, 'av', 'of')} ${c(fu.workShare.of)} (${pct(fu.workShare.count, fu.workShare.of)})`,
        },
        {
            title: say(lang, 'Snittid i insatsen (viktad)', 'Average time in the insats (weighted)'),
            value: avg(fu.days.count, fu.days.of),
        },
    ];
    const nyckeltal: Fact[] = f.goals.nyckeltal.length
        ? [
              { title: f.goals.nyckeltal[0].name, value: pct(fu.dalarnaShare.count, fu.dalarnaShare.of) },
              ...(fu.daysBefore
                  ? [
                        {
                            title: say(
                                lang,
                                'Tid i arbetslöshet/offentlig försörjning före insatsen, snitt',
                                'Time unemployed / on public support before, average',
                            ),
                            value: avg(fu.daysBefore.count, fu.daysBefore.of),
                        },
                    ]
                  : []),
              {
                  title: say(lang, 'Genomströmningstid, snitt', 'Throughput time, average'),
                  value: avg(fu.days.count, fu.days.of),
              },
          ]
        : [];
    const checks = [
        fu.deltagareCheck &&
            check(say(lang, 'Deltagare', 'Participants'), fu.deltagareCheck, c(fu.deltagareCheck.actual), o),
        fu.workCheck &&
            check(
                say(lang, 'Avslut till arbete/studier/AF', 'Finished to work/studies/AF'),
                fu.workCheck,
                pct(fu.workShare.count, fu.workShare.of),
                o,
                shareVisible(fu.workShare.count, fu.workShare.of, masked),
            ),
        ...fu.indicators.map(
            (i) =>
                i.check &&
                check(
                    i.text.replace(/\.$/, ''),
                    i.check,
                    `${pct(i.positive, i.answered)} (${c(i.positive)}/${c(i.answered)})`,
                    o,
                    shareVisible(i.positive, i.answered, masked),
                ),
        ),
    ].filter((x) => x !== undefined);
    const rule = say(
        lang,
        `Statusorden är botens regel, inte planens: uppnått ≥ ${num(o.rules.achieved * 100)} %, på väg ≥ ${num(o.rules.onTrack * 100)} % av målet (antal räknas pro rata: mål × ${fu.monthsCovered} ÷ 12 månader), annars risk. Jämn könsfördelning: ${num(o.rules.genderBand[0] * 100)}–${num(o.rules.genderBand[1] * 100)} % kvinnor.`,
        `The status words are the bot's rule, not the plan's: achieved ≥ ${num(o.rules.achieved * 100)} %, on track ≥ ${num(o.rules.onTrack * 100)} % of the target (counts pro rata: target × ${fu.monthsCovered} ÷ 12 months), otherwise at risk. Balanced gender split: ${num(o.rules.genderBand[0] * 100)}–${num(o.rules.genderBand[1] * 100)} % women.`,
    );
    const noTarget = checks.length
        ? ''
        : say(
              lang,
              `Planen anger inga numeriska mål för ${insats.name} ${fu.year}, så siffrorna visas utan status.`,
              `The plan sets no numeric targets for ${insats.name} ${fu.year}, so the figures are shown without status.`,
          );
    const other = targetsForOtherYears(f, insats.id, fu.year)
        .map((m) => `${formatTarget(m)} (${m.period})`)
        .join(', ');
    const otherYears = other
        ? say(
              lang,
              `Planens mål ${other} gäller inte ${fu.year}; för ${fu.year} anger planen inget sådant mål.`,
              `The plan's targets ${other} do not apply to ${fu.year}; the plan sets no such target for ${fu.year}.`,
          )
        : '';
    const title = `${insats.name} ${fu.year}: ${say(lang, 'uppföljning t.o.m.', 'follow-up through')} ${until}`;
    const text = [
        `**${title}**`,
        ...facts.map((x) => `- ${x.title}: ${x.value}`),
        ...nyckeltal.map((x) => `- ${x.title}: ${x.value}`),
        ...checks.map((x) => `- ${x.label}: ${x.value} – ${x.target} → **${x.status}**`),
        noTarget || rule,
        otherYears,
    ]
        .filter(Boolean)
        .join('\n');
    const data = {
        title,
        facts,
        nyckeltal,
        nyckeltalTitle: nyckeltal.length
            ? say(lang, 'Dalarnas gemensamma nyckeltal', "Dalarna's shared key figures")
            : '',
        checks,
        checksTitle: say(lang, 'Mot målen', 'Against the targets'),
        noTarget,
        otherYears,
        rule,
        missing: fu.missingMonths.length
            ? say(lang, 'Månader utan rapport: ', 'Months without a report: ') +
              fu.missingMonths.map((m) => monthName(m, lang, false)).join(', ')
            : '',
        maskNote: masked
            ? say(
                  lang,
                  'Antal under 5 visas som "< 5"; andelar av små tal och deras status visas inte.',
                  'Counts under 5 are shown as "< 5"; shares of small counts and their status are not shown.',
              )
            : '',
        chart: chartData(fu, o),
        source: say(
            lang,
            'Källa: projektägarens månadsrapporter i boten (senaste versionen av varje månad).',
            "Source: the project owner's monthly reports in the bot (latest version of each month).",
        ),
    };
    return { text, data };
}
