// "exportera uppföljning finsam 2025": per insats what Uppföljning Finsam asks, by insats type, to type in by hand.
import type { TurnContext } from 'botbuilder';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { uppfoljningFinsamRows, type UppfoljningRow } from '../../domain/report-overview';
import { GENDERS } from '../../domain/reports';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { insatserAllowed } from './gates';
import { GENDER_LABEL, monthName } from './labels';
import { yearIn } from './words';

export const UPPFOLJNING =
    /^(?:exportera|ladda ner|hämta|visa)\s+(?:till\s+|för\s+)?uppf[öo]ljning(?:en)?\s+finsam\b(.*)$|^(?:export|show)\s+(?:for\s+)?uppf[öo]ljning\s+finsam\b(.*)$/i;
const LINK_TTL_SECONDS = 24 * 3600;
const idSchema = z
    .string()
    .regex(/^[a-z0-9-]+~\d{4}~[a-z0-9-]+(\+[a-z0-9-]+)*$/)
    .transform((s) => {
        const [forbundId, year, insatser] = s.split('~');
        return { forbundId, year: Number(year), insatser: insatser.split('+') };
    });

/** The rows for the insatser named, from the latest version of each month. */
function rowsOf(deps: BotDeps, f: Forbund, year: number, insatser: string[]): UppfoljningRow[] {
    return uppfoljningFinsamRows(
        f,
        year,
        (id) => deps.reports.latestForYear(f.id, year, id),
        (id) => deps.reports.latest(f.id, id, `${year - 1}-12`)?.report,
        deps.now(),
    ).filter((r) => insatser.includes(r.insats.id));
}

const TYPE_LABEL = {
    individinsats: ['Individinsats', 'Individual insats'],
    strukturinsats: ['Strukturinsats', 'Structural insats'],
};

/**
 * The CSV in Uppföljning Finsam's terms: one row per insats; an individinsats has deltagare per kön, a
 * strukturinsats only deltagare under året. Semicolons, UTF-8 with BOM, CRLF.
 */
export function uppfoljningCsv(f: Forbund, rows: UppfoljningRow[]): string {
    const head = [
        'Förbund',
        'Insats',
        'Insatstyp',
        'År',
        ...GENDERS.map((g) => `Deltagare ${GENDER_LABEL[g][0].toLowerCase()}`),
        'Deltagare totalt',
        'Ofullständigt (minst-värden)',
        'Saknade månader',
        'Rapporterat t.o.m.',
        'Fiktiva exempeldata',
    ];
    const body = rows.map((r) => [
        f.name,
        r.insats.name,
        r.type,
        r.year,
        ...GENDERS.map((g) => (r.type === 'individinsats' ? r.deltagare[g] : '')),
        r.total,
        r.atLeast ? 'ja' : 'nej',
        r.missing.join(' '),
        r.lastMonth ?? '',
        r.sample ? 'ja' : 'nej',
    ]);
    return stringify([head, ...body], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** One insats's figures as the chef types them into Uppföljning Finsam. */
function rowText(r: UppfoljningRow, lang: Lang): string {
    const at = r.atLeast ? say(lang, 'minst ', 'at least ') : '';
    const figures =
        r.type === 'individinsats'
            ? GENDERS.map((g) => `${GENDER_LABEL[g][lang === 'en' ? 1 : 0].toLowerCase()} ${at}${r.deltagare[g]}`).join(
                  ', ',
              ) + `; ${say(lang, 'totalt', 'total')} ${at}${r.total}`
            : `${say(lang, 'deltagare under året', 'participants during the year')} ${at}${r.total}`;
    const missing = r.missing.length
        ? say(
              lang,
              ` (saknas: ${r.missing.map((m) => monthName(m, lang, false)).join(', ')})`,
              ` (missing: ${r.missing.map((m) => monthName(m, lang, false)).join(', ')})`,
          )
        : '';
    const through =
        r.lastMonth && !r.lastMonth.endsWith('-12')
            ? say(
                  lang,
                  `, t.o.m. ${monthName(r.lastMonth, lang, false)}`,
                  `, through ${monthName(r.lastMonth, lang, false)}`,
              )
            : '';
    const none = r.lastMonth ? '' : say(lang, ' (inga rapporter)', ' (no reports)');
    const sample = r.sample ? ` – ${say(lang, 'fiktiva exempeldata', 'fictional sample data')}` : '';
    return `${figures}${through}${none}${missing}${sample}`;
}

/** The card's title, text and one fact per insats; `url` is the signed CSV link. */
export function uppfoljningView(rows: UppfoljningRow[], year: number, url: string, lang: Lang) {
    const title = say(
        lang,
        `Uppföljning Finsam ${year}: deltagare per insats`,
        `Uppföljning Finsam ${year}: participants per insats`,
    );
    const text = say(
        lang,
        `Underlag att föra in i Försäkringskassans Uppföljning Finsam (det finns inget dokumenterat sätt att skicka in det automatiskt). Individinsatser anges per kön, strukturinsatser som deltagare under året. "minst" betyder att månader saknas eller att året inte är slut. Som CSV: [ladda ner](${url}) (gäller i 24 timmar).`,
        `Figures to enter in Försäkringskassan's Uppföljning Finsam (there is no documented way to send them in automatically). Individual insatser by gender, structural insatser as participants during the year. "at least" means months are missing or the year is not over. As CSV: [download](${url}) (valid for 24 hours).`,
    );
    const facts = rows.map((r) => ({
        title: `${r.insats.name} (${TYPE_LABEL[r.type][lang === 'en' ? 1 : 0].toLowerCase()})`,
        value: rowText(r, lang),
    }));
    return { title, text, facts };
}

/** Registers the `uppfoljning-finsam-csv` download for the insatser the signed id names. */
export function registerUppfoljningDownload(deps: BotDeps): void {
    deps.downloads.register('uppfoljning-finsam-csv', (raw) => {
        const id = idSchema.safeParse(raw);
        const f = id.success ? deps.forbund.get(id.data.forbundId) : undefined;
        if (!id.success || !f) return undefined;
        return {
            contentType: 'text/csv; charset=utf-8',
            filename: `uppfoljning-finsam-${f.id}-${id.data.year}.csv`,
            body: uppfoljningCsv(f, rowsOf(deps, f, id.data.year, id.data.insatser)),
        };
    });
}

/** Said outside a 1:1 chat: the figures come from the monthly rows. */
export const UPPFOLJNING_IN_PERSONAL = {
    sv: 'Underlaget till Uppföljning Finsam bygger på månadsraderna, så jag skickar det bara i en 1:1-chatt. Skriv till mig där.',
    en: 'The Uppföljning Finsam figures come from the monthly rows, so I only send them in a 1:1 chat. Write to me there.',
};

/** Answers in a 1:1 chat with the figures per insats and a signed CSV link. */
export async function answerUppfoljning(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const m = UPPFOLJNING.exec(info.text);
    const year = yearIn(m?.[1] ?? m?.[2] ?? '', deps.now());
    const { insatser, whyNone } = insatserAllowed(f, await info.caller(), 'report.readDetail');
    if (insatser.length === 0)
        return sendReply(ctx, { text: whyNone?.ok === false ? refusalText(lang, whyNone) : '–' });
    const rows = rowsOf(
        deps,
        f,
        year,
        insatser.map((i) => i.id),
    );
    const url = deps.downloads.link(
        'uppfoljning-finsam-csv',
        `${f.id}~${year}~${insatser.map((i) => i.id).join('+')}`,
        LINK_TTL_SECONDS,
    );
    const view = uppfoljningView(rows, year, url, lang);
    deps.log.info('uppfoljning finsam figures sent', { forbund: f.id, year, insatser: rows.length });
    await sendReply(ctx, {
        text: [`**${view.title}**`, view.text, ...view.facts.map((x) => `- ${x.title}: ${x.value}`)].join('\n'),
        card: messageCard(view.title, view.text, view.facts),
    });
}
