// One handler for every file sent to the bot: only in the 1:1 chat, only for roles that may import, the download
// through deps.fetchFile (never logged), the content decides the kind, and a workbook gets a preview card first.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { authorize } from '../../domain/access';
import { FileFetchError, type FileFetchFailure } from '../../http/file-fetch';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply } from '../reply';
import { linkedTurn, turnInfo, type LinkedTurn } from '../turn';
import { registerPreviewDecision } from './decide';
import { receiveLedger } from './ledger';
import { registerPlanDecision } from './plan-decide';
import { receivePlanDocument } from './plan-document';
import { planFormat } from '../../plandoc/document';
import { readEvery, registerFileReadings } from './readings';
import { registerTemplateDownload } from './template';
import { sniffFile } from './sniff';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const fileAttachment = z.object({
    contentType: z.literal(FILE_DOWNLOAD_INFO),
    name: z.string().min(1).max(255),
    content: z.object({ downloadUrl: z.string().min(1).max(4000) }),
});
type FileAttachment = z.output<typeof fileAttachment>;

const filesOf = (ctx: TurnContext): FileAttachment[] =>
    (ctx.activity.attachments ?? []).flatMap((a) => {
        const r = fileAttachment.safeParse(a);
        return r.success ? [r.data] : [];
    });
/** A file in a channel or group chat arrives (if at all) as a reference, never with a download link. */
const looksLikeFile = (ctx: TurnContext) =>
    (ctx.activity.attachments ?? []).some(
        (a) =>
            a.contentType === FILE_DOWNLOAD_INFO || a.contentType === 'reference' || /teams\.file/.test(a.contentType),
    );

const FETCH_TEXT: Record<FileFetchFailure, [string, string]> = {
    'not-https': ['länken till filen är inte https', 'the link to the file is not https'],
    'foreign-host': [
        'filen ligger inte hos Teams/OneDrive/SharePoint (eller skickades vidare dit)',
        'the file is not on Teams/OneDrive/SharePoint (or was redirected elsewhere)',
    ],
    'too-large': ['filen är större än 25 MB', 'the file is larger than 25 MB'],
    timeout: ['nedladdningen tog för lång tid', 'the download took too long'],
    'http-status': [
        'Teams lämnade inte ut filen (länken kan ha gått ut)',
        'Teams did not hand out the file (the link may have expired)',
    ],
    network: ['filen kunde inte hämtas', 'the file could not be fetched'],
};

const tell = (ctx: TurnContext, title: string, text: string) =>
    sendReply(ctx, { text, card: messageCard(title, text) });

export function registerFiles(app: Application<TurnState>, deps: BotDeps): void {
    registerPreviewDecision(app, deps);
    registerFileReadings(app, deps);
    registerPlanDecision(app, deps);
    registerTemplateDownload(app, deps);
    app.message(
        async (ctx) =>
            ctx.activity.type === ActivityTypes.Message &&
            turnInfo(ctx, deps).conversation.kind !== 'personal' &&
            looksLikeFile(ctx),
        async (ctx) => {
            const { lang } = turnInfo(ctx, deps);
            await tell(
                ctx,
                say(lang, 'Filen når inte boten här', 'The file does not reach the bot here'),
                say(
                    lang,
                    'Filer i kanaler och gruppchattar når aldrig boten (det skulle kräva Graph-behörigheter som den inte har). Skicka filen till mig i en 1:1-chatt.',
                    'Files in channels and group chats never reach the bot (that would need Graph permissions it does not have). Send the file to me in a 1:1 chat.',
                ),
            );
        },
    );
    app.message(
        async (ctx) =>
            ctx.activity.type === ActivityTypes.Message &&
            turnInfo(ctx, deps).conversation.kind === 'personal' &&
            filesOf(ctx).length > 0 &&
            linkedTurn(ctx, deps) !== undefined,
        async (ctx) => {
            const turn = linkedTurn(ctx, deps);
            if (turn) await receive(ctx, deps, turn, filesOf(ctx)[0]);
        },
    );
}

async function receive(ctx: TurnContext, deps: BotDeps, turn: LinkedTurn, file: FileAttachment): Promise<void> {
    const { lang, forbund: f } = turn;
    const fail = (sv: string, en: string) =>
        tell(
            ctx,
            say(lang, 'Filen lästes inte in', 'The file was not imported'),
            `${say(lang, sv, en)} ${say(lang, 'Inget har ändrats.', 'Nothing was changed.')}`,
        );
    const caller = await turn.caller();
    // Chef or ekonom may send files at all (the ekonom for ledger exports); the kind decides the rest (a workbook is
    // the chef's alone: readings.ts checks that once the content has said it is one).
    const mayImport = authorize(caller, f.id, { kind: 'utfall.import' });
    if (!mayImport.ok) return fail(refusalText(lang, mayImport), refusalText(lang, mayImport));
    let buf: Buffer;
    try {
        buf = await deps.fetchFile(file.content.downloadUrl);
    } catch (err) {
        const reason = err instanceof FileFetchError ? err.reason : 'network';
        deps.log.warn('file download refused', { reason });
        const [sv, en] = FETCH_TEXT[reason];
        return fail(`Filen ${file.name} hämtades inte: ${sv}.`, `The file ${file.name} was not fetched: ${en}.`);
    }
    if (planFormat(buf)) return receivePlanDocument(ctx, deps, turn, caller, file.name, buf);
    const kind = sniffFile(buf);
    if (kind === 'ledger') return receiveLedger(ctx, deps, turn, file.name, buf);
    if (kind === 'unknown')
        return fail(
            `Jag känner inte igen ${file.name}: skicka förbundets arbetsbok (.xlsx med bladet Förbund), planen som PDF eller Word-fil, eller bokföringen (SIE eller CSV).`,
            `I do not recognise ${file.name}: send the förbund's workbook (.xlsx with the Förbund sheet), the plan as a PDF or Word file, or the accounts (SIE or CSV).`,
        );
    await readEvery(ctx, deps, turn, file.name, buf, caller);
}
