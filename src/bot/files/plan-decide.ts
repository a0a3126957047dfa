// The plan preview card's buttons: activate (in force from today), save as förslag, or cancel. A decided preview is
// stale, so a second press (or an old card) changes nothing.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { formatDate } from '../../domain/format';
import { registerWaitingDecision } from './waiting-decision';
import type { BotDeps } from '../deps';
import { messageCard, say } from '../reply';

const planId = (record: string) => Number(/^plan:(\d+)$/.exec(record)?.[1] ?? NaN);
const submit = z.object({ choice: z.enum(['activate', 'save', 'cancel']), key: z.string() });

export function registerPlanDecision(app: Application<TurnState>, deps: BotDeps): void {
    registerWaitingDecision(app, deps, {
        verb: 'plan.decide',
        schema: submit.passthrough(),
        load: (record) => deps.plans.get(planId(record)),
        action: { kind: 'roster.change' },
        title: ['Planen', 'The plan'],
        missing: ['Förhandsvisningen finns inte.', 'The preview does not exist.'],
        decide: ({ data, row: p, person, lang, title }) => {
            const by = person.name;
            return () => {
                const v = deps.plans.decide(p.id, data.choice, by);
                deps.log.info('plan document decided', { forbund: p.forbundId, status: v.status, version: v.version });
                const day = v.activeFrom && new Date(`${v.activeFrom}T12:00:00Z`);
                const text =
                    v.status === 'avbruten'
                        ? say(lang, 'Avbrutet. Inget har ändrats.', 'Cancelled. Nothing was changed.')
                        : v.status === 'aktiv' && day
                          ? say(
                                lang,
                                `Planen version ${v.version} (${v.fileName}) är aktiv från ${formatDate(day)}. Svaren ur planens text bygger nu på den.`,
                                `Plan version ${v.version} (${v.fileName}) is in force from ${formatDate(day, 'd MMMM yyyy', 'en')}. Answers from the plan's text now use it.`,
                            )
                          : say(
                                lang,
                                `Planen är sparad som förslag, version ${v.version}. Den plan som gäller är oförändrad.`,
                                `The plan is saved as förslag, version ${v.version}. The plan in force is unchanged.`,
                            );
                return { card: messageCard(title, text) };
            };
        },
    });
}
