// Words and card data for a year-to-date follow-up, rendered only from the figures it may show.
import { formatTarget, type Forbund, type Insats } from '../../domain';
import { countOf, type Figure, type FollowUpFigures } from '../../domain/report-figures';
import { SMALL_COUNT } from '../../domain/report-mask';
import { daysNyckeltal, shareNyckeltal } from '../../domain/reports';
import { targetsForOtherYears } from '../../domain/report-status';
import { say } from '../reply';
import {
    chartData,
    check,
    count,
    genderNote,
    HIDDEN_MARK,
    num,
    percent,
    sampleMark,
    type ViewOptions,
} from './followup-parts';
import { monthName } from './labels';

type Fact = { title: string; value: string };

/** The follow-up as a markdown text and the `report-followup` card data. */
export function followUpView(f: Forbund, insats: Insats, fig: FollowUpFigures, o: ViewOptions) {
    const { lang } = o;
    const days = (x: Figure) => (x.kind === 'shown' ? `${x.value} ${say(lang, 'dagar', 'days')}` : '–');
    const g = fig.genders;
    const until = fig.lastMonth ? monthName(fig.lastMonth, lang, false) : '';
    // A sum over the year is a lower bound when months are missing between the reports.
    const sum = (x: Figure) => (countOf(fig, x)?.atLeast ? `${say(lang, 'minst', 'at least')} ` : '') + count(x);
    const openingAt =
        !fig.openingMonth || fig.openingMonth.endsWith('-01')
            ? say(lang, 'vid årets början', 'at year start')
            : say(
                  lang,
                  `i början av ${monthName(fig.openingMonth, lang, false)}`,
                  `at the start of ${monthName(fig.openingMonth, lang, false)}`,
              );
    const facts: Fact[] = [
        {
            title: say(lang, 'Deltagare hittills i år', 'Participants so far this year'),
            value: `${sum(fig.deltagare)} (${openingAt} ${count(fig.opening)} + ${say(lang, 'nya', 'new')} ${sum(fig.nya)})`,
        },
        {
            title: say(lang, 'Kvinnor / män / annat', 'Women / men / other'),
            value: `${sum(g.kvinnor)} / ${sum(g.man)} / ${sum(g.annat)}${genderNote(fig, lang)}`,
        },
        {
            title: say(lang, `Pågående i slutet av ${until}`, `Ongoing at the end of ${until}`),
            value: count(fig.pagaende),
        },
        { title: say(lang, 'Avslutade', 'Finished'), value: sum(fig.avslutade) },
        {
            title: say(lang, 'Till arbete, studier eller Arbetsförmedlingen', 'To work, studies or Arbetsförmedlingen'),
            value: `${sum(fig.work.count)} ${say(lang, 'av', 'of')} ${sum(fig.work.of)} (${percent(fig.work)})`,
        },
        {
            title: say(lang, 'Snittid i insatsen (viktad)', 'Average time in the insats (weighted)'),
            value: days(fig.days),
        },
    ];
    // The förbund's declared nyckeltal, under their own names, each computed from the report fields its data names.
    const share = shareNyckeltal(f);
    const before = daysNyckeltal(f, 'dagarFore');
    const inInsats = daysNyckeltal(f, 'dagar');
    const nyckeltal: Fact[] = [
        ...(share ? [{ title: share.name, value: percent(fig.keyFigure) }] : []),
        ...(before && fig.daysBefore ? [{ title: before.name, value: days(fig.daysBefore) }] : []),
        ...(inInsats ? [{ title: inInsats.name, value: days(fig.days) }] : []),
    ];
    const checks = [
        fig.deltagareCheck &&
            check(say(lang, 'Deltagare', 'Participants'), fig.deltagareCheck, count(fig.deltagare), o),
        fig.workCheck &&
            check(
                say(lang, 'Avslut till arbete/studier/AF', 'Finished to work/studies/AF'),
                fig.workCheck,
                percent(fig.work),
                o,
            ),
        ...fig.indicators.map((i) =>
            check(
                i.text.replace(/\.$/, ''),
                i.check,
                `${percent({ count: i.positive, of: i.answered, bounds: fig.atLeast })} (${sum(i.positive)}/${sum(i.answered)})`,
                o,
            ),
        ),
    ].filter((x) => x !== undefined);
    const rule = say(
        lang,
        `Statusorden är botens regel, inte planens: uppnått ≥ ${num(o.rules.achieved * 100)} %, på väg ≥ ${num(o.rules.onTrack * 100)} % av målet (antal räknas pro rata: mål × ${fig.monthsCovered} ÷ 12 månader), annars risk. Jämn könsfördelning: ${num(o.rules.genderBand[0] * 100)}–${num(o.rules.genderBand[1] * 100)} % kvinnor.`,
        `The status words are the bot's rule, not the plan's: achieved ≥ ${num(o.rules.achieved * 100)} %, on track ≥ ${num(o.rules.onTrack * 100)} % of the target (counts pro rata: target × ${fig.monthsCovered} ÷ 12 months), otherwise at risk. Balanced gender split: ${num(o.rules.genderBand[0] * 100)}–${num(o.rules.genderBand[1] * 100)} % women.`,
    );
    const noTarget = checks.length
        ? ''
        : say(
              lang,
              `Planen anger inga numeriska mål för ${insats.name} ${fig.year}, så siffrorna visas utan status.`,
              `The plan sets no numeric targets for ${insats.name} ${fig.year}, so the figures are shown without status.`,
          );
    const other = targetsForOtherYears(f, insats.id, fig.year)
        .map((m) => `${formatTarget(m)} (${m.period})`)
        .join(', ');
    const otherYears = other
        ? say(
              lang,
              `Planens mål ${other} gäller inte ${fig.year}; för ${fig.year} anger planen inget sådant mål.`,
              `The plan's targets ${other} do not apply to ${fig.year}; the plan sets no such target for ${fig.year}.`,
          )
        : '';
    const maskNote = fig.suppressed
        ? say(
              lang,
              `"${HIDDEN_MARK}" är ett dolt tal: antal under ${SMALL_COUNT}, och tal som tillsammans med de visade eller med tidigare månaders uppföljning skulle avslöja dem. Andelar och status visas bara när båda talen visas.`,
              `"${HIDDEN_MARK}" is a hidden figure: counts under ${SMALL_COUNT}, and figures that together with those shown or with earlier months' follow-up would reveal them. Shares and status words appear only when both counts are shown.`,
          )
        : '';
    const leading = fig.missingMonths.filter((m) => !fig.gapMonths.includes(m));
    const gapNote = fig.atLeast
        ? say(
              lang,
              `Saknas mellan rapporterna: ${fig.gapMonths.map((m) => monthName(m, lang, false)).join(', ')}. Summorna för året är därför minst-värden, och andelar, snitt och status visas först när de månaderna är rapporterade.`,
              `Missing between the reports: ${fig.gapMonths.map((m) => monthName(m, lang, false)).join(', ')}. The year's sums are therefore lower bounds, and shares, averages and status appear once those months are reported.`,
          )
        : '';
    const title = `${insats.name} ${fig.year}: ${say(lang, 'uppföljning t.o.m.', 'follow-up through')} ${until}`;
    const sampleNote = o.sample ? sampleMark(lang) : '';
    // The same text in several months (often carried over by the pre-filled form) is listed once, with its months.
    const grouped = new Map<string, { kind: 'kommentar' | 'avvikelse'; text: string; months: string[] }>();
    for (const n of o.notes ?? [])
        for (const kind of ['kommentar', 'avvikelse'] as const) {
            const text = n[kind];
            if (!text) continue;
            const key = `${kind}\n${text}`;
            grouped.set(key, { kind, text, months: [...(grouped.get(key)?.months ?? []), n.month] });
        }
    const kindWord = { kommentar: say(lang, 'kommentar', 'comment'), avvikelse: say(lang, 'avvikelse', 'deviation') };
    const notes: Fact[] = [...grouped.values()].map((g) => ({
        title: `${g.months.map((m) => monthName(m, lang, false)).join(', ')}, ${kindWord[g.kind]}`,
        value: g.text,
    }));
    const notesTitle = say(lang, 'Kommentarer och avvikelser', 'Comments and deviations');
    const text = [
        `**${title}**`,
        sampleNote && `**${sampleNote}**`,
        gapNote && `_${gapNote}_`,
        ...facts.map((x) => `- ${x.title}: ${x.value}`),
        ...nyckeltal.map((x) => `- ${x.title}: ${x.value}`),
        ...checks.map((x) => `- ${x.label}: ${x.value} – ${x.target} → **${x.status}**`),
        noTarget || rule,
        otherYears,
        maskNote,
        ...(notes.length ? [`**${notesTitle}**`, ...notes.map((x) => `- ${x.title}: ${x.value}`)] : []),
    ]
        .filter(Boolean)
        .join('\n');
    const data = {
        title,
        sampleNote,
        facts,
        nyckeltal,
        nyckeltalTitle: nyckeltal.length ? (f.goals.nyckeltalTitle ?? say(lang, 'Nyckeltal', 'Key figures')) : '',
        checks,
        checksTitle: say(lang, 'Mot målen', 'Against the targets'),
        noTarget,
        otherYears,
        rule,
        gapNote,
        // The months before the first report; those between reports are in the gap note.
        missing: leading.length
            ? say(lang, 'Månader utan rapport: ', 'Months without a report: ') +
              leading.map((m) => monthName(m, lang, false)).join(', ')
            : '',
        maskNote,
        notesTitle,
        notes,
        chart: chartData(fig, lang),
        source: say(
            lang,
            'Källa: projektägarens månadsrapporter i boten (senaste versionen av varje månad).',
            "Source: the project owner's monthly reports in the bot (latest version of each month).",
        ),
    };
    return { text, data };
}
