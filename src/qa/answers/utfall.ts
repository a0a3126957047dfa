// Utfall answers: how the year stands against budget, what a post has used, the full-year prognos; and the card.
import type { CardSpec } from '../../cards/templates';
import { formatAmount, formatDate, formatPercent, type Forbund } from '../../domain';
import {
    reportNotes,
    sourceLine,
    STATUS_EN,
    utfallReport,
    type ReportRow,
    type UtfallReport,
} from '../../domain/utfall-report';
import type { Answer, AnswerContext, Lang, Question } from '../types';
import { currentYear } from '../years';
import { say } from './common';
import { verdictText } from './ek-lines';

const COLOR: Record<ReportRow['status'], string> = {
    'enligt budget': 'Good',
    'över budget': 'Attention',
    'under budget': 'Warning',
    'ingen budget': 'Default',
};
const status = (r: ReportRow, lang: Lang) => (lang === 'en' ? STATUS_EN[r.status] : r.status);
const monthText = (r: UtfallReport, lang: Lang) => formatDate(new Date(`${r.latest}-15T12:00:00Z`), 'LLLL yyyy', lang);

/** The ekonomisk rapport card: budget vs utfall per post (grouped bars, table fallback), prognos, totals, EK, source. */
export function utfallCard(f: Forbund, r: UtfallReport, lang: Lang): CardSpec<'utfall-report'> {
    const l = (sv: string, en: string) => say(lang, sv, en);
    const rows = [...r.posts, ...(r.unmapped ? [r.unmapped] : [])];
    const ek = r.ek.find((e) => e.year === r.year);
    const t = r.totals;
    return {
        template: 'utfall-report',
        data: {
            title: l(`Ekonomisk rapport ${r.year}`, `Financial report ${r.year}`),
            subtitle: l(
                `${f.name}: utfall t.o.m. ${monthText(r, lang)} (${r.months} av 12 månader, pro rata ${formatPercent(r.months / 12)})`,
                `${f.name}: outcome to ${monthText(r, lang)} (${r.months} of 12 months, pro rata ${formatPercent(r.months / 12)})`,
            ),
            chartTitle: l('Budget och utfall per post (kr)', 'Budget and outcome per post (kr)'),
            series: [
                { legend: l('Budget', 'Budget'), values: r.posts.map((p) => ({ x: p.name, y: p.budget.kr })) },
                {
                    legend: l('Utfall hittills', 'Outcome so far'),
                    values: r.posts.map((p) => ({ x: p.name, y: p.utfall.kr })),
                },
            ],
            chartHead: { post: l('Post', 'Post'), budget: l('Budget', 'Budget'), utfall: l('Utfall', 'Outcome') },
            head: {
                post: l('Post', 'Post'),
                budget: l('Budget', 'Budget'),
                utfall: l('Utfall', 'Outcome'),
                used: l('Förbrukat', 'Used'),
                prognos: l('Helårsprognos', 'Full-year prognos'),
                status: l('Status', 'Status'),
            },
            rows: rows.map((p) => ({
                post: p.name,
                budget: p.kind === 'ej kopplat' ? '–' : formatAmount(p.budget),
                utfall: formatAmount(p.utfall),
                used: p.used === undefined ? '–' : formatPercent(p.used),
                prognos: `${formatAmount(p.prognos)}${p.prognosBasis === 'satt' ? l(' (satt)', ' (set)') : ''}`,
                status: status(p, lang),
                color: COLOR[p.status],
            })),
            totals: [
                {
                    title: t.income.name,
                    value: l(
                        `${formatAmount(t.income.utfall)} av ${formatAmount(t.income.budget)}; prognos ${formatAmount(t.income.prognos)}`,
                        `${formatAmount(t.income.utfall)} of ${formatAmount(t.income.budget)}; prognos ${formatAmount(t.income.prognos)}`,
                    ),
                },
                {
                    title: l('Kostnader', 'Costs'),
                    value: l(
                        `${formatAmount(t.costs.utfall)} av ${formatAmount(t.costs.budget)} (${formatPercent(t.costs.used ?? 0)}); prognos ${formatAmount(t.costs.prognos)} – ${status(t.costs, lang)}`,
                        `${formatAmount(t.costs.utfall)} of ${formatAmount(t.costs.budget)} (${formatPercent(t.costs.used ?? 0)}); prognos ${formatAmount(t.costs.prognos)} – ${status(t.costs, lang)}`,
                    ),
                },
                {
                    title: l('Resultat', 'Result'),
                    value: l(
                        `prognos ${formatAmount(t.result.prognos)} (budget ${formatAmount(t.result.budget)})`,
                        `prognos ${formatAmount(t.result.prognos)} (budget ${formatAmount(t.result.budget)})`,
                    ),
                },
                ...(ek
                    ? [
                          {
                              title: l(`Eget kapital ${ek.year}`, `Equity ${ek.year}`),
                              value: `${formatAmount(ek.closing)}, ${formatPercent(ek.share)} ${l('av tilldelade medel', 'of allotted funds')} – ${verdictText(f, { lang }, ek)}`,
                          },
                      ]
                    : []),
            ],
            notes: reportNotes(r).map((n) => ({ text: lang === 'en' ? n.en : n.sv })),
            note: l(
                'Prognos: kostnader linjärt från utfallet, intäkter enligt budget; (satt) = satt av förbundschefen. Kostnader och intäkter visas som positiva belopp.',
                'Prognos: costs linear from the outcome, income as budgeted; (set) = set by the förbundschef. Costs and income are shown as positive amounts.',
            ),
            source: sourceLine(r, lang),
        },
    };
}

const FOLLOW_UPS = (lang: Lang) => [
    {
        title: say(lang, 'Mot budget', 'Against budget'),
        q: say(lang, 'Hur ligger vi till mot budget?', 'How are we doing against budget?'),
    },
    {
        title: say(lang, 'Helårsprognos', 'Full-year prognos'),
        q: say(lang, 'Prognos för helåret', 'Full-year forecast'),
    },
];

/** Answers "hur ligger vi till mot budget?", "vad har <post> förbrukat?", "prognos för helåret". */
export function answerUtfall(f: Forbund, q: Question, now: Date, ctx: AnswerContext): Answer {
    const year = q.years.kind === 'explicit' || q.years.kind === 'word' ? q.years.years[0] : undefined;
    const data = ctx.utfall?.(year);
    const r = data && utfallReport(f, data);
    if (!r) {
        const when = year ?? currentYear(now);
        const text = say(
            q.lang,
            `Inget utfall ur bokföringen är importerat för ${when} ännu. Förbundschefen (eller ekonomen) importerar en SIE-fil från ekonomisystemet; se README, "Utfall från bokföringen".`,
            `No outcome from the accounts has been imported for ${when} yet. The förbundschef (or ekonom) imports an SIE file from the accounting system; see the README, "Utfall från bokföringen".`,
        );
        return { kind: 'not_stated', text };
    }
    const post = q.posts.length === 1 ? r.posts.find((p) => p.id === q.posts[0]) : undefined;
    const src = `_${sourceLine(r, q.lang)}_`;
    if (post) {
        const text = say(
            q.lang,
            `**${post.name}** har förbrukat **${formatAmount(post.utfall)}** av ${formatAmount(post.budget)} (${post.used === undefined ? '–' : formatPercent(post.used)}) t.o.m. ${monthText(r, 'sv')}; pro rata ${formatPercent(post.proRata)}. Helårsprognos ${formatAmount(post.prognos)}, avvikelse ${formatAmount(post.deviation)} – ${post.status}.`,
            `**${post.name}** has used **${formatAmount(post.utfall)}** of ${formatAmount(post.budget)} (${post.used === undefined ? '–' : formatPercent(post.used)}) to ${monthText(r, 'en')}; pro rata ${formatPercent(post.proRata)}. Full-year prognos ${formatAmount(post.prognos)}, deviation ${formatAmount(post.deviation)} – ${STATUS_EN[post.status]}.`,
        );
        return {
            kind: 'number',
            value: post.utfall.kr,
            unit: 'kr',
            text: [text, '', src].join('\n'),
            options: FOLLOW_UPS(q.lang),
        };
    }
    const t = r.totals;
    const ek = r.ek.find((e) => e.year === r.year);
    const prognosAsked = q.concepts.has('forecast');
    const lines = prognosAsked
        ? [
              say(
                  q.lang,
                  `**Helårsprognos ${r.year}:** intäkter ${formatAmount(t.income.prognos)}, kostnader **${formatAmount(t.costs.prognos)}** (budget ${formatAmount(t.costs.budget)}), resultat ${formatAmount(t.result.prognos)} (budget ${formatAmount(t.result.budget)}).`,
                  `**Full-year prognos ${r.year}:** income ${formatAmount(t.income.prognos)}, costs **${formatAmount(t.costs.prognos)}** (budget ${formatAmount(t.costs.budget)}), result ${formatAmount(t.result.prognos)} (budget ${formatAmount(t.result.budget)}).`,
              ),
          ]
        : [
              say(
                  q.lang,
                  `**Kostnader t.o.m. ${monthText(r, 'sv')}: ${formatAmount(t.costs.utfall)}** av ${formatAmount(t.costs.budget)} (${formatPercent(t.costs.used ?? 0)}; pro rata ${formatPercent(r.months / 12)}). Helårsprognos ${formatAmount(t.costs.prognos)} – ${t.costs.status}.`,
                  `**Costs to ${monthText(r, 'en')}: ${formatAmount(t.costs.utfall)}** of ${formatAmount(t.costs.budget)} (${formatPercent(t.costs.used ?? 0)}; pro rata ${formatPercent(r.months / 12)}). Full-year prognos ${formatAmount(t.costs.prognos)} – ${STATUS_EN[t.costs.status]}.`,
              ),
          ];
    const off = r.posts.filter((p) => p.status === 'över budget' || p.status === 'under budget');
    if (off.length)
        lines.push(
            ...off.map((p) =>
                say(
                    q.lang,
                    `- ${p.name}: prognos ${formatAmount(p.prognos)} mot ${formatAmount(p.budget)} – ${p.status}`,
                    `- ${p.name}: prognos ${formatAmount(p.prognos)} against ${formatAmount(p.budget)} – ${STATUS_EN[p.status]}`,
                ),
            ),
        );
    if (ek)
        lines.push(
            say(
                q.lang,
                `Eget kapital vid utgången av ${ek.year} med prognosen: ${formatAmount(ek.closing)} (${formatPercent(ek.share)} av tilldelade medel) – ${verdictText(f, q, ek)}.`,
                `Equity at the end of ${ek.year} with the prognos: ${formatAmount(ek.closing)} (${formatPercent(ek.share)} of allotted funds) – ${verdictText(f, q, ek)}.`,
            ),
        );
    return {
        kind: 'number',
        value: prognosAsked ? t.costs.prognos.kr : t.costs.utfall.kr,
        unit: 'kr',
        text: [...lines, '', src].join('\n'),
        card: utfallCard(f, r, q.lang),
        options: FOLLOW_UPS(q.lang),
    };
}
