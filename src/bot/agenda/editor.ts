// The chef's agenda editor card (templates/agenda-editor.json): pick an item, move, edit or remove it, and more.
import type { CardSpec } from '../../cards/render';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { MeetingState } from '../meeting/state';
import { statusText } from './view';
import { formatWhen, kindLabel } from '../meeting/words';

/** The editor for a meeting; `selected` keeps the chosen item after a move, `note` says what just happened. */
export function editorCard(st: MeetingState, lang: Lang, note = '', selected?: number): CardSpec {
    const m = st.meeting;
    const key = () => newActionKey(`meeting:${m.id}`, m.version);
    const posted = st.cards.length > 0;
    return {
        template: 'agenda-editor',
        data: {
            title: `${say(lang, 'Redigera dagordningen', 'Edit the agenda')}: ${st.body.name}`,
            subtitle: `${formatWhen(m.startsAt, lang)} · ${statusText(st, lang)}`,
            note,
            lang,
            meetingId: m.id,
            items: st.items.map((it) => ({
                line: `${it.number}. ${it.title} (${kindLabel(it.kind, lang).toLowerCase()})${it.proposal ? ' ✎' : ''}`,
            })),
            choices: st.items.map((it) => ({ title: `${it.number}. ${it.title}`, value: String(it.id) })),
            selected: selected ? String(selected) : '',
            keys: { up: key(), down: key(), remove: key(), send: key() },
            labels: {
                item: say(lang, 'Punkt', 'Item'),
                up: say(lang, 'Flytta upp', 'Move up'),
                down: say(lang, 'Flytta ned', 'Move down'),
                edit: say(lang, 'Ändra', 'Edit'),
                remove: say(lang, 'Ta bort', 'Remove'),
                add: say(lang, 'Lägg till punkt', 'Add item'),
                details: say(lang, 'Tid och plats', 'Time and place'),
                justerare: say(lang, 'Justerare', 'Minute checkers'),
                presence: say(lang, 'Närvaro per punkt', 'Attendance per item'),
                send: posted
                    ? say(lang, 'Uppdatera kortet i kanalen', 'Update the card in the channel')
                    : say(lang, 'Skicka kallelse', 'Send the notice'),
                view: say(lang, 'Visa dagordningen', 'Show the agenda'),
            },
        },
    };
}
