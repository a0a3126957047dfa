// Zod schemas for a förbund's goals: målområden, verksamhetsmål, mätpunkter and shared nyckeltal.
import { z } from 'zod';
import { aliases, slug, TARGET_MESSAGE, targetComplete, targetFields } from './schema-common';

export const MalomradeSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    text: z.string().optional(),
    period: z.string().optional(),
    /** The plan's own bullet list of what is done in the area. */
    activities: z.array(z.string()).default([]),
});
export type Malomrade = z.output<typeof MalomradeSchema>;

export const VerksamhetsmalSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    malomradeId: slug.optional(),
    text: z.string().optional(),
});
export type Verksamhetsmal = z.output<typeof VerksamhetsmalSchema>;

/** Thresholds a mätpunkt restates; the loader checks they agree. */
export const THRESHOLD_KEYS = ['ekMaxShareOfAllotted', 'adminMaxShareOfCosts'] as const;

export const MatpunktSchema = z
    .object({
        id: slug,
        text: z.string().min(1),
        aliases,
        ...targetFields,
        verksamhetsmalId: slug.optional(),
        insatsId: slug.optional(),
        threshold: z.enum(THRESHOLD_KEYS).optional(),
    })
    .refine(targetComplete, TARGET_MESSAGE);
export type Matpunkt = z.output<typeof MatpunktSchema>;

export const NyckeltalSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    measure: z.enum(['procent', 'tid']),
    decidedBy: z.string().min(1),
});
export type Nyckeltal = z.output<typeof NyckeltalSchema>;

export const GoalsSchema = z.strictObject({
    malomraden: z.array(MalomradeSchema).default([]),
    verksamhetsmal: z.array(VerksamhetsmalSchema).default([]),
    matpunkter: z.array(MatpunktSchema).default([]),
    nyckeltal: z.array(NyckeltalSchema).default([]),
});
export type Goals = z.output<typeof GoalsSchema>;
