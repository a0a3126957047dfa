// Words for meetings in the user's language: dates in Stockholm time, item kinds, answers, quorum and people.
import { TZDate } from '@date-fns/tz';
import type { TurnContext } from 'botbuilder';
import { formatDate, TIME_ZONE } from '../../domain';
import { authorize, type Person } from '../../domain/access';
import { OUTCOME_LABELS, type Outcome } from '../../domain/decisions';
import type { Answer, Quorum } from '../../domain/meetings';
import { bodyDecides } from '../../domain/schema-org';
import type { ItemKind } from '../../domain/meetings-agenda';
import { langOfLocale, type Lang } from '../lang';
import { say } from '../reply';
import type { TurnInfo } from '../turn';
import type { MeetingState } from './state';

/** `fredag 12 december 2025 kl. 13:00` / `Friday 12 December 2025 at 13:00`, in Stockholm time. */
export function formatWhen(d: Date, lang: Lang): string {
    return formatDate(d, lang === 'en' ? "EEEE d MMMM yyyy 'at' HH:mm" : "EEEE d MMMM yyyy 'kl.' HH:mm", lang);
}

/** The language of a card action: English for an English client, else the card's, else the locale or text guess. */
export function actionLang(ctx: TurnContext, info: TurnInfo, data: { lang?: string }): Lang {
    const locale = ctx.activity.locale ?? '';
    // An English client is answered in English even on a card someone posted in Swedish.
    if (langOfLocale(locale) === 'en') return 'en';
    if (data.lang === 'sv' || data.lang === 'en') return data.lang;
    return info.text ? info.lang : langOfLocale(locale);
}

export const kindLabel = (k: ItemKind, lang: Lang) =>
    lang === 'en'
        ? { information: 'Information', beslut: 'Decision', diskussion: 'Discussion' }[k]
        : k[0].toUpperCase() + k.slice(1);

export const answerLabel = (a: Answer, lang: Lang) =>
    a === 'kommer' ? say(lang, 'Jag kommer', "I'm coming") : say(lang, 'Förhinder', "Can't come");

/** `4 av 6 platser besatta – beslutsmässigt`. */
export function quorumText(q: Quorum, lang: Lang): string {
    return lang === 'en'
        ? `${q.filled} of ${q.seats} seats filled – ${q.beslutsmassig ? 'quorate (beslutsmässigt)' : 'not quorate (inte beslutsmässigt)'}`
        : `${q.filled} av ${q.seats} platser besatta – ${q.beslutsmassig ? 'beslutsmässigt' : 'inte beslutsmässigt'}`;
}

/** The quorum line of a meeting, or '' for a body that prepares rather than decides (it has no quorum). */
export const quorumLine = (st: MeetingState, lang: Lang): string =>
    bodyDecides(st.body) ? quorumText(st.quorum, lang) : '';

/** `Anders Berg (ledamot, Kils kommun)` for a styrelse member; just the name for other bodies. */
export function memberLabel(st: MeetingState, p: Person, lang: Lang): string {
    const g = st.inv.groups.find((x) => x.ledamoter.includes(p.id) || x.ersattare.includes(p.id));
    const part = g && st.f.parter.find((x) => x.id === g.key);
    if (!g || !part) return p.name;
    const role = g.ledamoter.includes(p.id) ? say(lang, 'ledamot', 'member') : say(lang, 'ersättare', 'deputy');
    return `${p.name} (${role}, ${part.name})`;
}

/** Names of people by id, joined; `–` when there are none. */
export function names(st: MeetingState, ids: readonly number[], lang: Lang, labels = false): string {
    const list = ids.map((id) => st.people.get(id)).filter((p): p is Person => !!p);
    if (!list.length) return '–';
    return list.map((p) => (labels ? memberLabel(st, p, lang) : p.name)).join(', ');
}

/** `Bifall enligt förslaget` / `Approved as proposed`. */
export const outcomeLabel = (o: Outcome, lang: Lang) => OUTCOME_LABELS[o][lang];

/** The calendar year (Stockholm time) a meeting's § numbers belong to. */
export const meetingYear = (d: Date) => new TZDate(d.getTime(), TIME_ZONE).getFullYear();

/** True when the person may record decisions (ordförande or förbundschef) in the meeting's förbund. */
export const mayDecide = (st: MeetingState, p?: Person) => authorize(p, st.f.id, { kind: 'decision.record' }).ok;
