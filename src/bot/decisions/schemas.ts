// Zod schemas for every decision, protokoll and per capsulam card submit; handlers check meaning afterwards.
import { z, type ZodType } from 'zod';
import { VOTES } from '../../domain/decision-per-capsulam';
import { OUTCOMES } from '../../domain/decisions';
import { actionKeySchema } from '../cards/action-key';
import { cardLangField, optionalText } from '../cards/fields';

const lang = cardLangField;
const text = optionalText;
/** A multi-select ChoiceSet value: "12,15" → [12, 15]; anything unreadable is dropped by the refine. */
const idList = z
    .string()
    .max(500)
    .default('')
    .refine((s) => /^[\d,\s]*$/.test(s), 'ids')
    .transform((s) => [
        ...new Set(
            s
                .split(/[,\s]+/)
                .filter(Boolean)
                .map(Number),
        ),
    ]);

// registerAction types its schema by output (see src/bot/agenda/schemas.ts); the runtime only uses safeParse.
const bySubmit = <S extends z.ZodTypeAny>(s: S) => s as unknown as ZodType<z.output<S>>;
const keyed = z.object({ key: actionKeySchema, lang });

export const decisionSubmit = bySubmit(
    keyed.extend({
        itemId: z.coerce.number().int().positive(),
        expect: z.coerce.number().int().nonnegative(),
        outcome: z.enum(OUTCOMES),
        text: text(4000),
        jav: idList,
        reservationer: idList,
        note: text(2000),
        amends: text(40),
        uppdragWhat: text(500),
        uppdragWho: z
            .string()
            .trim()
            .max(60)
            .regex(/^((p:\d{1,12})|(part:[a-z0-9-]{1,50}))?$/)
            .optional(),
        uppdragDue: z.string().trim().max(20).optional(),
        from: z.enum(['form', 'agenda']).optional().catch(undefined),
    }),
);
export const closeSubmit = bySubmit(keyed);
export const justeraSubmit = bySubmit(keyed.extend({ comment: text(2000) }));
/** The edit form sends one text per § as `t<itemId>`; they are read with `editedTexts`. */
export const editSubmit = bySubmit(keyed.extend({ summary: text(500) }).passthrough());
export const pcCreateSubmit = bySubmit(
    keyed.extend({
        title: z.string().trim().min(1).max(200),
        proposal: z.string().trim().min(1).max(2000),
        date: z.string().trim().max(20),
        time: z.string().trim().max(10),
        unavailable: idList,
    }),
);
export const pcVoteSubmit = bySubmit(keyed.extend({ answer: z.enum(VOTES) }));

/** Read-only buttons: the decision form, the protokoll, the edit form, the per capsulam card. */
export const showSubmit = z.object({
    meetingId: z.coerce.number().int().positive().optional(),
    itemId: z.coerce.number().int().positive().optional(),
    proposalId: z.coerce.number().int().positive().optional(),
    lang,
});

/** The edited § texts of an edit submit: `t<itemId>` → text (trimmed, at most 4000 characters, empty dropped). */
export function editedTexts(raw: Record<string, unknown>): Map<number, string> {
    const out = new Map<number, string>();
    for (const [k, v] of Object.entries(raw)) {
        const m = /^t(\d{1,12})$/.exec(k);
        const s = z.string().max(4000).safeParse(v);
        if (m && s.success && s.data.trim()) out.set(Number(m[1]), s.data.trim());
    }
    return out;
}

/** A yrkande on the votering card: who, what it asks for, and the wording of an ändring. */
export const yrkandeSubmit = bySubmit(
    keyed.extend({
        itemId: z.coerce.number().int().positive(),
        person: z.coerce.number().int().positive(),
        outcome: z.enum(OUTCOMES),
        text: text(4000),
    }),
);
/** Withdrawing a yrkande of an item. */
export const withdrawSubmit = bySubmit(
    keyed.extend({ itemId: z.coerce.number().int().positive(), yrkandeId: z.coerce.number().int().positive() }),
);
/** An omröstning: `v<personId>` (yrkande id or "avstar") per voter when open, `c<yrkandeId>` counts when closed. */
export const voteringSubmit = bySubmit(
    keyed
        .extend({
            itemId: z.coerce.number().int().positive(),
            kind: z.enum(['öppen', 'sluten']),
            election: z.enum(['true', 'false']).default('false'),
            jav: idList,
            lot: z.coerce.number().int().positive().optional().catch(undefined),
            cavstar: z.coerce.number().int().min(0).max(100).optional(),
        })
        .passthrough(),
);

/** The open votes of a votering submit: person id → yrkande id, or null for avstår. */
export function votesOf(raw: Record<string, unknown>): Map<number, number | null> {
    const out = new Map<number, number | null>();
    for (const [k, v] of Object.entries(raw)) {
        const m = /^v(\d{1,12})$/.exec(k);
        const s = z
            .string()
            .regex(/^(\d{1,12}|avstar)$/)
            .safeParse(v);
        if (m && s.success) out.set(Number(m[1]), s.data === 'avstar' ? null : Number(s.data));
    }
    return out;
}

/** The closed counts of a votering submit: yrkande id → count (blank fields are 0). */
export function countsOf(raw: Record<string, unknown>): Map<number, number> {
    const out = new Map<number, number>();
    for (const [k, v] of Object.entries(raw)) {
        const m = /^c(\d{1,12})$/.exec(k);
        const n = z.coerce
            .number()
            .int()
            .min(0)
            .max(100)
            .safeParse(v === '' ? 0 : v);
        if (m && n.success) out.set(Number(m[1]), n.data);
    }
    return out;
}
