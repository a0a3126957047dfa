// What the register settles: a budget year is fastställd once a justerat decision says so; a protokoll once justerat.
import type { Forbund } from '../../domain';
import type { AnswerContext } from '../../qa';
import type { BotDeps } from '../deps';
import { budgetDecisionFromRegister, budgetStatusFromRegister } from './register';
import type { DoneBy } from '../../scheduler/reminder-plan';
import { loadDecisionState } from './state';

/** `registerQa(app, deps, decisionContext(deps))`: budget status per year, and its §, from justerat decisions. */
export function decisionContext(deps: BotDeps): (f: Forbund) => AnswerContext {
    return (f) => ({
        budgetStatus: (year) => budgetStatusFromRegister(deps, f.id, year),
        budgetDecision: (year) => budgetDecisionFromRegister(deps, f.id, year),
    });
}

/**
 * When a deadline is settled by the register: the budget deadline once next year's budget is fastställd by a
 * justerat decision, and "protokoll justerat" once both justerare have justerat that meeting's protokoll.
 */
export function deadlineDoneBy(deps: BotDeps): DoneBy {
    const budget = decisionContext(deps);
    return (f, d) => {
        if (d.kind === 'budget') return budget(f).budgetStatus?.((d.subject?.year ?? 0) + 1) === 'fastställd';
        if (d.kind === 'protokoll' && d.subject?.meetingId !== undefined) {
            return loadDecisionState(deps, d.subject.meetingId)?.justering?.status === 'justerat';
        }
        return false;
    };
}
