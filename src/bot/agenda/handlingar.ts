// Handlingar on an agenda item: SharePoint/OneDrive links with a version note, dated so members see what changed.
import type { Meeting } from '../../storage/meetings';
import type { ItemLink } from '../../storage/meeting-items';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { HandlingLine, HandlingProblem } from './schemas';

/** The sentence for a refused handling line; nothing is stored. */
export function handlingRefusal(line: number, problem: HandlingProblem, lang: Lang): string {
    if (problem === 'download-url')
        return say(
            lang,
            `Länken på rad ${line} är en tillfällig nedladdningslänk från Teams: den slutar gälla och ger den som har den åtkomst till filen. Klistra in delningslänken från SharePoint eller OneDrive (Kopiera länk) i stället. Inget har sparats.`,
            `The link on line ${line} is a temporary Teams download link: it expires and gives whoever holds it access to the file. Paste the SharePoint or OneDrive sharing link (Copy link) instead. Nothing was saved.`,
        );
    if (problem === 'foreign-host')
        return say(
            lang,
            `Handlingen på rad ${line} ligger inte på SharePoint eller OneDrive. Lägg dokumentet där och klistra in delningslänken. Inget har sparats.`,
            `The document on line ${line} is not on SharePoint or OneDrive. Put it there and paste its sharing link. Nothing was saved.`,
        );
    return say(
        lang,
        `Underlaget på rad ${line} är ingen https-länk. Skriv "titel | https://… | version". Inget har sparats.`,
        `The document on line ${line} is not an https link. Write "title | https://… | version". Nothing was saved.`,
    );
}

/**
 * The saved handlingar with their dates: a line whose title, link and version are unchanged keeps its dates; a new
 * title is added now; a changed link or version of the same title is changed now.
 */
export function datedHandlingar(before: readonly ItemLink[], lines: readonly HandlingLine[], now: Date): ItemLink[] {
    const at = now.toISOString();
    return lines.map((l) => {
        const old = before.find((b) => b.title === l.title);
        const link = { title: l.title, url: l.url, ...(l.version ? { version: l.version } : {}) };
        if (!old) return { ...link, addedAt: at, changedAt: at };
        const same = old.url === l.url && (old.version ?? '') === (l.version ?? '');
        return { ...link, addedAt: old.addedAt ?? at, changedAt: same ? (old.changedAt ?? at) : at };
    });
}

/** "ny" for a handling added after the kallelse was sent, "ändrad" for one changed after it, else ''. */
export function handlingMark(m: Pick<Meeting, 'calledAt'>, l: ItemLink, lang: Lang): string {
    if (!m.calledAt || !l.changedAt || Date.parse(l.changedAt) <= m.calledAt.getTime()) return '';
    return l.addedAt && Date.parse(l.addedAt) > m.calledAt.getTime()
        ? say(lang, 'ny', 'new')
        : say(lang, 'ändrad', 'changed');
}

/** The form's text for an item's handlingar: "titel | https://… | version" per line. */
export const handlingarText = (links: readonly ItemLink[]) =>
    links.map((l) => [l.title, l.url, ...(l.version ? [l.version] : [])].join(' | ')).join('\n');

/** One handling on the agenda card: its link, version note and mark. */
export function handlingLine(m: Pick<Meeting, 'calledAt'>, l: ItemLink, lang: Lang): string {
    const mark = handlingMark(m, l, lang);
    return `[${l.title}](${l.url})${l.version ? ` (${l.version})` : ''}${mark ? ` – **${mark}**` : ''}`;
}
