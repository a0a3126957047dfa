// Read-only protokoll buttons: the protokoll card and the chef's edit form (only after a change request).
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { CardSpec } from '../../cards/render';
import { registerView } from '../cards/view';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { editCard } from './protokoll-edit';
import { mayEditText, maySeeProtokoll, protokollReply } from './protokoll-view';
import { showSubmit } from './schemas';
import { isClosed, loadDecisionState, type ClosedState } from './state';

/** Registers "protokoll.view" and "protokoll.edit.form": the draft only for the chef, the chair and the justerare. */
export function registerProtokollShow(app: Application<TurnState>, dd: BotDeps): void {
    const show = (verb: string, render: (st: ClosedState, lang: Lang, editable: boolean) => CardSpec) =>
        registerView(app, dd, {
            verb,
            schema: showSubmit,
            load: (data) => {
                const st = data.meetingId ? loadDecisionState(dd, data.meetingId) : undefined;
                return st && isClosed(st) ? st : undefined;
            },
            canSee: (st, v) => maySeeProtokoll(st, v.person),
            render: (st, v) => render(st, v.lang, mayEditText(st, v.person)),
        });
    show('protokoll.view', (st, lang) => protokollReply(dd, st, lang).card);
    show('protokoll.edit.form', (st, lang, editable) =>
        editable
            ? editCard(st, lang)
            : messageCard(
                  say(lang, 'Kan inte ändras', 'Cannot be edited'),
                  say(
                      lang,
                      'Protokollet ändras bara efter en begäran om ändring, och aldrig när det är justerat.',
                      'The minutes are edited only after a change request, and never once approved.',
                  ),
              ),
    );
}
