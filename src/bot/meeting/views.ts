// What the decisions capability needs from the agenda's cards. The application passes the agenda's implementation
// in (`registerDecisions(app, deps, agendaViews(deps))`), so decisions never imports the agenda capability.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/access';
import type { Lang } from '../lang';
import type { CardReply } from '../reply';
import type { MeetingState } from './state';

/** Who the agenda card is made for: a person's own view, or the posted card everyone sees. */
export type AgendaViewer = { lang: Lang; person?: Person; posted?: boolean; note?: string };

export type AgendaViews = {
    /** The agenda card and its chat text for one viewer. */
    reply(st: MeetingState, viewer: AgendaViewer): CardReply;
    /** Updates every posted copy of the meeting's agenda card; the lines say which could not be updated. */
    refreshPosted(meetingId: number, lang: Lang): Promise<string[]>;
    /** Runs after a committed change: refreshes the posted cards and tells this conversation if that failed. */
    afterChange(meetingId: number, lang: Lang): (ctx: TurnContext) => Promise<void>;
};
