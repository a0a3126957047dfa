// Zod schemas for every agenda card submit; meaning (dates, links, who) is checked by the handlers afterwards.
import { z, type ZodType } from 'zod';
import { ANSWERS } from '../../domain/meetings';
import { ITEM_KINDS } from '../../domain/meetings-agenda';
import { actionKeySchema } from '../cards/action-key';
import { cardLangField, optionalText } from '../cards/fields';

const lang = cardLangField;
const text = optionalText;
/** An item id from a choice or data; anything unreadable becomes 0, which handlers answer with "choose an item". */
const itemId = z.coerce.number().int().nonnegative().catch(0);

/**
 * registerAction types its schema as ZodType<T> (input = output), which rules out transforms; the runtime only calls
 * safeParse and uses the output, so the schema is typed by its output here.
 */
const bySubmit = <S extends z.ZodTypeAny>(s: S) => s as unknown as ZodType<z.output<S>>;

const keyed = z.object({ key: actionKeySchema, lang });
export const answerSubmit = bySubmit(keyed.extend({ answer: z.enum(ANSWERS) }));
export const moveSubmit = bySubmit(keyed.extend({ itemId, dir: z.enum(['up', 'down']) }));
export const removeSubmit = bySubmit(keyed.extend({ itemId }));
export const itemSubmit = bySubmit(
    keyed.extend({
        itemId,
        title: z.string().trim().min(1).max(200),
        kind: z.enum(ITEM_KINDS),
        presenter: text(120),
        proposal: text(2000),
        details: text(4000),
        links: text(4000),
    }),
);
export const meetingSubmit = bySubmit(
    keyed.extend({
        bodyId: text(60),
        date: z.string().trim().max(20),
        time: z.string().trim().max(10),
        place: text(200),
        onlineUrl: text(2000),
    }),
);
export const justerareSubmit = bySubmit(keyed.extend({ justerare: z.string().max(200).default('') }));
export const sendSubmit = bySubmit(keyed);
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
export const presenceSubmit = bySubmit(
    keyed.extend({ person: z.coerce.number().int().positive(), arrives: optionalId, leaves: optionalId }),
);

/** Buttons that only show something (editor, forms, the agenda, refresh): no key, nothing is written. */
export const showSubmit = z.object({
    meetingId: z.coerce.number().int().positive(),
    lang,
    itemId,
    add: z.boolean().optional().catch(undefined),
});

const linkLine = z.object({ title: z.string().min(1).max(200), url: z.string().url().startsWith('https://') });
/** Underlag lines "titel | https://…" (or a bare URL); returns the 1-based bad line on failure. */
export function parseLinks(
    textValue: string | undefined,
): { ok: true; links: z.output<typeof linkLine>[] } | { ok: false; line: number } {
    const links: z.output<typeof linkLine>[] = [];
    const lines = (textValue ?? '').split('\n').map((l) => l.trim());
    for (const [i, line] of lines.entries()) {
        if (!line) continue;
        const bar = line.indexOf('|');
        const url = bar >= 0 ? line.slice(bar + 1).trim() : line;
        const parsed = linkLine.safeParse({ title: bar >= 0 ? line.slice(0, bar).trim() : url, url });
        if (!parsed.success) return { ok: false, line: i + 1 };
        links.push(parsed.data);
    }
    return { ok: true, links };
}
