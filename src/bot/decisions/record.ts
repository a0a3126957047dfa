// Recording a decision from the agenda card (one click) or the decision form; the posted agenda follows.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { authorize } from '../../domain/access';
import { registerAction } from '../cards/execute';
import { registerView } from '../cards/view';
import { say } from '../reply';
import { refusalCard, refusalText } from '../refusal';
import { meetingForbund } from '../meeting/keys';
import { actionLang, mayDecide } from '../meeting/words';
import { decisionFormCard } from './decision-form';
import { alreadyRecorded, checkDecision } from './record-check';
import { checkUppdrag } from './uppdrag-check';
import { decisionSubmit, showSubmit } from './schemas';
import { knownDecisionState, loadDecisionState, recordId } from './state';
import { nothing } from './words';

/** Registers "decision.form" (shows the form) and "decision.record" (writes once per click, first writer wins). */
export function registerRecord(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    registerView(app, dd, {
        verb: 'decision.form',
        schema: showSubmit,
        load: (data) => {
            const st = data.meetingId ? loadDecisionState(dd, data.meetingId) : undefined;
            const item = st?.items.find((x) => x.id === data.itemId);
            return st && item && { f: st.f, st, item };
        },
        canSee: ({ st }, v) => mayDecide(st, v.person),
        render: ({ st, item }, { lang }) => decisionFormCard(st, item, st.decisions.get(item.id), lang),
    });

    registerAction(app, dd, {
        verb: 'decision.record',
        schema: decisionSubmit,
        version: (record) => {
            const id = recordId('decide', record);
            return id !== undefined && dd.meetings.get(id) ? 1 : undefined;
        },
        forbundOf: meetingForbund(dd, 'decide'),
        // The key's version never moves (first writer wins by `expect`): the item's decision is what a result claims.
        truth: (_record, _info, data) => dd.decisions.itemVersion(data.itemId),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, recordId('decide', data.key.record));
            const item = st.items.find((x) => x.id === data.itemId);
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const agendaCard = (note: string) => agenda.reply(st, { lang, person, note }).card;
            const refuse = (note: string) => ({
                refused:
                    data.from === 'form' && item
                        ? decisionFormCard(st, item, st.decisions.get(item.id), lang, note, data)
                        : agendaCard(note),
            });
            const access = authorize(person, st.f.id, { kind: 'decision.record' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            if (!item) return refuse(nothing(lang, 'Punkten finns inte längre.', 'That item no longer exists.'));
            const current = st.decisions.get(item.id);
            if ((current?.version ?? 0) !== data.expect)
                return refuse(alreadyRecorded(st, item, must(current, 'the decision the card saw').recordedBy, lang));
            const checked = checkDecision(dd, st, item, data, lang);
            if (!checked.ok) return refuse(checked.note);
            const given = checkUppdrag(st, data, lang);
            if (!given.ok) return refuse(given.note);
            return () => {
                const saved = dd.decisions.record(
                    {
                        meetingId: st.meeting.id,
                        itemId: item.id,
                        outcome: data.outcome,
                        text: checked.text,
                        note: data.note,
                        amends: checked.amends,
                        jav: data.jav,
                        reservationer: data.reservationer,
                        recordedBy: access.person.id,
                    },
                    data.expect,
                    st.f.id,
                    access.person.slug,
                );
                const u = given.uppdrag;
                if (saved.ok && u)
                    dd.uppdrag.add(
                        {
                            forbundId: st.f.id,
                            bodyId: st.body.id,
                            meetingId: st.meeting.id,
                            itemId: item.id,
                            decisionId: saved.decision.id,
                            ...u,
                            createdBy: access.person.id,
                        },
                        access.person.slug,
                    );
                const now = knownDecisionState(dd, st.meeting.id);
                if (!saved.ok)
                    return {
                        card: agenda.reply(now, {
                            lang,
                            person,
                            note: alreadyRecorded(now, item, saved.current.recordedBy, lang),
                        }).card,
                    };
                const givenLine = u
                    ? say(lang, ` Uppdrag: ${u.what} (senast ${u.due}).`, ` Assignment: ${u.what} (due ${u.due}).`)
                    : '';
                const note = say(
                    lang,
                    `Beslutet på punkt ${item.number} är registrerat: ${checked.text}${givenLine}`,
                    `The decision on item ${item.number} is recorded: ${checked.text}${givenLine}`,
                );
                return {
                    card: agenda.reply(now, { lang, person, note }).card,
                    after: agenda.afterChange(st.meeting.id, lang),
                };
            };
        },
    });
}
