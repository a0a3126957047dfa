// Closing a meeting: § numbers in agenda order, the protokoll (version 1), and justering cards to the justerare.
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { authorize, type Person } from '../../domain/access';
import { formatRef, numberParagraphs } from '../../domain/decisions';
import { registerAction } from '../cards/execute';
import type { Lang } from '../lang';
import { replyActivity, say } from '../reply';
import { refusalCard, refusalText } from '../refusal';
import { meetingForbund, meetingVersion } from '../meeting/keys';
import { meetingIdOf } from '../meeting/state';
import { actionLang, meetingYear } from '../meeting/words';
import { sendJustering, sendToPerson } from './notify';
import { buildProtokoll } from './protokoll-build';
import { protokollReply } from './protokoll-view';
import { closeSubmit } from './schemas';
import { knownClosedState, knownDecisionState, type DecisionState } from './state';
import { nothing } from './words';

/** Whether the meeting can be closed now: by whom, or why not. */
export function closeCheck(
    dd: BotDeps,
    st: DecisionState,
    person: Person | undefined,
    lang: Lang,
): { ok: true; by: Person } | { ok: false; text: string } {
    const access = authorize(person, st.f.id, { kind: 'meeting.close' });
    if (!access.ok) return { ok: false, text: refusalText(lang, access) };
    if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
        return { ok: false, text: nothing(lang, 'Mötet är redan avslutat.', 'The meeting is already closed.') };
    if (dd.now() < st.meeting.startsAt)
        return { ok: false, text: nothing(lang, 'Mötet har inte börjat än.', 'The meeting has not started yet.') };
    if (st.justerare.length !== 2)
        return {
            ok: false,
            text: nothing(
                lang,
                'Välj två justerare först (Redigera → Justerare).',
                'Choose two minute checkers first (Edit → Minute checkers).',
            ),
        };
    const open = st.items.filter((it) => it.kind === 'beslut' && it.proposal && !st.decisions.has(it.id));
    if (open.length)
        return {
            ok: false,
            text: nothing(
                lang,
                `Beslut saknas på ${open.map((it) => `punkt ${it.number} (${it.title})`).join(', ')}. Registrera dem på dagordningen först.`,
                `Decisions are missing on ${open.map((it) => `item ${it.number} (${it.title})`).join(', ')}. Record them on the agenda first.`,
            ),
        };
    return { ok: true, by: access.person };
}

/** Closes the meeting in the caller's transaction; returns the § range, or undefined if it was closed meanwhile. */
export function closeNow(dd: BotDeps, st: DecisionState, by: Person): string | undefined {
    const year = meetingYear(st.meeting.startsAt);
    const numbers = numberParagraphs(
        st.items.map((x) => x.id),
        dd.protokoll.lastNumber(st.f.id, st.body.id, year),
    );
    const ok = dd.protokoll.close(st.meeting, year, numbers, () => buildProtokoll(dd, st, numbers), by.id, by.slug);
    if (!ok) return undefined;
    const ns = [...numbers.values()];
    return ns.length > 1 ? `§ ${ns[0]}–${ns.at(-1)}/${year}` : formatRef(ns[0], year);
}

/** After the commit: the posted agenda is updated, the justerare get their cards, the chef the protokoll. */
export async function afterClose(
    dd: BotDeps,
    agenda: AgendaViews,
    meetingId: number,
    chef: Person,
    lang: Lang,
    ctx: TurnContext,
): Promise<void> {
    const failures = await agenda.refreshPosted(meetingId, lang);
    const missed = await sendJustering(dd, meetingId, 'Protokollet är klart för justering.');
    const st = knownClosedState(dd, meetingId);
    const own = protokollReply(dd, st, lang, chef);
    const inChat = ctx.activity.conversation.conversationType === 'personal';
    if (!inChat && !(await sendToPerson(dd, chef, own)))
        failures.push(
            say(
                lang,
                'Skriv "visa protokollet" till mig i en 1:1-chatt för att se utkastet.',
                'Write "show the minutes" to me in a 1:1 chat to see the draft.',
            ),
        );
    if (missed.length)
        failures.push(
            say(
                lang,
                `Jag kunde inte nå ${missed.join(' och ')} i en 1:1-chatt. Be dem skriva "visa protokollet" till mig för att justera.`,
                `I could not reach ${missed.join(' and ')} in a 1:1 chat. Ask them to write "show the minutes" to me to approve it.`,
            ),
        );
    if (inChat) await ctx.sendActivity(replyActivity(own));
    if (failures.length) await ctx.sendActivity(failures.join('\n'));
}

/** Registers the "Avsluta mötet" button of the agenda card. */
export function registerClose(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    registerAction(app, dd, {
        verb: 'meeting.close',
        schema: closeSubmit,
        version: meetingVersion(dd),
        forbundOf: meetingForbund(dd),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, meetingIdOf(data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const access = authorize(person, st.f.id, { kind: 'meeting.close' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            const check = closeCheck(dd, st, person, lang);
            if (!check.ok) return { refused: agenda.reply(st, { lang, person, note: check.text }).card };
            const by = check.by;
            return () => {
                const range = closeNow(dd, st, by);
                const now = knownDecisionState(dd, st.meeting.id);
                const note = range
                    ? say(
                          lang,
                          `Mötet är avslutat: ${range}. Protokollet går till justerarna.`,
                          `The meeting is closed: ${range}. The minutes go to the minute checkers.`,
                      )
                    : nothing(lang, 'Mötet är redan avslutat.', 'The meeting is already closed.');
                return {
                    card: agenda.reply(now, { lang, person, note }).card,
                    after: range ? (turn) => afterClose(dd, agenda, st.meeting.id, by, lang, turn) : undefined,
                };
            };
        },
    });
}
