// The bot's status rule for follow-up (not the plan's) and which of the plan's targets applies to a year.
import { z } from 'zod';
import type { Comparator, Forbund } from './schema';

/** The bot's own status rule (not the plan's): thresholds on actual ÷ pro-rata target, and the gender band. */
export const FollowUpRulesSchema = z.strictObject({
    achieved: z.number().positive().default(1),
    onTrack: z.number().positive().default(0.8),
    genderBand: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.4, 0.6]),
});
export type FollowUpRules = z.output<typeof FollowUpRulesSchema>;
export const DEFAULT_RULES: FollowUpRules = FollowUpRulesSchema.parse({});

export type Status = 'uppnått' | 'på väg' | 'risk';
/** A target as the follow-up applies it; `expected` is the pro-rata target for counts, the target itself for shares. */
export type TargetSpec = {
    source: string;
    comparator: Comparator;
    target: number;
    unit: 'antal' | 'procent';
    /** What is counted ("deltagare"), for display. */
    noun?: string;
    period?: string;
    expected: number;
};
/** A figure checked against a target. */
export type TargetCheck = TargetSpec & { actual: number; status: Status };
/** The status of `actual` against `expected` under the bot's rule. */
export function statusOf(actual: number, expected: number, comparator: Comparator, rules: FollowUpRules): Status {
    if (comparator === '<=') return actual <= expected ? 'uppnått' : 'risk';
    if (expected <= 0) return 'uppnått';
    const r = actual / expected;
    return r >= rules.achieved ? 'uppnått' : r >= rules.onTrack ? 'på väg' : 'risk';
}

const applies = (period: string | undefined, year: number) =>
    period === undefined || /per år/i.test(period) || period.includes(String(year));

/** The insats's mätpunkt with a numeric target of `unit` that applies to `year` (no period, "per år" or that year). */
export function yearTarget(f: Forbund, insatsId: string, year: number, unit: 'antal' | 'procent') {
    return f.goals.matpunkter.find(
        (m) =>
            m.insatsId === insatsId &&
            m.unit === unit &&
            m.comparator !== undefined &&
            m.target !== undefined &&
            applies(m.period, year),
    );
}

/** The insats's numeric targets the plan sets for another period than `year` (shown as "not set for this year"). */
export function targetsForOtherYears(f: Forbund, insatsId: string, year: number) {
    return f.goals.matpunkter.filter(
        (m) => m.insatsId === insatsId && m.target !== undefined && !applies(m.period, year),
    );
}
