// The ledger preview card's buttons: save stores the utfall through the same repository as `npm run utfall`, so the
// Q&A and the ekonomisk rapport use it at once; cancel stores nothing. A decided preview is stale.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { authorize } from '../../domain/access';
import { periodText } from '../../domain/ledger-preview';
import { registerAction } from '../cards/execute';
import { pressLang } from '../cards/scope';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say } from '../reply';
import { ledgerId, ledgerModel } from './ledger';

const submit = z.object({ choice: z.enum(['save', 'cancel']), key: z.string() });

export function registerLedgerDecision(app: Application<TurnState>, deps: BotDeps): void {
    const pending = (record: string) => {
        const p = deps.fileReadings.get(ledgerId(record));
        return p?.kind === 'ledger' ? p : undefined;
    };
    registerAction(app, deps, {
        verb: 'ledger.decide',
        schema: submit.passthrough(),
        version: (record) => {
            const p = pending(record);
            return p && (p.status === 'väntar' ? 0 : 1);
        },
        forbundOf: (record) => pending(record)?.forbundId,
        prepare: async (ctx, info, data) => {
            const lang = pressLang(data, info);
            const p = pending(data.key.split('|')[0]);
            const title = say(lang, 'Utfallet', 'The outcome');
            const f = p && deps.forbund.get(p.forbundId);
            if (!p || !f)
                return {
                    refused: messageCard(
                        title,
                        say(lang, 'Förhandsvisningen finns inte.', 'The preview does not exist.'),
                    ),
                };
            const person = await deps.identity.resolve(ctx, info.user, p.forbundId);
            const access = authorize(person, p.forbundId, { kind: 'utfall.import' });
            if (!access.ok) return { refused: messageCard(title, refusalText(lang, access)) };
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
                        by: access.person.slug,
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
