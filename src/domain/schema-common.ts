// Zod building blocks shared by the förbund schemas: ids, aliases and measurable targets.
import { z } from 'zod';

/** Lower-case ASCII id, e.g. "min-kommun" or "region-exempel". */
export const slug = z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'förväntade en id som "min-kommun" eller "region-exempel"');
/** Other words users may use for a thing; the chat matches name + aliases. */
export const aliases = z.array(z.string().min(1)).default([]);

export const COMPARATORS = ['>=', '<=', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const TARGET_UNITS = ['antal', 'procent'] as const;

/** A measurable target; the plan's own words only, no comparator/target where the plan sets none. */
export const targetFields = {
    comparator: z.enum(COMPARATORS).optional(),
    target: z.number().optional(),
    unit: z.enum(TARGET_UNITS).optional(),
    /** What is counted, for display: "deltagare", "kompetensutbildningsinsatser". */
    noun: z.string().optional(),
    period: z.string().optional(),
};

/** comparator and target come together, and a target needs a unit. */
export function targetComplete(t: { comparator?: string; target?: number; unit?: string }): boolean {
    return (t.comparator === undefined) === (t.target === undefined) && (t.target === undefined || !!t.unit);
}
export const TARGET_MESSAGE = 'comparator, target och unit anges tillsammans';
