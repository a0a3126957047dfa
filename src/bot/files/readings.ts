// A file whose first bytes do not settle its kind (any xlsx, an old or encrypted Office file, a CSV of another
// layout): read in the child process as a workbook and, when it is not one of ours, as an accounting file; then the
// workbook's preview or errors, the ledger's preview, or the question which one it is.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { authorize, type Person } from '../../domain/access';
import { LedgerFileError } from '../../domain/ledger';
import { isOurWorkbook } from '../../workbook/child-jobs';
import { refuse, WorkbookError } from '../../workbook/errors';
import { refuseIsolated, runIsolated, workbookAnswer, workbookFromAnswer } from '../../workbook/isolated';
import { ledgerAnswer, ledgerFromAnswer } from '../../workbook/ledger-isolated';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { sendReply, type Reply } from '../reply';
import type { LinkedTurn } from '../turn';
import { askKind, registerKindChoice } from './kind-choice';
import { ledgerErrorReply, ledgerPreviewReply, sha256 } from './ledger';
import { registerLedgerDecision } from './ledger-decide';
import { notImported } from './replies';
import { workbookErrorsReply, workbookPreviewReply } from './workbook';

export function registerFileReadings(app: Application<TurnState>, deps: BotDeps): void {
    registerLedgerDecision(app, deps);
    registerKindChoice(app, deps);
}

const everyAnswer = z.object({ workbook: z.unknown(), ledger: z.unknown().optional() });

export async function readEvery(
    ctx: TurnContext,
    deps: BotDeps,
    turn: LinkedTurn,
    name: string,
    buf: Buffer,
    caller: Person | undefined,
): Promise<void> {
    await sendReply(ctx, await answerEvery(deps, turn, name, buf, caller));
}

async function answerEvery(
    deps: BotDeps,
    turn: LinkedTurn,
    name: string,
    buf: Buffer,
    caller: Person | undefined,
): Promise<Reply> {
    const { lang, forbund: f } = turn;
    const by = turn.user.teamsId;
    const chef = () => authorize(caller, f.id, { kind: 'roster.change' });
    const workbook = (read: () => Reply): Reply => {
        const access = chef();
        return access.ok ? read() : notImported(lang, refusalText(lang, access), refusalText(lang, access));
    };
    let raw: z.output<typeof everyAnswer>;
    try {
        const answer = everyAnswer.safeParse(
            await runIsolated({ job: 'every', buf, name, forbund: f, now: deps.now() }).catch(refuseIsolated),
        );
        // A child that failed in an unforeseen way answers no readings: the file could not be read.
        raw = answer.success ? answer.data : refuse('arbetsboken kunde inte läsas');
    } catch (err) {
        if (err instanceof WorkbookError) return workbookErrorsReply(err, lang);
        throw err;
    }
    const wb = workbookAnswer.parse(raw.workbook);
    if (wb.ok || isOurWorkbook(wb.issues ?? []))
        return workbook(() => {
            try {
                return workbookPreviewReply(deps, f, by, name, workbookFromAnswer(raw.workbook, name), lang);
            } catch (err) {
                if (err instanceof WorkbookError) return workbookErrorsReply(err, lang);
                throw err;
            }
        });
    const ledger = ledgerAnswer.safeParse(raw.ledger);
    if (!ledger.success) throw new Error('the ledger reading gave no answer');
    if (ledger.data.ok)
        return ledgerPreviewReply(
            deps,
            f,
            by,
            name,
            { reading: ledgerFromAnswer(raw.ledger), sha256: sha256(buf) },
            lang,
        );
    // The ledger reading recognised the file (it has the layout) but cannot use it: that is the answer.
    if (ledger.data.kind !== 'not-ledger')
        return ledgerErrorReply(new LedgerFileError('layout', ledger.data.text), lang);
    return askKind(deps, f, by, name, { workbook: wb.issues ?? [], ledger: ledger.data.text }, lang);
}
