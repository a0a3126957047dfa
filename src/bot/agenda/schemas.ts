// Zod schemas for every agenda card submit; meaning (dates, links, who) is checked by the handlers afterwards.
import { z, type ZodType } from 'zod';
import { ANSWERS } from '../../domain/meetings';
import { ITEM_KINDS } from '../../domain/meetings-agenda';
import { actionKeySchema } from '../cards/action-key';
import { cardLangField, optionalText } from '../cards/fields';
import { isFileHostUrl } from '../../http/file-fetch';

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

const linkLine = z.object({
    title: z.string().min(1).max(200),
    url: z.string().url().max(2000).startsWith('https://'),
    version: z.string().max(120).optional(),
});
export type HandlingLine = z.output<typeof linkLine>;
/** Why a handling line is refused: not an https link, a Teams download link, or not on SharePoint/OneDrive. */
export type HandlingProblem = 'not-https' | 'download-url' | 'foreign-host';

/**
 * A Teams file `downloadUrl` (SharePoint's download.aspx with a `tempauth` token) expires within the hour and lets
 * anyone holding it read the file: it is a bearer credential, never a document reference.
 */
const isDownloadUrl = (u: URL) =>
    /\/download\.aspx$/i.test(u.pathname) || [...u.searchParams.keys()].some((k) => /^tempauth$/i.test(k));

/**
 * Handlingar, one per line: "titel | https://… | versionsnotering" (title and version optional). Only SharePoint and
 * OneDrive sharing links are taken; returns the 1-based bad line and why on failure.
 */
export function parseLinks(
    textValue: string | undefined,
): { ok: true; links: HandlingLine[] } | { ok: false; line: number; problem: HandlingProblem } {
    const links: HandlingLine[] = [];
    const lines = (textValue ?? '').split('\n').map((l) => l.trim());
    for (const [i, line] of lines.entries()) {
        if (!line) continue;
        const parts = line.split('|').map((x) => x.trim());
        const at = parts.findIndex((x) => /^[a-z][a-z0-9+.-]*:\/\//i.test(x));
        const url = at >= 0 ? parts[at] : (parts[1] ?? parts[0]);
        const title = at > 0 ? parts.slice(0, at).join(' | ') : url;
        const version = at >= 0 ? parts.slice(at + 1).join(' | ') : '';
        const parsed = linkLine.safeParse({ title, url, version: version || undefined });
        if (!parsed.success) return { ok: false, line: i + 1, problem: 'not-https' };
        if (isDownloadUrl(new URL(parsed.data.url))) return { ok: false, line: i + 1, problem: 'download-url' };
        if (!isFileHostUrl(parsed.data.url)) return { ok: false, line: i + 1, problem: 'foreign-host' };
        links.push(parsed.data);
    }
    return { ok: true, links };
}
