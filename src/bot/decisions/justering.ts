// "Justera" and "Begär ändring" on the protokoll card: only the chosen justerare, on the current version.
import { createHash } from 'node:crypto';
import { adoptBudgetVersions } from './budget-adoption';
import type { BotDeps } from '../deps';
import { justeredText, signers } from '../../domain/protokoll';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { mayJustera, type JusteringAction, type JusteringRefusal } from '../../domain/decision-justering';
import { budgetEffects } from '../../domain/decisions';
import type { Lang } from '../lang';
import { say } from '../reply';
import { refusalCard } from '../refusal';
import { tellChef } from './notify';
import { protokollReply } from './protokoll-view';
import { justeraSubmit } from './schemas';
import { registerProtokollAction } from './protokoll-action';
import { knownClosedState, type ClosedState } from './state';
import { nothing } from './words';

function refusal(why: JusteringRefusal, lang: Lang): string {
    switch (why) {
        case 'not-justerare':
            return nothing(
                lang,
                'Bara ordföranden och de valda justerarna justerar protokollet.',
                'Only the chair and the chosen minute checkers approve the minutes.',
            );
        case 'already':
            return nothing(lang, 'Du har redan justerat den här versionen.', 'You have already approved this version.');
        case 'final':
            return nothing(
                lang,
                'Protokollet är redan justerat och ändras inte.',
                'The minutes are already approved and are not changed.',
            );
        case 'change-requested':
            return nothing(
                lang,
                'En ändring är begärd; du får en ny version att justera när förbundschefen har ändrat.',
                'A change has been requested; you get a new version to approve once it is edited.',
            );
    }
}

/** What the chef hears when the protokoll becomes final, with the budget years it settles. */
function finalText(st: ClosedState): string {
    const effects = st.protokoll.data.paragraphs.flatMap((p) =>
        p.decision ? budgetEffects(p.decision.outcome, p.decision.text) : [],
    );
    const budget = effects.length ? ` Budgetstatus: ${effects.map((e) => `${e.year} ${e.status}`).join(', ')}.` : '';
    return `Protokollet är justerat av ordföranden och justerarna och är nu slutligt.${budget}`;
}

function register(app: Application<TurnState>, dd: BotDeps, verb: string, action: JusteringAction): void {
    registerProtokollAction(app, dd, {
        verb,
        schema: justeraSubmit,
        prepare: async ({ lang, st, person }, data) => {
            const justerare = signers(st.protokoll.data).map((j) => j.personId);
            if (!person || !justerare.includes(person.id))
                return { refused: refusalCard(lang, refusal('not-justerare', lang)) };
            const allowed = mayJustera(st.justering, justerare, person.id, action);
            const card = (note: string) => protokollReply(dd, st, lang, person, note).card;
            if (!allowed.ok) return { refused: card(refusal(allowed.reason, lang)) };
            if (action === 'ändring' && !data.comment)
                return {
                    refused: card(
                        nothing(
                            lang,
                            'Skriv i kommentaren vad som ska ändras.',
                            'Write in the comment what should change.',
                        ),
                    ),
                };
            return () => {
                // The hash names the exact text this person approved, so the trail shows what each justering covered.
                const sha = createHash('sha256').update(justeredText(st.protokoll.data), 'utf8').digest('hex');
                dd.protokoll.addEvent(
                    st.meeting,
                    st.protokoll.version,
                    person.id,
                    action,
                    data.comment,
                    person.slug,
                    action === 'justerat' ? sha : undefined,
                );
                const now = knownClosedState(dd, st.meeting.id);
                const final = now.justering.status === 'justerat';
                const adopted = final ? adoptBudgetVersions(dd, now, person.slug) : [];
                const note =
                    action === 'ändring'
                        ? say(
                              lang,
                              'Din begäran är skickad till förbundschefen.',
                              'Your request has been sent to the förbundschef.',
                          )
                        : final
                          ? say(
                                lang,
                                'Protokollet är justerat och nu slutligt.',
                                'The minutes are approved and now final.',
                            )
                          : say(lang, 'Du har justerat protokollet.', 'You have approved the minutes.');
                const chefText =
                    action === 'ändring'
                        ? `${person.name} begär ändring i protokollet: "${data.comment}". Tryck "Ändra protokollet"; efter ändringen börjar justeringen om.`
                        : final
                          ? [
                                finalText(now),
                                ...adopted.map(
                                    (v) =>
                                        `Version ${v.version} av förbundets uppgifter (${v.source}) gäller från ${v.activeFrom}.`,
                                ),
                            ].join(' ')
                          : undefined;
                return {
                    card: protokollReply(dd, now, lang, person, note).card,
                    after: chefText ? () => tellChef(dd, st.meeting.id, chefText) : undefined,
                };
            };
        },
    });
}

/** Registers the justering verbs. */
export function registerJustering(app: Application<TurnState>, dd: BotDeps): void {
    register(app, dd, 'protokoll.justera', 'justerat');
    register(app, dd, 'protokoll.change', 'ändring');
}
