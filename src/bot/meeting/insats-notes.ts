// The styrgrupper's minnesanteckningar a styrelse meeting hears under "Rapporter från insatser".
import type { Meeting } from '../../storage/meetings';
import type { BotDeps } from '../deps';
import type { MeetingState } from './state';

export type InsatsNotes = { meetingId: number; body: string; startsAt: Date };

/**
 * Minnesanteckningar of the förbund's styrgrupper from meetings held since the styrelse's previous closed meeting
 * (all earlier ones for its first), oldest first; only for the styrelse.
 */
export function insatsNotes(dd: BotDeps, st: MeetingState): InsatsNotes[] {
    if (st.body.kind !== 'styrelse') return [];
    const before = (m?: Date): m is Date => !!m && m < st.meeting.startsAt;
    // Closed meetings come newest first: the first one before this meeting is the previous one.
    let previous: Date | undefined;
    for (const id of dd.protokoll.closedMeetings(st.f.id, st.body.id)) {
        const at = dd.meetings.get(id)?.startsAt;
        if (before(at)) {
            previous = at;
            break;
        }
    }
    const out: InsatsNotes[] = [];
    for (const b of st.f.bodies.filter((x) => x.kind === 'styrgrupp'))
        for (const id of dd.protokoll.closedMeetings(st.f.id, b.id)) {
            const m: Meeting | undefined = dd.meetings.get(id);
            if (!m || !before(m.startsAt)) continue;
            if (previous && m.startsAt <= previous) break;
            if (dd.protokoll.latest(id)?.data.notes) out.push({ meetingId: id, body: b.name, startsAt: m.startsAt });
        }
    return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
