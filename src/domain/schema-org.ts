// Zod schemas for a förbund's organisation: parter, meeting bodies, insatser and the sample roster.
import { z } from 'zod';
import { aliases, slug, TARGET_MESSAGE, targetComplete, targetFields } from './schema-common';

export const PART_KINDS = ['stat', 'region', 'kommun'] as const;
export type PartKind = (typeof PART_KINDS)[number];

export const PartSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    kind: z.enum(PART_KINDS),
    aliases,
    /** Försäkringskassan pays the whole state share, Arbetsförmedlingen's included. */
    paysStateShare: z.boolean().default(false),
    note: z.string().optional(),
});
export type Part = z.output<typeof PartSchema>;

export const BODY_KINDS = ['styrelse', 'beredningsgrupp', 'styrgrupp'] as const;
export const BodySchema = z.strictObject({
    id: slug,
    kind: z.enum(BODY_KINDS),
    name: z.string().min(1),
    aliases,
    insatsId: slug.optional(),
    cadence: z.strictObject({ text: z.string().min(1), days: z.number().int().positive().optional() }).optional(),
    seatsPerPart: z.strictObject({ ledamot: z.number().int().min(1), ersattare: z.number().int().min(0) }).optional(),
    meetingRules: z
        .strictObject({
            /** The reglemente lets members take part at a distance (a Teams meeting). */
            distance: z.boolean().default(false),
            /** Who justerar the short record of a meeting that was not beslutsmässig: the ordförande, or nobody. */
            quorumFailureJustering: z.enum(['ordförande', 'ingen']).default('ordförande'),
            /**
             * Who serves when a ledamot comes back after leaving while an ersättare took the seat: the ledamot again
             * from the § they return at (the default, as for a late arrival: the seat is the ledamot's), or the
             * ersättare for the rest of the meeting, for a reglemente that lets a ledamot who left serve again only
             * after jäv.
             */
            returnAfterLeaving: z.enum(['ledamot', 'ersättare']).default('ledamot'),
        })
        .optional(),
    /**
     * The body takes decisions (quorum, justering, § register). Unset: the styrelse decides, the beredningsgrupp and
     * styrgrupper prepare and follow up, and their notes are minnesanteckningar.
     */
    decides: z.boolean().optional(),
    note: z.string().optional(),
});
export type Body = z.output<typeof BodySchema>;

/** Whether the body decides: its own flag, else only the styrelse. */
export const bodyDecides = (b: Pick<Body, 'kind' | 'decides'>): boolean => b.decides ?? b.kind === 'styrelse';

export const IndicatorSchema = z
    .object({ id: slug, text: z.string().min(1), aliases, ...targetFields, note: z.string().optional() })
    .refine(targetComplete, TARGET_MESSAGE);
export type Indicator = z.output<typeof IndicatorSchema>;

export const INSATS_TYPES = ['individinsats', 'strukturinsats'] as const;
export type InsatsType = (typeof INSATS_TYPES)[number];

export const InsatsSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    owner: z.string().optional(),
    ownerPartId: slug.optional(),
    postId: slug.optional(),
    description: z.string().optional(),
    /**
     * How Uppföljning Finsam counts the insats: an individinsats reports participants by gender, a strukturinsats
     * (for staff, methods or organisations) participants per year only. Most financed insatser are individinsatser.
     */
    type: z.enum(INSATS_TYPES).default('individinsats'),
    indicators: z.array(IndicatorSchema).default([]),
});
export type Insats = z.output<typeof InsatsSchema>;

export const ROSTER_ROLES = [
    'ordförande',
    'vice ordförande',
    'ledamot',
    'ersättare',
    'förbundschef',
    'projektägare',
    'beredningsgrupp',
    'styrgrupp',
    /** Imports utfall from the accounts (the förbund's ekonomiadministratör). */
    'ekonom',
] as const;

export const RoleSchema = z
    .object({ role: z.enum(ROSTER_ROLES), partId: slug.optional(), insatsId: slug.optional() })
    .superRefine((r, ctx) => {
        if ((r.role === 'ledamot' || r.role === 'ersättare') && !r.partId)
            ctx.addIssue({ code: 'custom', path: ['partId'], message: `${r.role} kräver partId` });
        if ((r.role === 'projektägare' || r.role === 'styrgrupp') && !r.insatsId)
            ctx.addIssue({ code: 'custom', path: ['insatsId'], message: `${r.role} kräver insatsId` });
    });

/** Fictional people to seed a roster; `sample: true` is required so nobody mistakes them for real. */
export const RosterSeedSchema = z.strictObject({
    slug,
    name: z.string().min(1),
    email: z.string().email().optional(),
    sample: z.literal(true),
    roles: z.array(RoleSchema).min(1),
});
