// An accounting file (SIE, the ledger CSV, an xlsx in that layout) sent by the chef or ekonom: read and mapped to the
// budget posts in the child process, checked against the förbund, previewed; only the card's save stores utfall.
import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { LedgerFileError } from '../../domain/ledger';
import { companyOf, ledgerPreview } from '../../domain/ledger-preview';
import { ledgerReadingSchema, readLedgerIsolated, type LedgerReading } from '../../workbook/ledger-isolated';
import { newActionKey } from '../cards/action-key';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { sendReply, type Reply } from '../reply';
import type { LinkedTurn } from '../turn';
import { ledgerPreviewCard } from './ledger-card';
import { notImported } from './replies';

export const ledgerRecord = (id: number) => `ledger:${id}`;
export const ledgerId = (record: string) => Number(/^ledger:(\d+)$/.exec(record)?.[1] ?? NaN);

/** What a ledger preview keeps until save: the mapped import and the file's fingerprint (never the bytes). */
export const ledgerModel = z.object({ reading: ledgerReadingSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type LedgerModel = z.output<typeof ledgerModel>;

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

const TITLE: [string, string] = ['Bokföringsfilen lästes inte in', 'The ledger file was not imported'];

export const ledgerErrorReply = (err: LedgerFileError, lang: Lang): Reply =>
    notImported(lang, err.text.sv, err.text.en, TITLE);

/**
 * Stores the preview of a read accounting file and answers its card. A file whose company (#FNAMN) is not this
 * förbund is refused: another förbund served here by name, or a name unlike this one's (which the förbund's data can
 * list among its aliases when the accounts use another name).
 */
export function ledgerPreviewReply(
    deps: BotDeps,
    f: Forbund,
    by: string,
    name: string,
    model: LedgerModel,
    lang: Lang,
): Reply {
    const { reading } = model;
    const company = companyOf(reading.company, f, deps.forbund.list());
    if (company.is === 'other')
        return notImported(
            lang,
            `Filen är bokföringen för ${company.forbund.name} (”${reading.company}”), inte ${f.name}.`,
            `The file is the accounts of ${company.forbund.name} (“${reading.company}”), not ${f.name}.`,
            TITLE,
        );
    if (company.is === 'unknown')
        return notImported(
            lang,
            `Filen är bokföringen för företaget ”${reading.company}”, inte för ${f.name}. Är det förbundets namn i bokföringen, lägg till det bland förbundets alias (aliases) i förbundets data.`,
            `The file is the accounts of the company “${reading.company}”, not of ${f.name}. If that is the förbund's name in the accounts, add it to the förbund's aliases in its data.`,
            TITLE,
        );
    const id = deps.fileReadings.add({ forbundId: f.id, kind: 'ledger', fileName: name, model, by });
    const stored = deps.utfall.current(f.id, reading.imp.year);
    return ledgerPreviewCard(
        f,
        name,
        reading,
        ledgerPreview(f, reading.imp, stored, lang),
        newActionKey(ledgerRecord(id), 0),
        lang,
    );
}

export async function receiveLedger(
    ctx: TurnContext,
    deps: BotDeps,
    turn: LinkedTurn,
    name: string,
    buf: Buffer,
): Promise<void> {
    const { lang, forbund: f } = turn;
    let reading: LedgerReading;
    try {
        reading = await readLedgerIsolated(buf, f, deps.now());
    } catch (err) {
        if (err instanceof LedgerFileError) return sendReply(ctx, ledgerErrorReply(err, lang));
        throw err;
    }
    await sendReply(ctx, ledgerPreviewReply(deps, f, turn.user.teamsId, name, { reading, sha256: sha256(buf) }, lang));
}
