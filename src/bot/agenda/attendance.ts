// "Jag kommer" / "Förhinder" on the agenda card by invited members; a ledamot's förhinder calls their ersättare.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Person } from '../../domain/access';
import { ersattareCalledFor, latestAnswers } from '../../domain/meetings';
import { registerAction } from '../cards/execute';
import { langOfLocale, type Lang } from '../lang';
import { messageCard, replyActivity, say } from '../reply';
import { asInvited } from './access';
import { meetingForbund, meetingVersion } from '../meeting/keys';
import { afterChange } from './item-actions';
import { answerSubmit } from './schemas';
import { knownState, meetingIdOf, type MeetingState } from '../meeting/state';
import { agendaReply } from './view';
import { actionLang, answerLabel, formatWhen, memberLabel } from '../meeting/words';

/**
 * Registers the attendance verb. Answers do not change the meeting version: other members' cards stay valid. A press
 * is an answer: a repeat on an old copy of the card sets that answer again rather than replaying what it said then.
 */
export function registerAttendance(app: Application<TurnState>, ad: BotDeps): void {
    registerAction(app, ad, {
        verb: 'attendance.answer',
        schema: answerSubmit,
        version: meetingVersion(ad),
        forbundOf: meetingForbund(ad),
        answer: true,
        truth: (record, info) => {
            const m = ad.meetings.get(meetingIdOf(record) ?? 0);
            const p = m && ad.identity.known(info.user, m.forbundId);
            const own = p && latestAnswers(ad.meetings.answers(m.id)).get(p.id);
            return `${m?.version}|${own ?? ''}`;
        },
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownState(ad, meetingIdOf(data.key.record));
            const title = say(lang, 'Inget svar sparat', 'No answer saved');
            const who = await asInvited(ctx, ad, info, st, lang);
            if (!who.ok) return { refused: messageCard(title, who.text) };
            if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
                return {
                    refused: messageCard(
                        title,
                        say(
                            lang,
                            'Mötet är avslutat eller inställt. Inget har ändrats.',
                            'The meeting is closed or cancelled. Nothing was changed.',
                        ),
                    ),
                };
            const person = who.person;
            return () => {
                const before = ad.meetings.answer(st.meeting.id, person.id, data.answer);
                const now = knownState(ad, st.meeting.id);
                const note = say(
                    lang,
                    `Ditt svar är sparat: ${answerLabel(data.answer, lang)}.`,
                    `Your answer is saved: ${answerLabel(data.answer, lang)}.`,
                );
                const card = agendaReply(ad, now, { lang, person, note }).card;
                const newlyAway = data.answer === 'förhinder' && before !== 'förhinder';
                const isLedamot = now.inv.groups.some((g) => g.ledamoter.includes(person.id));
                return {
                    card,
                    after: async (turn) => {
                        await afterChange(ad, st.meeting.id, lang)(turn);
                        // Not awaited: retries to an unreachable chat must not hold up the member's card answer.
                        if (newlyAway && isLedamot)
                            void callErsattare(ad, st.meeting.id, person).catch((error: unknown) =>
                                ad.log.error('ersättare notice failed', { error, meetingId: st.meeting.id }),
                            );
                    },
                };
            };
        },
    });
}

/** Tells the ersättare of the ledamot's part, in their 1:1 chat, that they are called to serve; the chef hears of misses. */
export async function callErsattare(ad: BotDeps, meetingId: number, ledamot: Person): Promise<void> {
    const st = knownState(ad, meetingId);
    for (const id of ersattareCalledFor(st.inv, ledamot.id, st.answers)) {
        const p = st.people.get(id);
        if (!p) continue;
        const ref = p.teamsUserId ? ad.refs.get('user', p.teamsUserId) : undefined;
        // In the language of the ersättare's own Teams client.
        const lang = langOfLocale(ref?.locale);
        const when = formatWhen(st.meeting.startsAt, lang);
        const text = say(
            lang,
            `Du kallas att tjänstgöra på mötet (${st.body.name}, ${when}): ${memberLabel(st, ledamot, 'sv')} har anmält förhinder. Svara "${answerLabel('kommer', 'sv')}" eller "${answerLabel('förhinder', 'sv')}" på kortet.`,
            `You are called to serve at the meeting (${st.body.name}, ${when}): ${memberLabel(st, ledamot, 'en')} is unable to attend. Answer "${answerLabel('kommer', 'en')}" or "${answerLabel('förhinder', 'en')}" on the card.`,
        );
        const card = agendaReply(ad, st, { lang, person: p, note: text }).card;
        const result = ref ? await ad.sender.send(ref, replyActivity({ text, card })) : undefined;
        if (result?.ok) continue;
        await tellChef(ad, st, (l) => {
            const at = formatWhen(st.meeting.startsAt, l);
            const why = result
                ? say(
                      l,
                      `meddelandet gick inte fram (${result.error})`,
                      `the message did not get through (${result.error})`,
                  )
                : say(
                      l,
                      `${p.name} har inte skrivit till mig i en 1:1-chatt än, så jag kan inte nå hen`,
                      `${p.name} has not written to me in a 1:1 chat yet, so I cannot reach them`,
                  );
            return say(
                l,
                `Jag kunde inte meddela ${memberLabel(st, p, 'sv')} att hen kallas att tjänstgöra på mötet ${at} i stället för ${ledamot.name}: ${why}. Kontakta ${p.name} direkt, och be hen skriva "vem är jag?" till mig en gång så når jag hen nästa gång.`,
                `I could not tell ${memberLabel(st, p, 'en')} that they are called to serve at the meeting ${at} instead of ${ledamot.name}: ${why}. Contact ${p.name} directly, and ask them to write "who am I?" to me once so that I reach them next time.`,
            );
        });
    }
}

/** Sends a notice to the meeting's creator, else to a förbundschef, in their 1:1 chat; logs when nobody is reachable. */
async function tellChef(ad: BotDeps, st: MeetingState, text: (lang: Lang) => string): Promise<void> {
    const chefs = [
        st.people.get(st.meeting.createdBy),
        ...[...st.people.values()].filter((p) => p.roles.some((r) => r.role === 'förbundschef')),
    ].filter((p, i, all) => p && all.findIndex((q) => q?.id === p.id) === i);
    for (const chef of chefs) {
        const ref = chef?.teamsUserId ? ad.refs.get('user', chef.teamsUserId) : undefined;
        if (ref && (await ad.sender.send(ref, replyActivity({ text: text(langOfLocale(ref.locale)) }))).ok) return;
    }
    ad.log.warn('nobody to tell about an unreachable ersättare', { meetingId: st.meeting.id, text: text('sv') });
}
