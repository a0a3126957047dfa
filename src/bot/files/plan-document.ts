// A plan document (PDF or Word) sent to the bot: read in a memory-limited child, previewed on a card (sections,
// first headings, pages, whether OCR read it), then activated, saved as förslag or cancelled on plan-decide.ts.
import type { TurnContext } from 'botbuilder';
import { authorize, type Person } from '../../domain/access';
import { formatDate } from '../../domain/format';
import { PlanDocumentError, type PlanDocument, type PlanRefusal } from '../../plandoc/document';
import { newActionKey } from '../cards/action-key';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply, type CardReply } from '../reply';
import type { LinkedTurn } from '../turn';

export const planRecord = (id: number) => `plan:${id}`;

/** Why a document was not read, and what to send instead. */
function refusal(reason: PlanRefusal, name: string, lang: Lang): string {
    const instead = say(
        lang,
        'Skicka planen som en PDF med text (spara den som PDF ur Word) eller som Word-filen (.docx).',
        'Send the plan as a PDF with text (save it as PDF from Word) or as the Word file (.docx).',
    );
    const why: Record<PlanRefusal, [string, string]> = {
        unreadable: [
            `${name} kunde inte läsas som PDF eller Word-fil; den kan vara trasig.`,
            `${name} could not be read as a PDF or Word file; it may be damaged.`,
        ],
        'no-text': [
            `${name} har ingen text att läsa – den ser inskannad ut – och OCR (tesseract) finns inte installerat här.`,
            `${name} has no text to read – it looks scanned – and OCR (tesseract) is not installed here.`,
        ],
        'no-structure': [
            `Jag hittade inga rubriker i ${name}, och svaren behöver planens avsnitt att hänvisa till. Använd rubrikformaten (Rubrik 1–3) i Word, eller en PDF där rubrikerna är större än brödtexten.`,
            `I found no headings in ${name}, and answers need the plan's sections to refer to. Use the heading styles (Heading 1–3) in Word, or a PDF whose headings are larger than the body text.`,
        ],
        'too-many-pages': [`${name} har fler än 400 sidor.`, `${name} has more than 400 pages.`],
        'too-big': [
            `${name} krävde mer minne eller tid än tillåtet att läsa och öppnades inte.`,
            `${name} needed more memory or time than allowed to read and was not opened.`,
        ],
        'ocr-failed': [`OCR av ${name} gav ingen användbar text.`, `OCR of ${name} gave no usable text.`],
    };
    const [sv, en] = why[reason];
    return `${say(lang, sv, en)} ${reason === 'no-structure' ? '' : `${instead} `}${say(lang, 'Inget har ändrats.', 'Nothing was changed.')}`;
}

/** The plan in force, as the preview names it: the activated document's version, else the seed text or none. */
function inForce(deps: BotDeps, forbundId: string, lang: Lang): string {
    const v = deps.plans.active(forbundId);
    if (v)
        return say(
            lang,
            `version ${v.version} (${v.fileName}), aktiv från ${formatDate(new Date(`${v.activeFrom}T12:00:00Z`))}`,
            `version ${v.version} (${v.fileName}), in force from ${formatDate(new Date(`${v.activeFrom}T12:00:00Z`), 'd MMMM yyyy', 'en')}`,
        );
    return deps.forbund.planText(forbundId)
        ? say(lang, 'planens text från installationen', 'the plan text the bot was installed with')
        : say(lang, 'ingen ännu', 'none yet');
}

/** The preview card of a plan document read, with activate / save as förslag / cancel. */
export function planPreviewCard(
    doc: PlanDocument,
    fileName: string,
    current: string,
    key: string,
    lang: Lang,
): CardReply {
    const ocr = doc.ocr
        ? say(
              lang,
              ' Texten är läst med OCR ur en inskannad PDF: kontrollera rubrikerna och siffrorna innan du aktiverar.',
              ' The text was read by OCR from a scanned PDF: check the headings and figures before you activate.',
          )
        : '';
    const text = `${say(
        lang,
        `${doc.title}, ur ${fileName}: ${doc.sections} avsnitt och ${doc.passages} stycken. Inget är ändrat förrän du väljer: aktivera (svaren ur planens text bygger på den från i dag), spara som förslag eller avbryt.`,
        `${doc.title}, from ${fileName}: ${doc.sections} sections and ${doc.passages} passages. Nothing changes until you choose: activate (answers from the plan's text use it from today), save as förslag or cancel.`,
    )}${ocr}`;
    const yes = say(lang, 'ja', 'yes');
    const no = say(lang, 'nej', 'no');
    return {
        text,
        card: {
            template: 'plan-preview',
            data: {
                title: say(lang, 'Förhandsvisning av planen', 'Plan preview'),
                text,
                lang,
                key,
                facts: [
                    { title: say(lang, 'Avsnitt', 'Sections'), value: String(doc.sections) },
                    { title: say(lang, 'Stycken', 'Passages'), value: String(doc.passages) },
                    { title: say(lang, 'Sidor', 'Pages'), value: doc.pages ? String(doc.pages) : '–' },
                    { title: say(lang, 'Läst med OCR', 'Read by OCR'), value: doc.ocr ? yes : no },
                    { title: say(lang, 'Planen som gäller nu', 'Plan in force now'), value: current },
                ],
                headings: doc.firstHeadings.map((line) => ({ line })),
                labels: {
                    headings: say(lang, 'De första avsnitten', 'The first sections'),
                    activate: say(lang, 'Aktivera', 'Activate'),
                    save: say(lang, 'Spara som förslag', 'Save as förslag'),
                    cancel: say(lang, 'Avbryt', 'Cancel'),
                },
            },
        },
    };
}

/** Reads a plan document the chef sent and shows its preview; anyone else, or a refused file, changes nothing. */
export async function receivePlanDocument(
    ctx: TurnContext,
    deps: BotDeps,
    turn: LinkedTurn,
    caller: Person | undefined,
    name: string,
    buf: Buffer,
): Promise<void> {
    const { lang, forbund: f } = turn;
    const tell = (title: string, text: string) => sendReply(ctx, { text, card: messageCard(title, text) });
    const notRead = say(lang, 'Planen lästes inte in', 'The plan was not imported');
    const chef = authorize(caller, f.id, { kind: 'roster.change' });
    if (!chef.ok) return tell(notRead, refusalText(lang, chef));
    let doc: PlanDocument;
    try {
        doc = await deps.readPlanDocument(buf, name);
    } catch (err) {
        if (!(err instanceof PlanDocumentError)) throw err;
        deps.log.info('plan document refused', { forbund: f.id, reason: err.reason });
        return tell(notRead, refusal(err.reason, name, lang));
    }
    const id = deps.plans.addPreview({
        forbundId: f.id,
        fileName: name,
        text: doc.markdown,
        pages: doc.pages,
        ocr: doc.ocr,
        by: turn.user.teamsId,
    });
    deps.log.info('plan document previewed', { forbund: f.id, sections: doc.sections, ocr: doc.ocr });
    await sendReply(ctx, planPreviewCard(doc, name, inForce(deps, f.id, lang), newActionKey(planRecord(id), 0), lang));
}
