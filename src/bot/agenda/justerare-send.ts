// Card writes for the meeting itself: the two justerare (from those who come) and sending the kallelse.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { registerEditorAction } from './editor-action';
import { say } from '../reply';
import { editorCard } from './editor';
import { justerareFormCard } from './form-cards';
import { afterChange } from './item-actions';
import { sendKallelse } from './publish';
import { justerareSubmit, sendSubmit } from './schemas';
import { knownState } from '../meeting/state';

/** Registers "välj justerare" and "skicka kallelse" on the editor card. */
export function registerJusterareAndSend(app: Application<TurnState>, ad: BotDeps): void {
    registerEditorAction(app, ad, {
        verb: 'meeting.justerare',
        schema: justerareSubmit,
        prepare: async ({ lang, st, w }, data) => {
            const present = new Set([...st.quorum.presentLedamoter, ...st.quorum.serving, ...st.quorum.attendingOnly]);
            const ids = [
                ...new Set(
                    data.justerare
                        .split(/[,;\s]+/)
                        .filter(Boolean)
                        .map(Number),
                ),
            ];
            // Choosing justerare is a decision of the meeting: once it has begun, only a beslutsmässig meeting makes it.
            if (ad.now() >= st.meeting.startsAt && !st.quorum.beslutsmassig) {
                const note = say(
                    lang,
                    'Mötet är inte beslutsmässigt, så justerare kan inte väljas. Inget har ändrats.',
                    'The meeting is not quorate, so no minute checkers can be chosen. Nothing was changed.',
                );
                return { refused: justerareFormCard(st, lang, note) };
            }
            if (ids.length !== 2 || !ids.every((id) => present.has(id))) {
                const note = say(
                    lang,
                    'Välj exakt två av dem som kommer. Inget har ändrats.',
                    'Choose exactly two of those who come. Nothing was changed.',
                );
                return { refused: justerareFormCard(st, lang, note) };
            }
            return () => {
                ad.meetings.setJusterare(st.meeting.id, [ids[0], ids[1]], w.person.id, w.person.slug);
                const now = knownState(ad, st.meeting.id);
                const who = ids.map((id) => now.people.get(id)?.name).join(say(lang, ' och ', ' and '));
                const done = say(lang, `Justerare: ${who}.`, `Minute checkers: ${who}.`);
                return { card: editorCard(now, lang, done), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });

    registerEditorAction(app, ad, {
        verb: 'meeting.send',
        schema: sendSubmit,
        prepare: async ({ lang, st, w }) => {
            return () => ({
                card: editorCard(
                    st,
                    lang,
                    say(
                        lang,
                        'Kallelsen skickas; svaret kommer i chatten.',
                        'Sending the notice; the answer follows in the chat.',
                    ),
                ),
                after: async (turn) => {
                    const result = await sendKallelse(ad, knownState(ad, st.meeting.id), w.person, lang);
                    await turn.sendActivity(result.text);
                },
            });
        },
    });
}
