// 1:1 messages for justering: the protokoll card to each justerare, and notices to the chef.
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { signers } from '../../domain/protokoll';
import { replyActivity, type Reply } from '../reply';
import { protokollReply } from './protokoll-view';
import { knownClosedState, type DecisionState } from './state';

/** Sends a reply to a person's 1:1 chat; false when they never wrote to the bot or the send failed. */
export async function sendToPerson(dd: BotDeps, p: Person | undefined, reply: Reply): Promise<boolean> {
    const ref = p?.teamsUserId ? dd.refs.get('user', p.teamsUserId) : undefined;
    if (!p || !ref) return false;
    const result = await dd.sender.send(ref, replyActivity(reply));
    if (!result.ok) dd.log.warn('1:1 send failed', { personId: p.id, error: result.error });
    return result.ok;
}

/** Sends the ordförande and each justerare the protokoll card with Justera / Begär ändring; returns the names not reached. */
export async function sendJustering(dd: BotDeps, meetingId: number, intro: string): Promise<string[]> {
    const st = knownClosedState(dd, meetingId);
    const missed: string[] = [];
    for (const j of signers(st.protokoll.data)) {
        const p = st.people.get(j.personId);
        const reply = protokollReply(dd, st, 'sv', p, intro);
        if (!(await sendToPerson(dd, p, { ...reply, text: `${intro}\n\n${reply.text}` }))) missed.push(j.name);
    }
    return missed;
}

/** The people who run the meeting, first the one who created it, then every förbundschef. */
export function chefsOf(st: DecisionState): Person[] {
    const all = [
        st.people.get(st.meeting.createdBy),
        ...[...st.people.values()].filter((p) => p.roles.some((r) => r.role === 'förbundschef')),
    ];
    return all.filter((p, i): p is Person => !!p && all.findIndex((q) => q?.id === p.id) === i);
}

/** Tells the meeting's chef (their 1:1 chat), with the protokoll card for them; logs when nobody is reachable. */
export async function tellChef(dd: BotDeps, meetingId: number, text: string): Promise<void> {
    const st = knownClosedState(dd, meetingId);
    for (const chef of chefsOf(st)) {
        const reply = protokollReply(dd, st, 'sv', chef, text);
        if (await sendToPerson(dd, chef, { ...reply, text: `${text}\n\n${reply.text}` })) return;
    }
    dd.log.warn('nobody to tell about the protokoll', { meetingId, text });
}
