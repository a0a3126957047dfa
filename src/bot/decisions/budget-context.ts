// The Q&A's answer context from the register: a budget year is fastställd once a justerat decision says so.
import type { QaContext } from '../qa/qa';
import type { BotDeps } from '../deps';
import { budgetStatusFromRegister } from './register';
import { decisionDeps } from './state';

/** `registerQa(app, deps, decisionContext(deps))`: budget status per year from justerat decisions. */
export function decisionContext(deps: BotDeps): QaContext {
    const dd = decisionDeps(deps);
    return (f) => ({ budgetStatus: (year) => budgetStatusFromRegister(dd, f.id, year) });
}
