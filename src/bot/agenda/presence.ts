// Närvaro per §: the chef marks a member arriving at an item or leaving after one (templates/agenda-presence-form.json).
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { CardSpec } from '../../cards/render';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import { editorCard } from './editor';
import { registerEditorAction } from './editor-action';
import { afterChange } from './item-actions';
import { presenceSubmit } from './schemas';
import { knownState, type MeetingState } from '../meeting/state';
import { memberLabel } from '../meeting/words';

/** The presence form, with the rows already recorded. */
export function presenceFormCard(st: MeetingState, lang: Lang, note = ''): CardSpec {
    const m = st.meeting;
    const label = (id: number) => {
        const p = st.people.get(id);
        return p ? memberLabel(st, p, lang) : String(id);
    };
    return {
        template: 'agenda-presence-form',
        data: {
            title: say(lang, 'Närvaro per punkt', 'Attendance per item'),
            text: say(
                lang,
                'Ange om någon kommer senare eller går tidigare. En ledamot som kommer tar platsen tillbaka från sin ersättare; beslutsförhet och vilka som deltar räknas per punkt.',
                'Record a member arriving late or leaving early. An arriving member takes the seat back from their deputy; quorum and who takes part are counted per item.',
            ),
            note,
            lang,
            meetingId: m.id,
            key: newActionKey(`meeting:${m.id}`, m.version),
            current: st.presence.map((p) => ({
                line: [
                    label(p.personId),
                    p.arrivesAt ? say(lang, `kommer vid punkt ${p.arrivesAt}`, `arrives at item ${p.arrivesAt}`) : '',
                    p.leavesAfter
                        ? say(lang, `går efter punkt ${p.leavesAfter}`, `leaves after item ${p.leavesAfter}`)
                        : '',
                ]
                    .filter(Boolean)
                    .join(' – '),
            })),
            people: st.inv.members.map((id) => ({ title: label(id), value: String(id) })),
            items: st.items.map((it) => ({ title: `${it.number}. ${it.title}`, value: String(it.id) })),
            labels: {
                person: say(lang, 'Person', 'Person'),
                arrives: say(lang, 'Kommer vid punkt (tomt: från början)', 'Arrives at item (empty: from the start)'),
                leaves: say(lang, 'Går efter punkt (tomt: stannar till slutet)', 'Leaves after item (empty: stays)'),
                save: say(lang, 'Spara', 'Save'),
                cancel: say(lang, 'Tillbaka', 'Back'),
            },
        },
    };
}

/** Registers "meeting.presence": one row per person, replaced when set again; refused once the meeting is closed. */
export function registerPresence(app: Application<TurnState>, ad: BotDeps): void {
    registerEditorAction(app, ad, {
        verb: 'meeting.presence',
        schema: presenceSubmit,
        prepare: async ({ lang, st, w }, data) => {
            const refuse = (sv: string, en: string) => ({
                refused: presenceFormCard(
                    st,
                    lang,
                    say(lang, `${sv} Inget har ändrats.`, `${en} Nothing was changed.`),
                ),
            });
            if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
                return refuse('Mötet är avslutat.', 'The meeting is closed.');
            if (!st.inv.members.includes(data.person))
                return refuse('Personen är inte kallad till mötet.', 'That person is not called to the meeting.');
            const number = (id?: number) =>
                id === undefined ? undefined : st.items.find((it) => it.id === id)?.number;
            const from = number(data.arrives);
            const to = number(data.leaves);
            if ((data.arrives && !from) || (data.leaves && !to))
                return refuse('Punkten finns inte på dagordningen.', 'That item is not on the agenda.');
            if (from && to && to < from)
                return refuse('Man kan inte gå före den punkt man kommer till.', 'One cannot leave before arriving.');
            return () => {
                ad.meetings.setPresence(
                    st.meeting.id,
                    { personId: data.person, arrivesAtItem: data.arrives, leavesAfterItem: data.leaves },
                    w.person.id,
                    w.person.slug,
                );
                const now = knownState(ad, st.meeting.id);
                const who = now.people.get(data.person)?.name ?? '';
                const done = [
                    from ? say(lang, `${who} kommer vid punkt ${from}`, `${who} arrives at item ${from}`) : '',
                    to ? say(lang, `${who} går efter punkt ${to}`, `${who} leaves after item ${to}`) : '',
                ]
                    .filter(Boolean)
                    .join('; ');
                return {
                    card: editorCard(
                        now,
                        lang,
                        done || say(lang, `${who} är med hela mötet.`, `${who} attends the whole meeting.`),
                    ),
                    after: afterChange(ad, st.meeting.id, lang),
                };
            };
        },
    });
}
