// The ledger preview card's buttons: save stores the utfall through the same repository as `npm run utfall`, so the
// Q&A and the ekonomisk rapport use it at once; cancel stores nothing. A decided preview is stale.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { periodText } from '../../domain/ledger-preview';
import { registerWaitingDecision } from './waiting-decision';
import type { BotDeps } from '../deps';
import { messageCard, say } from '../reply';
import { ledgerId, ledgerModel } from './ledger';

const submit = z.object({ choice: z.enum(['save', 'cancel']), key: z.string() });

export function registerLedgerDecision(app: Application<TurnState>, deps: BotDeps): void {
    const pending = (record: string) => {
        const p = deps.fileReadings.get(ledgerId(record));
        return p?.kind === 'ledger' ? p : undefined;
    };
    registerWaitingDecision(app, deps, {
        verb: 'ledger.decide',
        schema: submit.passthrough(),
        load: pending,
        action: { kind: 'utfall.import' },
        title: ['Utfallet', 'The outcome'],
        missing: ['Förhandsvisningen finns inte.', 'The preview does not exist.'],
        decide: ({ data, row: p, person, lang, title }) => {
            const f = deps.forbund.get(p.forbundId);
            if (!f)
                return {
                    refused: messageCard(
                        title,
                        say(lang, 'Förhandsvisningen finns inte.', 'The preview does not exist.'),
                    ),
                };
            if (data.choice === 'cancel')
                return () => {
                    deps.fileReadings.decide(p.id, 'avbruten');
                    return {
                        card: messageCard(
                            title,
                            say(lang, 'Avbrutet. Inget har sparats.', 'Cancelled. Nothing was stored.'),
                        ),
                    };
                };
            const { reading, sha256 } = ledgerModel.parse(p.model);
            const imp = reading.imp;
            // The plan may have changed since the preview: its year must still be there to compare with.
            if (!f.years.some((y) => y.year === imp.year))
                return {
                    refused: messageCard(
                        title,
                        say(
                            lang,
                            `Planen har inte längre någon budget för ${imp.year}. Inget har sparats.`,
                            `The plan no longer has a budget for ${imp.year}. Nothing was stored.`,
                        ),
                    ),
                };
            return () => {
                const saved = deps.transaction(() => {
                    const s = deps.utfall.save(f.id, imp, {
                        fileName: p.fileName,
                        fileKind: reading.fileKind,
                        sha256,
                        generated: reading.generated,
                        by: person.slug,
                    });
                    deps.fileReadings.decide(p.id, 'sparad', s.importId);
                    return s;
                });
                const months = periodText(imp.periods, lang);
                return {
                    card: messageCard(
                        title,
                        say(
                            lang,
                            `Utfallet för ${months} är sparat ur ${p.fileName} (import ${saved.importId}). Frågor om utfall och den ekonomiska rapporten bygger nu på det.`,
                            `The outcome for ${months} is stored from ${p.fileName} (import ${saved.importId}). Questions about the outcome and the financial report now use it.`,
                        ),
                    ),
                };
            };
        },
    });
}
