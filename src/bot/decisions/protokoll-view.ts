// The protokoll card (templates/protokoll.json) and chat text: status, närvaro, §§, links, justering buttons.
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { mayEdit, mayJustera } from '../../domain/decision-justering';
import { protokollSections, signers } from '../../domain/protokoll';
import { signatures } from './documents';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say, type CardReply } from '../reply';
import { names, mayDecide } from '../meeting/words';
import type { ClosedState, DecisionState } from './state';
import { justeringText, meetingHeading, notesStatus } from './words';

const LINK_TTL_S = 30 * 24 * 3600;

/** Who may see a protokoll: anyone once justerat; before that the chef, the ordförande and the justerare. */
export function maySeeProtokoll(st: DecisionState, p?: Person): boolean {
    if (st.justering?.status === 'justerat') return true;
    return (
        !!p && (mayDecide(st, p) || (st.protokoll ? signers(st.protokoll.data) : []).some((j) => j.personId === p.id))
    );
}

/** The chef or the ordförande edits the text: a protokoll after a change request, minnesanteckningar at any time. */
export const mayEditText = (st: ClosedState, p?: Person) =>
    mayDecide(st, p) && (mayEdit(st.justering) || !!st.protokoll.data.notes);

/** Signed links to the protokoll (or one § as an utdrag) as HTML and PDF. */
export function protokollLinks(dd: BotDeps, meetingId: number, itemId?: number) {
    const id = itemId ? `${meetingId}-${itemId}` : String(meetingId);
    return {
        html: dd.downloads.link('protokoll', `${id}.html`, LINK_TTL_S),
        pdf: dd.downloads.link('protokoll', `${id}.pdf`, LINK_TTL_S),
    };
}

/** The protokoll card for a viewer (who must be allowed to see it); justerare get Justera / Begär ändring. */
export function protokollReply(dd: BotDeps, st: ClosedState, lang: Lang, person?: Person, note = ''): CardReply {
    const p = st.protokoll.data;
    const j = st.justering;
    const who = (ids: number[]) => names(st, ids, lang);
    const status = p.notes ? notesStatus(lang) : justeringText(j, lang, who);
    const justerare = signers(p).map((x) => x.personId);
    const isJusterare = !!person && justerare.includes(person.id);
    const key = () => newActionKey(`protokoll:${st.meeting.id}`, j.version);
    const links = protokollLinks(dd, st.meeting.id);
    const sections = protokollSections(p, status, signatures(dd, st));
    const title = `${p.notes ? say(lang, 'Minnesanteckningar', 'Meeting notes') : say(lang, 'Protokoll', 'Minutes')}: ${meetingHeading(st, lang)}`;
    const paragraphs = sections.sections.slice(1, -1).map((x) => ({ heading: x.title, text: x.lines.join('\n\n') }));
    const data = {
        title,
        status,
        note,
        lang,
        meetingId: st.meeting.id,
        presence: sections.sections[0].lines.map((l) => ({
            title: l.split(': ')[0],
            value: l.split(': ').slice(1).join(': '),
        })),
        paragraphs,
        justerare: (sections.sections.at(-1)?.lines ?? []).join('\n\n'),
        requests: j.requests.map((r) => `${st.people.get(r.personId)?.name ?? '?'}: ${r.comment}`).join('\n\n'),
        canJustera: isJusterare && mayJustera(j, justerare, person.id, 'ändring').ok,
        canEdit: mayEditText(st, person),
        keys: { justera: key(), change: key() },
        htmlUrl: links.html,
        pdfUrl: links.pdf,
        labels: {
            justera: say(lang, 'Justera', 'Approve (justera)'),
            change: say(lang, 'Begär ändring', 'Request a change'),
            comment: say(lang, 'Kommentar (vid ändring)', 'Comment (for a change)'),
            edit: p.notes
                ? say(lang, 'Ändra anteckningarna', 'Edit the notes')
                : say(lang, 'Ändra protokollet', 'Edit the minutes'),
            requests: say(lang, 'Begärda ändringar', 'Requested changes'),
            html: say(lang, 'Öppna (HTML)', 'Open (HTML)'),
            pdf: 'PDF',
        },
    };
    const text = [
        `**${title}**`,
        status,
        ...paragraphs.map((x) => `**${x.heading}**${x.text ? `\n${x.text.replace(/\n\n/g, '\n')}` : ''}`),
        data.justerare,
        `[HTML](${links.html}) · [PDF](${links.pdf})`,
        ...[note].filter(Boolean),
    ].join('\n');
    return { text, card: { template: 'protokoll', data } };
}
