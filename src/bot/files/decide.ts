// The preview card's buttons: activate (in force from today), save as förslag, or cancel. A decided preview is stale.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { storeWorkbook } from '../../workbook/store';
import { registerWaitingDecision } from './waiting-decision';
import type { BotDeps } from '../deps';
import { messageCard, say } from '../reply';
import { fromPreviewModel } from './preview-model';

export const previewRecord = (id: number) => `preview:${id}`;
const previewId = (record: string) => Number(/^preview:(\d+)$/.exec(record)?.[1] ?? NaN);

const submit = z.object({ choice: z.enum(['activate', 'save', 'cancel']), key: z.string() });

export function registerPreviewDecision(app: Application<TurnState>, deps: BotDeps): void {
    registerWaitingDecision(app, deps, {
        verb: 'workbook.decide',
        schema: submit.passthrough(),
        load: (record) => deps.previews.get(previewId(record)),
        action: { kind: 'roster.change' },
        title: ['Arbetsboken', 'The workbook'],
        missing: ['Förhandsvisningen finns inte.', 'The preview does not exist.'],
        decide: ({ data, row: p, person, lang, title }) => {
            if (data.choice === 'cancel')
                return () => {
                    deps.previews.decide(p.id, 'avbruten');
                    return {
                        card: messageCard(
                            title,
                            say(lang, 'Avbrutet. Inget har ändrats.', 'Cancelled. Nothing was changed.'),
                        ),
                    };
                };
            const workbook = fromPreviewModel(p.model, p.fileName);
            const by = person.name;
            return () => {
                const r = storeWorkbook(
                    {
                        versions: deps.forbundVersions,
                        roster: deps.roster,
                        setupCodes: deps.setupCodes,
                        transaction: (fn) => deps.transaction(fn),
                        now: deps.now,
                    },
                    workbook,
                    p.fileName,
                    { by, activate: data.choice === 'activate' },
                );
                deps.previews.decide(p.id, data.choice === 'activate' ? 'aktiverad' : 'sparad', r.version.version);
                const v = r.version;
                const text =
                    v.status === 'aktiv'
                        ? say(
                              lang,
                              `${r.name}: version ${v.version} är aktiv från ${v.activeFrom}. Svaren bygger nu på den.`,
                              `${r.name}: version ${v.version} is active from ${v.activeFrom}. Answers now use it.`,
                          )
                        : say(
                              lang,
                              `${r.name}: version ${v.version} är sparad som förslag. Den som gäller är oförändrad.`,
                              `${r.name}: version ${v.version} is saved as förslag. The version in force is unchanged.`,
                          );
                return { card: messageCard(title, text) };
            };
        },
    });
}
