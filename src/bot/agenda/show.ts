// Card buttons that only show something: the editor, the forms, the agenda, and Universal Actions refresh.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { Person } from '../../domain/access';
import { expandCard, type CardSpec } from '../../cards/render';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { turnInfo } from '../turn';
import { asWriter } from './access';
import { editorCard } from './editor';
import { itemFormCard, justerareFormCard, meetingFormCard } from './form-cards';
import { showSubmit } from './schemas';
import { loadState, type AgendaDeps, type MeetingState } from './state';
import { agendaReply } from './view';
import { actionLang } from './words';

type Show = (st: MeetingState, lang: Lang, data: z.output<typeof showSubmit>, person?: Person) => CardSpec;

function route(app: Application<TurnState>, ad: AgendaDeps, verb: string, writer: boolean, show: Show) {
    app.adaptiveCards.actionExecute(verb, async (ctx: TurnContext, _state, raw) => {
        const info = turnInfo(ctx, ad);
        const parsed = showSubmit.safeParse(raw);
        const lang = actionLang(ctx, info, parsed.success ? parsed.data : {});
        const fail = (text: string) =>
            expandCard(messageCard(say(lang, 'Kunde inte visas', 'Could not be shown'), text)) as never;
        if (!parsed.success)
            return fail(
                say(
                    lang,
                    'Kortets svar kunde inte läsas. Inget har ändrats.',
                    'The card answer could not be read. Nothing was changed.',
                ),
            );
        const st = loadState(ad, parsed.data.meetingId);
        if (!st) return fail(say(lang, 'Mötet finns inte längre.', 'The meeting no longer exists.'));
        if (writer) {
            const w = await asWriter(ctx, ad, info, st.f.id, lang);
            if (!w.ok) return fail(w.text);
            return expandCard(show(st, lang, parsed.data, w.person)) as never;
        }
        const person = await ad.identity.resolve(ctx, info.user, st.f.id);
        return expandCard(show(st, lang, parsed.data, person)) as never;
    });
}

/** Registers the read-only verbs. The refresh answer has no `refresh` itself: teams-ai would then replace the card for all. */
export function registerShow(app: Application<TurnState>, ad: AgendaDeps): void {
    const view: Show = (st, lang, _d, person) => agendaReply(ad, st, { lang, person }).card!;
    route(app, ad, 'agenda.view', false, view);
    route(app, ad, 'agenda.refresh', false, view);
    route(app, ad, 'agenda.editor', true, (st, lang) => editorCard(st, lang));
    route(app, ad, 'agenda.meeting.form', true, (st, lang) => meetingFormCard(st.f, lang, { st }));
    route(app, ad, 'agenda.justerare.form', true, (st, lang) => justerareFormCard(st, lang));
    route(app, ad, 'agenda.item.form', true, (st, lang, data) => {
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
