// Zod schemas for a förbund data file (data/forbund/<id>.json) and the domain types inferred from them.
import { z } from 'zod';
import { aliases, slug } from './schema-common';
import { GoalsSchema } from './schema-goals';
import { BodySchema, InsatsSchema, PartSchema, RosterSeedSchema } from './schema-org';
import { UtfallSettingsSchema } from './schema-utfall';

export const UNITS = ['kr', 'tkr'] as const;
export const UnitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof UnitSchema>;

/** Integer kronor plus the unit the source printed it in; a tkr figure is never shown to the krona. */
export type Amount = { kr: number; unit: Unit };
/** A printed percentage: `ratio` 0.21 printed with `decimals` 0 is "21 %". */
export type Ratio = { ratio: number; decimals: number };
export type ClaimValue = Amount | Ratio;

function decimalsOf(n: number): number {
    const [, frac = ''] = String(n).split('.');
    return frac.length;
}

function toAmount(v: { kr?: number; tkr?: number }): Amount {
    return v.tkr !== undefined ? { kr: v.tkr * 1000, unit: 'tkr' } : { kr: v.kr ?? 0, unit: 'kr' };
}
const exactlyOne = (v: object) => Object.keys(v).length === 1;

/** In a file a printed amount is written `{ "kr": 632234 }` or `{ "tkr": 756 }`. */
export const PrintedAmountSchema = z
    .object({ kr: z.number().int(), tkr: z.number().int() })
    .partial()
    .refine(exactlyOne, 'ange exakt en av "kr" eller "tkr"')
    .transform(toAmount);

/** A printed claim's value: an amount as above, or a percentage `{ "percent": 21 }`. */
export const PrintedValueSchema = z
    .object({ kr: z.number().int(), tkr: z.number().int(), percent: z.number() })
    .partial()
    .refine(exactlyOne, 'ange exakt en av "kr", "tkr" eller "percent"')
    .transform(({ percent, ...rest }): ClaimValue =>
        percent === undefined ? toAmount(rest) : { ratio: percent / 100, decimals: decimalsOf(percent) },
    );

export const CATEGORIES = [
    'administration',
    'individinsats',
    'strukturinsats',
    'kompetensutveckling',
    'utveckling',
    'indikatorer/licens',
    'ej fördelat',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['förslag', 'preliminär', 'fastställd'] as const;

const mmdd = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');
const leadList = z.array(z.number().int().min(-60).max(365)).min(1);

/** Lines in a budget year are plain numbers in the year's `unit`; costs are positive. */
const PostFileSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    aliases,
    group: z.string().optional(),
    category: z.enum(CATEGORIES),
    amount: z.number().int().nonnegative(),
    note: z.string().optional(),
});

const IncomeFileSchema = z.strictObject({
    partId: slug,
    label: z.string().optional(),
    amount: z.number().int().nonnegative(),
});

export const BudgetYearSchema = z
    .object({
        year: z.number().int().min(1990).max(2100),
        status: z.enum(STATUSES),
        statusNote: z.string().optional(),
        unit: UnitSchema,
        allottedLabel: z.string().default('Tilldelade medel'),
        allotted: z.number().int().nonnegative().optional(),
        income: z.array(IncomeFileSchema).default([]),
        posts: z.array(PostFileSchema).min(1),
    })
    .transform((y, ctx) => {
        const amount = (n: number): Amount => ({ kr: y.unit === 'tkr' ? n * 1000 : n, unit: y.unit });
        const incomeSum = y.income.reduce((s, l) => s + l.amount, 0);
        if (y.allotted === undefined && y.income.length === 0) {
            ctx.addIssue({
                code: 'custom',
                path: ['allotted'],
                message: 'tilldelade medel saknas (och inga intäkter per part)',
            });
            return z.NEVER;
        }
        if (y.allotted !== undefined && y.income.length > 0 && y.allotted !== incomeSum) {
            ctx.addIssue({
                code: 'custom',
                path: ['allotted'],
                message: `avviker från summan av intäkterna (${incomeSum})`,
            });
            return z.NEVER;
        }
        return {
            year: y.year,
            status: y.status,
            statusNote: y.statusNote,
            unit: y.unit,
            allottedLabel: y.allottedLabel,
            allotted: amount(y.allotted ?? incomeSum),
            income: y.income.map((l) => ({ ...l, amount: amount(l.amount) })),
            posts: y.posts.map((p) => ({ ...p, amount: amount(p.amount) })),
        };
    });
export type BudgetYear = z.output<typeof BudgetYearSchema>;
export type Post = BudgetYear['posts'][number];

export const CLAIM_KINDS = [
    'sum-income',
    'sum-costs',
    'resultat',
    'beslutsutrymme',
    'allotted',
    'allotted-change',
    'state-allocation',
    'ek-opening',
    'ek-closing',
    'ek-share',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
/** Totals of one printed column: a mismatch there is a transcription error, so loading fails. */
export const COLUMN_KINDS: readonly ClaimKind[] = ['sum-income', 'sum-costs', 'resultat', 'beslutsutrymme'];

export const PrintedClaimSchema = z.strictObject({
    id: slug,
    kind: z.enum(CLAIM_KINDS),
    year: z.number().int(),
    value: PrintedValueSchema,
    cirka: z.boolean(),
    where: z.string().min(1),
    quote: z.string().optional(),
    note: z.string().optional(),
});
export type PrintedClaim = z.output<typeof PrintedClaimSchema>;

const share = z.number().gt(0).lt(1);
export const ThresholdsSchema = z.strictObject({
    ekMaxShareOfAllotted: share.optional(),
    adminMaxShareOfCosts: share.optional(),
    ekBuffer: z
        .strictObject({ amount: PrintedAmountSchema, cirka: z.boolean(), derivation: z.string().min(1) })
        .optional(),
    where: z.string().optional(),
});
export type Thresholds = z.output<typeof ThresholdsSchema>;

/** A closed year's bokslut (utfall): the actual result and closing eget kapital, entered after the year ends. */
export const BokslutSchema = z.strictObject({
    year: z.number().int().min(1990).max(2100),
    result: PrintedAmountSchema,
    closing: PrintedAmountSchema,
    where: z.string().min(1).optional(),
    note: z.string().optional(),
});
export type Bokslut = z.output<typeof BokslutSchema>;

export const ForbundSchema = z.strictObject({
    id: slug,
    name: z.string().min(1),
    shortName: z.string().min(1),
    aliases,
    formed: z.number().int().min(2004).max(2100),
    source: z.strictObject({
        title: z.string().min(1),
        note: z.string().optional(),
        /** Which stored version this is (set by the database's förbund repository, never in a data file). */
        edition: z.strictObject({ sv: z.string(), en: z.string() }).optional(),
    }),
    notes: z.array(z.string()).default([]),
    parter: z.array(PartSchema).min(2),
    bodies: z.array(BodySchema),
    insatser: z.array(InsatsSchema),
    thresholds: ThresholdsSchema,
    years: z.array(BudgetYearSchema).min(1),
    claims: z.array(PrintedClaimSchema),
    /** Bokslut per closed year; the EK forecast rolls forward from the latest one. */
    bokslut: z.array(BokslutSchema).default([]),
    goals: GoalsSchema,
    roster: z.array(RosterSeedSchema),
    /** Deadline settings (see src/domain/deadlines.ts CalendarSchema for defaults and meaning). */
    calendar: z
        .object({
            samradBy: mmdd,
            delarsrapport: mmdd,
            indikatorer: mmdd,
            uppfoljningFinsam: mmdd,
            /** The old name (Försäkringskassan's SUS, closed for Finsam in 2023), still read from existing files. */
            sus: mmdd,
            reportDay: z.number().int().min(1).max(28),
            leadDays: leadList,
            reportLeadDays: leadList,
            meetingLeadDays: leadList,
            kallelseDaysBefore: z.number().int().min(1).max(60),
            protokollDaysAfter: z.number().int().min(1).max(60),
            sendHour: z.number().int().min(0).max(23),
            graceDays: z.number().int().min(0).max(60),
        })
        .partial()
        .strict()
        .refine((c) => !(c.sus && c.uppfoljningFinsam && c.sus !== c.uppfoljningFinsam), {
            message: 'calendar.sus is the old name of calendar.uppfoljningFinsam; give one of them',
        })
        .transform(({ sus, ...c }) => (sus && !c.uppfoljningFinsam ? { ...c, uppfoljningFinsam: sus } : c))
        .optional(),
    /** Utfall from the accounts: konto mapping to budget posts (see schema-utfall.ts); optional. */
    utfall: UtfallSettingsSchema.optional(),
});
export type Forbund = z.output<typeof ForbundSchema>;

export * from './schema-common';
export * from './schema-goals';
export * from './schema-org';
export * from './schema-utfall';
