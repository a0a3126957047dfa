// The chef's edit of the protokoll after a change request: a new version, and justering starts over.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { type CardSpec } from '../../cards/render';
import type { Protokoll } from '../../domain/protokoll';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { registerProtokollAction } from './protokoll-action';
import { sendJustering } from './notify';
import { mayEditText, protokollReply } from './protokoll-view';
import { editSubmit, editedTexts } from './schemas';
import { knownClosedState, type ClosedState } from './state';
import { nothing } from './words';

/** The edit form: one text per § (its decision, or its text for other items). */
export function editCard(st: ClosedState, lang: Lang, note = ''): CardSpec {
    const p = st.protokoll;
    return {
        template: 'protokoll-edit',
        data: {
            title: p.data.notes
                ? say(
                      lang,
                      `Ändra minnesanteckningarna (version ${p.version})`,
                      `Edit the notes (version ${p.version})`,
                  )
                : say(lang, `Ändra protokollet (version ${p.version})`, `Edit the minutes (version ${p.version})`),
            text: p.data.notes
                ? say(lang, 'Skriv anteckningarna per punkt.', 'Write the notes per item.')
                : say(
                      lang,
                      'Ändra texten; justeringen börjar om när du sparar.',
                      'Edit the text; approval starts over when you save.',
                  ),
            requests: st.justering.requests
                .map((r) => `${st.people.get(r.personId)?.name ?? '?'}: ${r.comment}`)
                .join('\n\n'),
            note,
            lang,
            meetingId: st.meeting.id,
            key: newActionKey(`protokoll:${st.meeting.id}`, p.version),
            paragraphs: p.data.paragraphs.map((x) => ({
                inputId: `t${x.itemId}`,
                label: `${x.ref} ${x.title}`,
                value: x.decision?.text ?? x.details ?? '',
            })),
            labels: {
                summary: say(lang, 'Vad ändrades (kort)', 'What changed (short)'),
                save: say(lang, 'Spara ny version', 'Save a new version'),
                cancel: say(lang, 'Tillbaka', 'Back'),
            },
        },
    };
}

/** The protokoll with the edited texts; `changed` counts the §§ whose text differs. */
export function applyEdits(p: Protokoll, texts: Map<number, string>): { data: Protokoll; changed: number } {
    let changed = 0;
    const paragraphs = p.paragraphs.map((x) => {
        const t = texts.get(x.itemId);
        if (t === undefined || t === (x.decision?.text ?? x.details ?? '')) return x;
        changed++;
        return x.decision ? { ...x, decision: { ...x.decision, text: t } } : { ...x, details: t };
    });
    return { data: { ...p, paragraphs }, changed };
}

/** Registers the chef's edit of the protokoll (a new version). */
export function registerProtokollEdit(app: Application<TurnState>, dd: BotDeps): void {
    registerProtokollAction(app, dd, {
        verb: 'protokoll.edit',
        schema: editSubmit,
        prepare: async ({ lang, st, person }, data) => {
            if (!person || !mayEditText(st, person))
                return {
                    refused: messageCard(
                        say(lang, 'Inget sparat', 'Nothing saved'),
                        nothing(
                            lang,
                            'Bara förbundschefen eller ordföranden ändrar protokollet, och bara efter en begäran om ändring.',
                            'Only the förbundschef or the chair edits the minutes, and only after a change request.',
                        ),
                    ),
                };
            const edited = applyEdits(st.protokoll.data, editedTexts(data));
            if (!edited.changed)
                return { refused: editCard(st, lang, nothing(lang, 'Ingen text ändrades.', 'No text was changed.')) };
            return () => {
                const version = dd.protokoll.addVersion(
                    st.meeting,
                    edited.data,
                    data.summary ?? 'ändrat efter begäran',
                    person.id,
                    person.slug,
                );
                const now = knownClosedState(dd, st.meeting.id);
                const note = st.protokoll.data.notes
                    ? say(lang, `Version ${version} är sparad.`, `Version ${version} is saved.`)
                    : say(
                          lang,
                          `Version ${version} är sparad; justeringen börjar om.`,
                          `Version ${version} is saved; approval starts over.`,
                      );
                return {
                    card: protokollReply(dd, now, lang, person, note).card,
                    after: async (turn) => {
                        const missed = await sendJustering(
                            dd,
                            st.meeting.id,
                            `Protokollet är ändrat (version ${version}); justeringen börjar om.`,
                        );
                        if (missed.length)
                            await turn.sendActivity(
                                say(
                                    lang,
                                    `Jag kunde inte nå ${missed.join(' och ')}.`,
                                    `I could not reach ${missed.join(' and ')}.`,
                                ),
                            );
                    },
                };
            };
        },
    });
}
