// When a file's content does not say what it is (an xlsx without the Förbund sheet that is no ledger export either, a
// CSV of some other layout), the bot asks with buttons instead of guessing which error to show. It has already read
// the file every way it could in the child process; a reading that succeeded, or that recognised the file (a ledger
// whose period is wrong), is answered at once, so what waits here are the readings' zod-checked errors. The row the
// buttons name keeps only those: the bytes and the download link (a bearer URL that expires) are never stored, and
// the sender need not send the file again with a word. The button says which kind was meant and gets what to correct
// for that kind, in their language.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { LedgerFileError } from '../../domain/ledger';
import { WorkbookError } from '../../workbook/errors';
import { newActionKey } from '../cards/action-key';
import { registerWaitingDecision } from './waiting-decision';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { messageCard, say, type CardReply } from '../reply';
import { ledgerErrorReply } from './ledger';
import { workbookErrorsReply } from './workbook';

const issue = z.object({ where: z.string(), reason: z.string() });
export const choiceModel = z.object({
    /** The workbook reading's issues (sheet, cell, reason). */
    workbook: z.array(issue).min(1).max(500),
    /** The ledger reading's error. */
    ledger: z.object({ sv: z.string(), en: z.string() }),
});
export type ChoiceModel = z.input<typeof choiceModel>;

const choiceRecord = (id: number) => `choice:${id}`;
const choiceId = (record: string) => Number(/^choice:(\d+)$/.exec(record)?.[1] ?? NaN);

/** Stores the readings and answers the question card. */
export function askKind(
    deps: BotDeps,
    f: Forbund,
    by: string,
    name: string,
    model: ChoiceModel,
    lang: Lang,
): CardReply {
    const id = deps.fileReadings.add({ forbundId: f.id, kind: 'choice', fileName: name, model, by });
    const text = say(
        lang,
        `Jag kan inte avgöra av innehållet vad ${name} är, och den går inte att läsa som något jag tar emot. Vad skulle den vara? Då får du veta vad som behöver rättas. Inget har ändrats.`,
        `I cannot tell from its content what ${name} is, and it cannot be read as anything I accept. What should it be? Then you get what needs correcting. Nothing was changed.`,
    );
    return {
        text,
        card: {
            template: 'file-kind-choice',
            data: {
                title: say(lang, 'Vad är filen?', 'What is the file?'),
                text,
                lang,
                key: newActionKey(choiceRecord(id), 0),
                choices: [
                    {
                        title: say(lang, 'Budgeten', 'The budget'),
                        choice: 'workbook',
                    },
                    { title: say(lang, 'Bokföringen', 'The accounts'), choice: 'ledger' },
                ],
                labels: { cancel: say(lang, 'Avbryt', 'Cancel') },
            },
        },
    };
}

const submit = z.object({ choice: z.enum(['workbook', 'ledger', 'cancel']), key: z.string() });

export function registerKindChoice(app: Application<TurnState>, deps: BotDeps): void {
    const pending = (record: string) => {
        const p = deps.fileReadings.get(choiceId(record));
        return p?.kind === 'choice' ? p : undefined;
    };
    registerWaitingDecision(app, deps, {
        verb: 'file.kind',
        schema: submit.passthrough(),
        load: pending,
        action: { kind: 'utfall.import' },
        title: ['Filen', 'The file'],
        missing: ['Frågan finns inte.', 'The question does not exist.'],
        decide: ({ data, row: p, lang, title }) => {
            const f = deps.forbund.get(p.forbundId);
            if (!f)
                return {
                    refused: messageCard(title, say(lang, 'Frågan finns inte.', 'The question does not exist.')),
                };
            if (data.choice === 'cancel')
                return () => {
                    deps.fileReadings.decide(p.id, 'avbruten');
                    return {
                        card: messageCard(
                            title,
                            say(lang, 'Avbrutet. Inget har ändrats.', 'Cancelled. Nothing was changed.'),
                        ),
                    };
                };
            const m = choiceModel.parse(p.model);
            return () => {
                deps.fileReadings.decide(p.id, 'vald');
                const reply =
                    data.choice === 'workbook'
                        ? workbookErrorsReply(new WorkbookError(m.workbook), lang)
                        : ledgerErrorReply(new LedgerFileError('not-ledger', m.ledger), lang);
                return { card: reply.card ?? messageCard(title, reply.text) };
            };
        },
    });
}
