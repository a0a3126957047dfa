// The preview card's buttons: activate (in force from today), save as förslag, or cancel. A decided preview is stale.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { authorize } from '../../domain/access';
import { storeWorkbook } from '../../workbook/store';
import { registerAction } from '../cards/execute';
import { pressLang } from '../cards/scope';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say } from '../reply';
import { fromPreviewModel } from './preview-model';

export const previewRecord = (id: number) => `preview:${id}`;
const previewId = (record: string) => Number(/^preview:(\d+)$/.exec(record)?.[1] ?? NaN);

const submit = z.object({ choice: z.enum(['activate', 'save', 'cancel']) });

export function registerPreviewDecision(app: Application<TurnState>, deps: BotDeps): void {
    registerAction(app, deps, {
        verb: 'workbook.decide',
        schema: submit.passthrough(),
        version: (record) => {
            const p = deps.previews.get(previewId(record));
            return p && (p.status === 'väntar' ? 0 : 1);
        },
        forbundOf: (record) => deps.previews.get(previewId(record))?.forbundId,
        prepare: async (ctx, info, data) => {
            const lang = pressLang(data, info);
            const key = z.object({ key: z.string() }).parse(data).key;
            const p = deps.previews.get(previewId(key.split('|')[0]));
            const title = say(lang, 'Arbetsboken', 'The workbook');
            if (!p)
                return {
                    refused: messageCard(
                        title,
                        say(lang, 'Förhandsvisningen finns inte.', 'The preview does not exist.'),
                    ),
                };
            const person = await deps.identity.resolve(ctx, info.user, p.forbundId);
            const access = authorize(person, p.forbundId, { kind: 'roster.change' });
            if (!access.ok) return { refused: messageCard(title, refusalText(lang, access)) };
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
            const by = person?.name ?? info.user.teamsId;
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
