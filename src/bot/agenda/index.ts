// Meetings capability: agendas for styrelse, beredningsgrupp and styrgrupper, with attendance, quorum and .ics.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import { registerAttendance } from './attendance';
import { meetingIcs } from './ics';
import { afterChange, registerItemActions } from './item-actions';
import { registerJusterareAndSend } from './justerare-send';
import { registerMeetingActions } from './meeting-actions';
import { registerAgendaRoutes } from './routes';
import { registerPresence } from './presence';
import { registerShow } from './show';
import { refreshPosted } from './publish';
import { agendaReply } from './view';
import type { AgendaViews } from '../meeting/views';

/** Registers the meeting message routes, card actions and the .ics download provider. */
export function registerAgenda(app: Application<TurnState>, deps: BotDeps): void {
    deps.downloads.register('ics', (id) => meetingIcs(deps, id));
    registerAgendaRoutes(app, deps);
    registerItemActions(app, deps);
    registerMeetingActions(app, deps);
    registerJusterareAndSend(app, deps);
    registerAttendance(app, deps);
    registerPresence(app, deps);
    registerShow(app, deps);
}

/** The agenda's cards for the decisions capability, which re-renders the agenda after a decision or a close. */
export function agendaViews(deps: BotDeps): AgendaViews {
    return {
        reply: (st, viewer) => agendaReply(deps, st, viewer),
        refreshPosted: (meetingId, lang) => refreshPosted(deps, meetingId, lang),
        afterChange: (meetingId, lang) => afterChange(deps, meetingId, lang),
    };
}
