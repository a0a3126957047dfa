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

/** Avslutade by outcome in a monthly report (`af`: aktualiserad hos Arbetsförmedlingen; `rehab`: annan arbetslivsinriktad rehabilitering). */
export const REPORT_OUTCOMES = ['arbete', 'studier', 'af', 'rehab', 'ovrigt'] as const;

/**
 * How a nyckeltal is computed from the insatser's monthly reports: the share of avslutade with one of the outcomes,
 * or the average of a day count the reports carry (`dagar` in the insats, `dagarFore` before it).
 */
export const NyckeltalReportSchema = z.union([
    z.strictObject({ share: z.array(z.enum(REPORT_OUTCOMES)).min(1) }),
    z.strictObject({ meanDays: z.enum(['dagar', 'dagarFore']) }),
]);

export const NyckeltalSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    measure: z.enum(['procent', 'tid']),
    decidedBy: z.string().min(1),
    /** What the figure means, in the words of the decision or the plan. */
    definition: z.string().min(1).optional(),
    /** The report fields that compute it; a nyckeltal without one is only named, never computed. */
    report: NyckeltalReportSchema.optional(),
});
export type Nyckeltal = z.output<typeof NyckeltalSchema>;

export const GoalsSchema = z.strictObject({
    malomraden: z.array(MalomradeSchema).default([]),
    verksamhetsmal: z.array(VerksamhetsmalSchema).default([]),
    matpunkter: z.array(MatpunktSchema).default([]),
    nyckeltal: z.array(NyckeltalSchema).default([]),
    /** The heading the nyckeltal are shown under ("Gemensamma nyckeltal …"). */
    nyckeltalTitle: z.string().min(1).optional(),
});
export type Goals = z.output<typeof GoalsSchema>;
