// Read-only protokoll buttons: the protokoll card and the chef's edit form (only after a change request).
import type { Application, TurnState } from '@microsoft/teams-ai';
import { expandCard, type CardSpec } from '../../cards/render';
import { mayEdit } from '../../domain/decision-justering';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { turnInfo } from '../turn';
import { actionLang } from '../agenda/words';
import { editCard } from './protokoll-edit';
import { maySeeProtokoll, protokollReply } from './protokoll-view';
import { showSubmit } from './schemas';
import { loadDecisionState, type DecisionDeps, type DecisionState } from './state';
import { mayDecide } from './words';

/** Registers "protokoll.view" and "protokoll.edit.form". */
export function registerProtokollShow(app: Application<TurnState>, dd: DecisionDeps): void {
    const show = (verb: string, render: (st: DecisionState, lang: Lang, ok: boolean) => CardSpec) =>
        app.adaptiveCards.actionExecute(verb, async (ctx, _s, raw) => {
            const info = turnInfo(ctx, dd);
            const data = showSubmit.safeParse(raw);
            const lang = actionLang(ctx, info, data.success ? data.data : {});
            const st = data.success && data.data.meetingId ? loadDecisionState(dd, data.data.meetingId) : undefined;
            const person = st && (await dd.identity.resolve(ctx, info.user, st.f.id));
            const title = say(lang, 'Kunde inte visas', 'Could not be shown');
            if (!st?.protokoll)
                return expandCard(
                    messageCard(title, say(lang, 'Det finns inget protokoll.', 'There are no minutes.')),
                ) as never;
            if (!maySeeProtokoll(st, person))
                return expandCard(
                    messageCard(
                        title,
                        say(
                            lang,
                            'Protokollet är inte justerat än; utkastet visas för förbundschefen, ordföranden och justerarna.',
                            'The minutes are not approved yet; the draft is shown to the förbundschef, the chair and the minute checkers.',
                        ),
                    ),
                ) as never;
            return expandCard(render(st, lang, mayDecide(st, person) && mayEdit(st.justering!))) as never;
        });
    show('protokoll.view', (st, lang) => protokollReply(dd, st, lang).card!);
    show('protokoll.edit.form', (st, lang, ok) =>
        ok
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
