// Zod schema for a förbund's `utfall` settings: which konton (and objekt) belong to which budget post.
import { z } from 'zod';
import { slug } from './schema-common';

/**
 * One mapping rule: `konton` is one konto ("4010") or a range ("4000-4999", both ends included); `objekt` narrows it
 * to an SIE objekt as "dimension:objekt" (e.g. "1:20" for kostnadsställe 20). The amount goes to the budget post
 * `post`, or to the year's intäkter (`intakt: true`). Rules are tried in order and the first that fits is used, so
 * objekt rules go before the broad range for the same konton. A konto no rule fits is shown as "ej kopplat".
 */
export const KontoRuleSchema = z
    .strictObject({
        konton: z.string().regex(/^\d{4,}(-\d{4,})?$/, 'ett konto "4010" eller ett intervall "4000-4999"'),
        objekt: z
            .string()
            .regex(/^[^:\s]+:\S+$/, 'dimension:objekt, t.ex. "1:20"')
            .optional(),
        post: slug.optional(),
        intakt: z.literal(true).optional(),
    })
    .refine((r) => (r.post === undefined) !== (r.intakt === undefined), 'ange antingen "post" eller "intakt": true');
export type KontoRule = z.output<typeof KontoRuleSchema>;

export const UtfallSettingsSchema = z.strictObject({
    mapping: z.array(KontoRuleSchema).min(1),
    /** The chef is reminded once when last month's utfall is not imported by this day of the month. */
    dueDay: z.number().int().min(1).max(28).optional(),
    /** A prognos this share above or below budget is "över budget" / "under budget" (default 5 %). */
    tolerance: z.number().gt(0).lt(1).default(0.05),
    /** The accounting system exports year-to-date amounts; the import turns them into monthly ones. */
    cumulative: z.boolean().default(false),
});
export type UtfallSettings = z.output<typeof UtfallSettingsSchema>;
