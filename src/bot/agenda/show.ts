// Card buttons that only show something: the editor, the forms, the agenda, and Universal Actions refresh.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { z } from 'zod';
import type { CardSpec } from '../../cards/render';
import { registerView, type Viewer } from '../cards/view';
import { say } from '../reply';
import { presenceFormCard } from './presence';
import { editorCard } from './editor';
import { itemFormCard, justerareFormCard, meetingFormCard } from './form-cards';
import { showSubmit } from './schemas';
import { loadState, type MeetingState } from '../meeting/state';
import { agendaReply, canWrite } from './view';

type Show = (st: MeetingState, v: Viewer, data: z.output<typeof showSubmit>) => CardSpec;

/**
 * Who may see a meeting's agenda: anyone in the förbund's conversations once the kallelse is sent (it is a public
 * document, and already on the channel's card); before that, the agenda writers and the members it invites.
 */
export const maySeeAgenda = (st: MeetingState, v: Viewer) =>
    !!st.meeting.calledAt || canWrite(st, v.person) || (!!v.person && st.inv.members.includes(v.person.id));
const mayEdit = (st: MeetingState, v: Viewer) => canWrite(st, v.person);

function route(app: Application<TurnState>, ad: BotDeps, verb: string, canSee: typeof mayEdit, show: Show) {
    registerView(app, ad, {
        verb,
        schema: showSubmit,
        load: (data) => loadState(ad, data.meetingId),
        canSee,
        render: show,
    });
}

/** Registers the read-only verbs. The refresh answer has no `refresh` itself: teams-ai would then replace the card for all. */
export function registerShow(app: Application<TurnState>, ad: BotDeps): void {
    const view: Show = (st, { lang, person }) => agendaReply(ad, st, { lang, person }).card;
    route(app, ad, 'agenda.view', maySeeAgenda, view);
    route(app, ad, 'agenda.refresh', maySeeAgenda, view);
    route(app, ad, 'agenda.editor', mayEdit, (st, { lang }) => editorCard(st, lang));
    route(app, ad, 'agenda.meeting.form', mayEdit, (st, { lang }) => meetingFormCard(st.f, lang, { st }));
    route(app, ad, 'agenda.justerare.form', mayEdit, (st, { lang }) => justerareFormCard(st, lang));
    route(app, ad, 'agenda.presence.form', mayEdit, (st, { lang }) => presenceFormCard(st, lang));
    route(app, ad, 'agenda.item.form', mayEdit, (st, { lang }, data) => {
        if (data.add) return itemFormCard(st, lang);
        const item = st.items.find((x) => x.id === data.itemId);
        if (item) return itemFormCard(st, lang, item);
        const note = data.itemId
            ? say(
                  lang,
                  'Punkten finns inte längre (den kan ha tagits bort).',
                  'That item no longer exists (it may have been removed).',
              )
            : say(lang, 'Välj en punkt i listan först.', 'Choose an item in the list first.');
        return editorCard(st, lang, note);
    });
}
