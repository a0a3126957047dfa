// Loads everything a meeting card is built from (meeting, items, invitation, answers, quorum) from the rows.
import type { Person } from '../../domain/access';
import { invitation, latestAnswers, quorum, type Answer, type Invitation, type Quorum } from '../../domain/meetings';
import type { PresenceChange } from '../../domain/meeting-presence';
import type { Body, Forbund } from '../../domain';
import type { Meeting } from '../../storage/meetings';
import type { AgendaItem } from '../../storage/meeting-items';
import type { BotDeps } from '../deps';

export type MeetingState = {
    f: Forbund;
    body: Body;
    meeting: Meeting;
    items: AgendaItem[];
    people: Map<number, Person>;
    inv: Invitation;
    answers: Map<number, Answer>;
    quorum: Quorum;
    justerare: number[];
    /** Members arriving late, leaving early or coming back, by agenda number, in the order recorded. */
    presence: PresenceChange[];
    /** Conversations where the kallelse card was posted. */
    cards: { conversationId: string; activityId: string }[];
};

/** The current state of a meeting; undefined when the meeting, its förbund or its body is unknown. */
export function loadState(ad: BotDeps, meetingId: number): MeetingState | undefined {
    const meeting = ad.meetings.get(meetingId);
    if (!meeting) return undefined;
    const f = ad.forbund.get(meeting.forbundId);
    const body = f?.bodies.find((b) => b.id === meeting.bodyId);
    if (!f || !body) return undefined;
    // The people who serve on the meeting day: an old protokoll keeps the members of its time.
    const roster = ad.roster.list(f.id, meeting.startsAt);
    const inv = invitation(f, body, roster);
    const answers = latestAnswers(ad.meetings.answers(meetingId));
    const items = ad.meetings.items(meetingId);
    // A change at an item removed from the agenda later no longer places the person anywhere.
    const presence = ad.meetings.presence(meetingId).flatMap((p) => {
        const at = items.find((it) => it.id === p.itemId)?.number;
        return at === undefined ? [] : [{ personId: p.personId, change: p.change, at }];
    });
    return {
        f,
        body,
        meeting,
        items,
        people: new Map(roster.map((p) => [p.id, p])),
        inv,
        answers,
        quorum: quorum(inv, answers),
        justerare: ad.meetings.justerare(meetingId),
        presence,
        cards: ad.meetings.cards(meetingId),
    };
}

/** The meeting id in an action key's record (`meeting:<id>`), or undefined. */
export function meetingIdOf(record: string): number | undefined {
    const m = /^meeting:(\d{1,12})$/.exec(record);
    return m ? Number(m[1]) : undefined;
}

/** The state of a meeting known to exist (a card's version check found it, or this turn just wrote it). */
export function knownState(ad: BotDeps, meetingId: number | undefined): MeetingState {
    const st = meetingId === undefined ? undefined : loadState(ad, meetingId);
    if (!st) throw new Error(`meeting ${meetingId} is not there although this turn found it`);
    return st;
}
