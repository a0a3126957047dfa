// Card writes on agenda items: save (add or edit), move up/down and remove; the posted card follows every change.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { insertIndex, isPinned, moveItem } from '../../domain/meetings-agenda';
import { registerEditorAction } from './editor-action';
import type { Lang } from '../lang';
import { say } from '../reply';
import { editorCard } from './editor';
import { itemFormCard } from './form-cards';
import { datedHandlingar, handlingRefusal } from './handlingar';
import { refreshPosted } from './publish';
import { itemSubmit, moveSubmit, parseLinks, removeSubmit } from './schemas';
import { knownState } from '../meeting/state';

/** After a committed change: update the posted card(s) and tell the chef in this conversation if that failed. */
export const afterChange = (ad: BotDeps, meetingId: number, lang: Lang) => async (ctx: TurnContext) => {
    const failures = await refreshPosted(ad, meetingId, lang);
    if (failures.length) await ctx.sendActivity(failures.join('\n'));
};

const gone = (lang: Lang) =>
    say(
        lang,
        'Punkten finns inte längre (den kan ha tagits bort). Inget har ändrats.',
        'That item no longer exists (it may have been removed). Nothing was changed.',
    );
const pick = (lang: Lang) =>
    say(
        lang,
        'Välj en punkt i listan först. Inget har ändrats.',
        'Choose an item in the list first. Nothing was changed.',
    );

/** Registers the item write verbs. */
export function registerItemActions(app: Application<TurnState>, ad: BotDeps): void {
    registerEditorAction(app, ad, {
        verb: 'agenda.item.move',
        schema: moveSubmit,
        prepare: async ({ lang, st, w }, data) => {
            if (!data.itemId) return { refused: editorCard(st, lang, pick(lang)) };
            const move = moveItem(st.items, data.itemId, data.dir);
            if (!move.ok) {
                const why = {
                    'unknown-item': gone(lang),
                    edge: say(
                        lang,
                        'Punkten kan inte flyttas längre åt det hållet.',
                        'The item cannot move further that way.',
                    ),
                    pinned: say(
                        lang,
                        'Mötets öppnande står först och avslutande sist; de flyttas inte.',
                        'The opening stays first and the closing last; they do not move.',
                    ),
                }[move.reason];
                return { refused: editorCard(st, lang, why, data.itemId) };
            }
            return () => {
                ad.meetings.reorder(st.meeting.id, move.order, w.person.slug);
                const now = knownState(ad, st.meeting.id);
                const moved = must(
                    now.items.find((x) => x.id === data.itemId),
                    'the item this turn moved',
                );
                const note = say(lang, `Flyttad till punkt ${moved.number}.`, `Moved to item ${moved.number}.`);
                return { card: editorCard(now, lang, note, data.itemId), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });

    registerEditorAction(app, ad, {
        verb: 'agenda.item.remove',
        schema: removeSubmit,
        prepare: async ({ lang, st, w }, data) => {
            if (!data.itemId) return { refused: editorCard(st, lang, pick(lang)) };
            const item = st.items.find((x) => x.id === data.itemId);
            if (!item) return { refused: editorCard(st, lang, gone(lang)) };
            if (isPinned(item))
                return {
                    refused: editorCard(
                        st,
                        lang,
                        say(lang, 'Öppnande och avslutande tas inte bort.', 'The opening and closing are not removed.'),
                    ),
                };
            return () => {
                ad.meetings.removeItem(st.meeting.id, item.id, w.person.slug);
                const note = say(lang, `"${item.title}" är borttagen.`, `"${item.title}" is removed.`);
                const now = knownState(ad, st.meeting.id);
                return { card: editorCard(now, lang, note), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });

    registerEditorAction(app, ad, {
        verb: 'agenda.item.save',
        schema: itemSubmit,
        prepare: async ({ lang, st, w }, data) => {
            const existing = data.itemId ? st.items.find((x) => x.id === data.itemId) : undefined;
            if (data.itemId && !existing) return { refused: editorCard(st, lang, gone(lang)) };
            const links = parseLinks(data.links);
            if (!links.ok) {
                const note = handlingRefusal(links.line, links.problem, lang);
                return { refused: itemFormCard(st, lang, existing, note, data) };
            }
            const fields = { ...data, links: datedHandlingar(existing?.links ?? [], links.links, ad.now()) };
            return () => {
                const id = existing
                    ? existing.id
                    : ad.meetings.addItem(st.meeting.id, fields, insertIndex(st.items), w.person.slug);
                if (existing) ad.meetings.updateItem(st.meeting.id, existing.id, fields, w.person.slug);
                const now = knownState(ad, st.meeting.id);
                const n = must(
                    now.items.find((x) => x.id === id),
                    'the item this turn wrote',
                ).number;
                const note = say(lang, `Punkt ${n} är sparad.`, `Item ${n} is saved.`);
                return { card: editorCard(now, lang, note, id), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });
}
