// Everything the decision cards are built from: the meeting state plus decisions, § numbers, protokoll and justering.
import { justeringState, type JusteringState } from '../../domain/decision-justering';
import { createPerCapsulam, type PerCapsulamRepo } from '../../storage/decision-per-capsulam';
import { createProtokoll, type ProtokollRepo, type ProtokollVersion } from '../../storage/decision-protokoll';
import { createDecisions, type Decision, type Decisions } from '../../storage/decisions';
import { agendaDeps, loadState, type AgendaDeps, type MeetingState } from '../agenda/state';
import type { BotDeps } from '../deps';

/** The agenda dependencies plus the decision repositories, built over the shared db. */
export type DecisionDeps = AgendaDeps & {
    decisions: Decisions;
    protokoll: ProtokollRepo;
    perCapsulam: PerCapsulamRepo;
};

/** Adds the decision repositories (and the meetings repository) to the bot's dependencies. */
export function decisionDeps(deps: BotDeps | AgendaDeps): DecisionDeps {
    const ad = 'meetings' in deps ? deps : agendaDeps(deps);
    return {
        ...ad,
        decisions: createDecisions(ad.db, ad.now),
        protokoll: createProtokoll(ad.db, ad.now),
        perCapsulam: createPerCapsulam(ad.db, ad.now),
    };
}

export type DecisionState = MeetingState & {
    decisions: Map<number, Decision>;
    paragraphs: Map<number, number>;
    /** The latest protokoll version, once the meeting is closed. */
    protokoll?: ProtokollVersion;
    justering?: JusteringState;
};

/** The meeting with its decisions and (once closed) its protokoll and justering state; undefined when unknown. */
export function loadDecisionState(dd: DecisionDeps, meetingId: number): DecisionState | undefined {
    const st = loadState(dd, meetingId);
    if (!st) return undefined;
    const protokoll = dd.protokoll.latest(meetingId);
    const justering =
        protokoll &&
        justeringState(
            protokoll.data.justerare.map((j) => j.personId),
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
