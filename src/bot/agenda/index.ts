// Meetings capability: agendas for styrelse, beredningsgrupp and styrgrupper, with attendance, quorum and .ics.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import { registerAttendance } from './attendance';
import { meetingIcs } from './ics';
import { registerItemActions } from './item-actions';
import { registerJusterareAndSend } from './justerare-send';
import { registerMeetingActions } from './meeting-actions';
import { registerAgendaRoutes } from './routes';
import { registerShow } from './show';
import { agendaDeps } from './state';

/** Registers the meeting message routes, card actions and the .ics download provider. */
export function registerAgenda(app: Application<TurnState>, deps: BotDeps): void {
    const ad = agendaDeps(deps);
    deps.downloads.register('ics', (id) => meetingIcs(ad, id));
    registerAgendaRoutes(app, ad);
    registerItemActions(app, ad);
    registerMeetingActions(app, ad);
    registerJusterareAndSend(app, ad);
    registerAttendance(app, ad);
    registerShow(app, ad);
}
