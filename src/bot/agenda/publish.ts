// Posts the kallelse card to the body's channel and keeps every posted card up to date (PUT, never re-posted).
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import type { Lang } from '../lang';
import { replyActivity, say } from '../reply';
import { loadState, type MeetingState } from '../meeting/state';
import { agendaReply } from './view';
import { formatWhen } from '../meeting/words';

/** A value, never thrown: what happened when posting, in the chef's language. */
export type Published = { ok: boolean; text: string };

/** Re-renders the posted card(s) of a meeting and updates them in place; returns failures as sentences. */
export async function refreshPosted(ad: BotDeps, meetingId: number, lang: Lang): Promise<string[]> {
    const st = loadState(ad, meetingId);
    if (!st) return [];
    const activity = replyActivity(agendaReply(ad, st, { lang: 'sv', posted: true }));
    const failures: string[] = [];
    for (const card of st.cards) {
        const ref = ad.refs.get('conversation', card.conversationId);
        const result = ref
            ? await ad.sender.update(ref, card.activityId, activity)
            : { ok: false as const, error: 'no stored conversation reference' };
        if (!result.ok) {
            ad.log.warn('agenda card update failed', { meetingId, error: result.error });
            failures.push(
                say(
                    lang,
                    `Kortet i kanalen kunde inte uppdateras (${result.error}). Ändringen är sparad; skriv "skicka kallelse" för att försöka igen.`,
                    `The card in the channel could not be updated (${result.error}). The change is saved; write "send notice" to try again.`,
                ),
            );
        }
    }
    return failures;
}

/** Posts the kallelse to the body's linked channel, or updates it there when it was posted before. */
export async function sendKallelse(ad: BotDeps, st: MeetingState, actor: Person, lang: Lang): Promise<Published> {
    const { f, body, meeting } = st;
    const channel = ad.links.channelOf(f.id, body.id);
    const ref = channel ? ad.refs.get('conversation', channel) : undefined;
    if (!channel || !ref) {
        return {
            ok: false,
            text: say(
                lang,
                `${body.name} har ingen kopplad kanal än. Skriv "koppla kanalen till ${body.name.toLowerCase()}" i den kanal där kallelsen ska synas och försök sedan igen. Inget har skickats.`,
                `${body.name} has no linked channel yet. Write "link this channel to ${body.name.toLowerCase()}" in the channel where the notice belongs, then try again. Nothing was sent.`,
            ),
        };
    }
    if (st.cards.some((c) => c.conversationId === channel)) {
        const failures = await refreshPosted(ad, meeting.id, lang);
        return failures.length
            ? { ok: false, text: failures.join('\n') }
            : {
                  ok: true,
                  text: say(
                      lang,
                      'Kallelsen finns redan i kanalen; kortet där är uppdaterat.',
                      'The notice is already in the channel; the card there is updated.',
                  ),
              };
    }
    // Rendered as called before the send; recorded only once the connector accepted it.
    const called = { ...st, meeting: { ...meeting, status: 'kallad' as const, calledAt: ad.now() } };
    const result = await ad.sender.send(ref, replyActivity(agendaReply(ad, called, { lang: 'sv', posted: true })));
    if (!result.ok || !result.activityId) {
        ad.log.warn('kallelse not posted', { meetingId: meeting.id, error: result.ok ? 'no id' : result.error });
        return {
            ok: false,
            text: say(
                lang,
                `Kallelsen kunde inte postas i kanalen (${result.ok ? 'inget aktivitets-id' : result.error}). Inget har ändrats; försök igen om en stund.`,
                `The notice could not be posted in the channel (${result.ok ? 'no activity id' : result.error}). Nothing changed; try again in a while.`,
            ),
        };
    }
    ad.transaction(() => {
        ad.meetings.markCalled(meeting.id, actor.slug);
        ad.meetings.recordCard(meeting.id, channel, must(result.activityId, "the posted card's activity id"), actor.id);
    });
    return {
        ok: true,
        text: say(
            lang,
            `Kallelsen till mötet (${body.name}, ${formatWhen(meeting.startsAt, lang)}) är postad i kanalen. Ändringar i dagordningen uppdaterar kortet där.`,
            `The notice for the meeting (${body.name}, ${formatWhen(meeting.startsAt, lang)}) is posted in the channel. Agenda changes update the card there.`,
        ),
    };
}
