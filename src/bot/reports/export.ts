// CSV export of a year's reports (one row per insats and month) for Excel in Swedish, behind a signed expiring link.
import type { TurnContext } from 'botbuilder';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import {
    GENDERS,
    OUTCOMES,
    referrers,
    surveyIndicators,
    total,
    tracksTimeBefore,
    WORK_OUTCOMES,
} from '../../domain/reports';
import type { ReportVersion } from '../../storage/reports';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { insatserAllowed } from './gates';
import { GENDER_LABEL, OUTCOME_LABEL } from './labels';
import { yearIn } from './words';

export const EXPORT =
    /^(?:(?:exportera|ladda ner|hämta)\s+(?:alla\s+)?(?:månads)?rapport(?:er|erna)?|export\s+(?:the\s+)?(?:monthly\s+)?reports|(?:månads)?rapporter(?:na)?\s+som\s+csv|reports\s+as\s+csv)\b(.*)$/i;
const LINK_TTL_SECONDS = 24 * 3600;
const idSchema = z
    .string()
    .regex(/^[a-z0-9-]+~\d{4}~[a-z0-9-]+(\+[a-z0-9-]+)*$/)
    .transform((s) => {
        const [forbundId, year, insatser] = s.split('~');
        return { forbundId, year: Number(year), insatser: insatser.split('+') };
    });

type Column = { header: string; value: (v: ReportVersion) => string | number };
/** `53,8`: one decimal with a decimal comma; empty when there is nothing to divide by. */
const ratio = (a: number, b: number, scale = 1) => (b > 0 ? ((a / b) * scale).toFixed(1).replace('.', ',') : '');

/** The export's columns for a förbund (its parter, its insatser's survey indicators, Dalarna's days before). */
export function csvColumns(f: Forbund): Column[] {
    const name = (id: string) => f.insatser.find((i) => i.id === id)?.name ?? id;
    const group = (key: 'nya' | 'avslutade' | 'pagaende', label: string): Column[] => [
        ...GENDERS.map((g) => ({
            header: `${label} ${GENDER_LABEL[g][0].toLowerCase()}`,
            value: (v: ReportVersion) => v.report[key][g],
        })),
        { header: `${label} totalt`, value: (v) => total(v.report[key]) },
    ];
    const indicators = [...new Map(f.insatser.flatMap(surveyIndicators).map((i) => [i.id, i])).values()];
    return [
        { header: 'Förbund', value: () => f.name },
        { header: 'Insats', value: (v) => name(v.insatsId) },
        { header: 'Månad', value: (v) => v.month },
        { header: 'Version', value: (v) => v.version },
        { header: 'Inskickad', value: (v) => v.submittedAt.toISOString() },
        ...group('nya', 'Nya'),
        ...group('avslutade', 'Avslutade'),
        ...group('pagaende', 'Pågående'),
        ...OUTCOMES.map((o) => ({
            header: `Utfall: ${OUTCOME_LABEL[o][0]}`,
            value: (v: ReportVersion) => v.report.utfall[o],
        })),
        {
            header: 'Andel arbete/studier/AF %',
            value: (v) =>
                ratio(
                    WORK_OUTCOMES.reduce((s, o) => s + v.report.utfall[o], 0),
                    total(v.report.avslutade),
                    100,
                ),
        },
        ...referrers(f).map((p) => ({
            header: `Remitterad av: ${f.parter.find((x) => x.id === p)?.name ?? 'Annan'}`,
            value: (v: ReportVersion) => v.report.rem[p] ?? 0,
        })),
        { header: 'Dagar i insats totalt', value: (v) => v.report.dagar },
        { header: 'Dagar i insats snitt', value: (v) => ratio(v.report.dagar, total(v.report.avslutade)) },
        ...(tracksTimeBefore(f)
            ? [
                  { header: 'Dagar före insats totalt', value: (v: ReportVersion) => v.report.dagarFore ?? '' },
                  {
                      header: 'Dagar före insats snitt',
                      value: (v: ReportVersion) => ratio(v.report.dagarFore ?? 0, total(v.report.avslutade)),
                  },
              ]
            : []),
        ...indicators.flatMap((i): Column[] => [
            { header: `${i.id} besvarade`, value: (v) => v.report.ind[i.id]?.besvarade ?? '' },
            { header: `${i.id} positiva`, value: (v) => v.report.ind[i.id]?.positiva ?? '' },
            {
                header: `${i.id} andel positiva %`,
                value: (v) => ratio(v.report.ind[i.id]?.positiva ?? 0, v.report.ind[i.id]?.besvarade ?? 0, 100),
            },
        ]),
        { header: 'Avvikelse rapporterad', value: (v) => (v.report.avvikelse ? 'ja' : 'nej') },
        { header: 'Fiktiva exempeldata', value: (v) => (v.sample ? 'ja' : 'nej') },
    ];
}

/** The CSV text: semicolon-separated, UTF-8 with BOM, CRLF, decimal comma. Free text is left out. */
export function reportsCsv(f: Forbund, versions: ReportVersion[]): string {
    const cols = csvColumns(f);
    const rows = versions.map((v) => cols.map((c) => c.value(v)));
    return stringify([cols.map((c) => c.header), ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** Registers the `reports-csv` download: the signed id names the förbund, year and insatser the asker may read. */
export function registerCsvDownload(deps: BotDeps): void {
    deps.downloads.register('reports-csv', (raw) => {
        const id = idSchema.safeParse(raw);
        const f = id.success ? deps.forbund.get(id.data.forbundId) : undefined;
        if (!id.success || !f) return undefined;
        const versions = deps.reports
            .latestForYear(f.id, id.data.year)
            .filter((v) => id.data.insatser.includes(v.insatsId));
        return {
            contentType: 'text/csv; charset=utf-8',
            filename: `rapporter-${f.id}-${id.data.year}.csv`,
            body: reportsCsv(f, versions),
        };
    });
}

/** Said outside a 1:1 chat: the export has monthly rows. */
export const EXPORT_IN_PERSONAL = {
    sv: 'Exporten innehåller månadsrader, så jag skickar den bara i en 1:1-chatt. Skriv till mig där.',
    en: 'The export has monthly rows, so I only send it in a 1:1 chat. Write to me there.',
};

/** "exportera rapporter 2025" in a 1:1 chat: a signed link to the rows the asker may read. */
export async function answerExport(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const year = yearIn(EXPORT.exec(info.text)?.[1] ?? '', deps.now());
    const { insatser, whyNone } = insatserAllowed(f, await info.caller(), 'report.readDetail');
    if (insatser.length === 0)
        return sendReply(ctx, { text: whyNone?.ok === false ? refusalText(lang, whyNone) : '–' });
    const url = deps.downloads.link(
        'reports-csv',
        `${f.id}~${year}~${insatser.map((i) => i.id).join('+')}`,
        LINK_TTL_SECONDS,
    );
    deps.log.info('reports csv link issued', { forbund: f.id, year, insatser: insatser.length });
    await sendReply(ctx, {
        text: say(
            lang,
            `Månadsrapporterna ${year} som CSV (en rad per insats och månad, semikolon, decimalkomma – öppnas i Excel): [ladda ner](${url}). Länken gäller i 24 timmar. Fritext finns inte med.`,
            `The monthly reports for ${year} as CSV (one row per insats and month, semicolons, decimal comma – opens in Excel): [download](${url}). The link is valid for 24 hours. Free text is not included.`,
        ),
    });
}
