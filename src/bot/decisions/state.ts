// Everything the decision cards are built from: the meeting state plus decisions, § numbers, protokoll and justering.
import { quorumAt } from '../../domain/meeting-presence';
import type { Quorum } from '../../domain/meetings';
import { justeringState, type JusteringState } from '../../domain/decision-justering';
import { signers } from '../../domain/protokoll';
import type { ProtokollVersion } from '../../storage/decision-protokoll';
import type { Decision } from '../../storage/decisions';
import { loadState, type MeetingState } from '../meeting/state';
import type { BotDeps } from '../deps';
import { InvariantError } from '../../domain/must';

export type DecisionState = MeetingState & {
    decisions: Map<number, Decision>;
    paragraphs: Map<number, number>;
    /** The latest protokoll version, once the meeting is closed. */
    protokoll?: ProtokollVersion;
    justering?: JusteringState;
};

/** A closed meeting: its protokoll and justering state are there. */
export type ClosedState = DecisionState & { protokoll: ProtokollVersion; justering: JusteringState };

export const isClosed = (st: DecisionState): st is ClosedState => !!st.protokoll && !!st.justering;

/** The meeting with its decisions and (once closed) its protokoll and justering state; undefined when unknown. */
export function loadDecisionState(dd: BotDeps, meetingId: number): DecisionState | undefined {
    const st = loadState(dd, meetingId);
    if (!st) return undefined;
    const protokoll = dd.protokoll.latest(meetingId);
    const justering =
        protokoll &&
        justeringState(
            signers(protokoll.data).map((j) => j.personId),
            protokoll.version,
            dd.protokoll.events(meetingId),
        );
    return {
        ...st,
        decisions: dd.decisions.forMeeting(meetingId),
        paragraphs: dd.protokoll.paragraphs(meetingId),
        protokoll,
        justering,
    };
}

/** The meeting id in a `decide:<id>` or `protokoll:<id>` action key record. */
export function recordId(prefix: string, record: string): number | undefined {
    const m = new RegExp(`^${prefix}:(\\d{1,12})$`).exec(record);
    return m ? Number(m[1]) : undefined;
}

/** The decision state of a meeting known to exist (a card's version check found it, or this turn just wrote it). */
export function knownDecisionState(dd: BotDeps, meetingId: number | undefined): DecisionState {
    const st = meetingId === undefined ? undefined : loadDecisionState(dd, meetingId);
    if (!st) throw new Error(`meeting ${meetingId} is not there although this turn found it`);
    return st;
}

/** The state of a meeting whose protokoll a card's key or this turn's close names: only closing makes a protokoll. */
export function knownClosedState(dd: BotDeps, meetingId: number | undefined): ClosedState {
    const st = knownDecisionState(dd, meetingId);
    if (!isClosed(st)) throw new InvariantError(`Invariant broken: meeting ${meetingId} has no protokoll`);
    return st;
}

/** Quorum at one agenda item: närvaro per §, the body's rule on returns and (for a decision) who has jäv in it. */
export const quorumAtItem = (st: MeetingState, itemNumber: number, jav: readonly number[] = []): Quorum =>
    quorumAt(st.inv, st.answers, st.presence, itemNumber, jav, st.body.meetingRules?.returnAfterLeaving);
