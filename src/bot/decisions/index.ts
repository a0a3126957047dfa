// Decisions capability: beslut from the agenda, closing with § numbers, protokoll, justering, per capsulam, register.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import { registerClose } from './close';
import { protokollProvider } from './documents';
import { registerJustering } from './justering';
import { registerPerCapsulam } from './per-capsulam';
import { registerProtokollEdit } from './protokoll-edit';
import { registerProtokollShow } from './protokoll-show';
import { registerRecord } from './record';
import { registerDecisionRoutes } from './routes';
import { registerVotering } from './votering';

export { decisionContext, deadlineDoneBy } from './budget-context';

/** Registers the decision routes, card actions and the 'protokoll' download provider. */
export function registerDecisions(app: Application<TurnState>, deps: BotDeps, agenda: AgendaViews): void {
    deps.downloads.register('protokoll', protokollProvider(deps));
    registerDecisionRoutes(app, deps, agenda);
    registerRecord(app, deps, agenda);
    registerVotering(app, deps, agenda);
    registerClose(app, deps, agenda);
    registerJustering(app, deps);
    registerProtokollEdit(app, deps);
    registerProtokollShow(app, deps);
    registerPerCapsulam(app, deps, agenda);
}
