// The agenda card (templates/agenda.json) and its chat text, for the posted kallelse or for one person's view.
import type { BotDeps } from '../deps';
import { authorize, type Person } from '../../domain/access';
import { newActionKey } from '../cards/action-key';
import { agendaDecisionData } from '../meeting/decision-fields';
import type { Lang } from '../lang';
import { say, type CardReply } from '../reply';
import type { MeetingState } from '../meeting/state';
import type { AgendaViewer } from '../meeting/views';
import { dayOf } from '../../domain/deadline-days';
import { formatDate } from '../../domain/format';
import { ownerName } from '../../domain/uppdrag';
import { handlingLine } from './handlingar';
import { insatsNotes } from '../meeting/insats-notes';
import { answerLabel, formatWhen, kindLabel, names, quorumLine } from '../meeting/words';

/** Refresh userIds are capped by Teams. */
const MAX_REFRESH_USERS = 60;
const DAY_S = 24 * 3600;
/** The styrgrupper's notes stay linked from the card for a month (the protokoll links' lifetime). */
const NOTES_TTL_S = 30 * DAY_S;

type Viewer = AgendaViewer;

/** True when the person may create, edit and post agendas in the meeting's förbund. */
export const canWrite = (st: MeetingState, p?: Person) => authorize(p, st.f.id, { kind: 'agenda.write' }).ok;

/** A signed link to the meeting's .ics, valid until a day after the meeting (at least a day). */
export function icsLink(ad: BotDeps, st: MeetingState): string {
    const end = st.meeting.startsAt.getTime() + st.meeting.durationMinutes * 60_000;
    const ttl = Math.max(DAY_S, Math.ceil((end - ad.now().getTime()) / 1000) + DAY_S);
    return ad.downloads.link('ics', String(st.meeting.id), ttl);
}

/** Status line: draft, called (when), closed or cancelled. */
export function statusText(st: MeetingState, lang: Lang): string {
    const m = st.meeting;
    if (m.status === 'kallad' && m.calledAt)
        return say(
            lang,
            `Kallelse skickad ${formatWhen(m.calledAt, lang)}`,
            `Notice sent ${formatWhen(m.calledAt, lang)}`,
        );
    if (m.status === 'stängd') return say(lang, 'Mötet är avslutat', 'The meeting is closed');
    if (m.status === 'inställd') return say(lang, 'Mötet är inställt', 'The meeting is cancelled');
    return say(lang, 'Utkast – kallelsen är inte skickad', 'Draft – the notice has not been sent');
}

/** The attendance lines shown on the card and in chat. */
export function attendanceFacts(st: MeetingState, lang: Lang) {
    const q = st.quorum;
    const rows = [
        { title: say(lang, 'Kommer', 'Coming'), value: names(st, q.presentLedamoter, lang) },
        { title: say(lang, 'Tjänstgörande ersättare', 'Serving deputies'), value: names(st, q.serving, lang, true) },
        { title: say(lang, 'Närvarande ersättare', 'Deputies attending'), value: names(st, q.attendingOnly, lang) },
        { title: say(lang, 'Förhinder', "Can't come"), value: names(st, q.absent, lang, true) },
        { title: say(lang, 'Ej svarat', 'No answer yet'), value: names(st, q.unanswered, lang) },
    ];
    return st.body.kind === 'styrelse' ? rows : [rows[0], rows[3], rows[4]];
}

/** Open uppdrag the body gave at earlier meetings, for "Uppföljning av uppdrag" while this meeting is ahead. */
export function uppdragLines(ad: BotDeps, st: MeetingState, lang: Lang): { line: string; color: string }[] {
    if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad') return [];
    const meetingDay = dayOf(st.meeting.startsAt);
    return ad.uppdrag
        .open(st.f.id, st.body.id)
        .filter((u) => u.meetingId !== st.meeting.id && u.createdAt < st.meeting.startsAt)
        .map((u) => {
            const who = ownerName(st.f, u, (id) => st.people.get(id)?.name);
            const late = u.due < meetingDay;
            const due = formatDate(new Date(`${u.due}T12:00:00Z`), 'd MMMM yyyy', lang);
            return {
                line: `${who}: ${u.what} – ${say(lang, 'senast', 'due')} ${due}${late ? say(lang, ' (försenat)', ' (overdue)') : ''}`,
                color: late ? 'Attention' : 'Default',
            };
        });
}

/** The agenda card and text for a viewer. The posted card carries `refresh` so each invited member sees their view. */
export function agendaReply(ad: BotDeps, st: MeetingState, v: Viewer): CardReply {
    const { lang, person } = v;
    const m = st.meeting;
    const open = m.status === 'utkast' || m.status === 'kallad';
    const invited = !!person && st.inv.members.includes(person.id);
    const own = person ? st.answers.get(person.id) : undefined;
    const title = `${st.body.name}: ${say(lang, 'kallelse och dagordning', 'notice and agenda')}`;
    const when = formatWhen(m.startsAt, lang);
    const dec = agendaDecisionData(ad, st, lang, !!v.posted, person);
    const notes = insatsNotes(ad, st).map(
        (n) =>
            `[${say(lang, 'Minnesanteckningar', 'Notes')}: ${n.body}, ${formatDate(n.startsAt, 'd MMMM yyyy', lang)}](${ad.downloads.link('protokoll', `${n.meetingId}.html`, NOTES_TTL_S)})`,
    );
    const items = st.items.map((it) => ({
        ...dec.item(it),
        heading: dec.item(it).ref ? `${dec.item(it).ref} ${it.title}` : `${it.number}. ${it.title}`,
        meta: [kindLabel(it.kind, lang), it.presenter && `${say(lang, 'Föredragande', 'Presenter')}: ${it.presenter}`]
            .filter(Boolean)
            .join(' · '),
        proposal: it.proposal ? `${say(lang, 'Förslag till beslut', 'Proposed decision')}: ${it.proposal}` : '',
        details: (it.details ?? '').split('\n').join('\n\n'),
        links: [
            ...(it.links.length
                ? [
                      `${say(lang, 'Handlingar', 'Documents')}: ${it.links.map((l) => handlingLine(m, l, lang)).join(' · ')}`,
                  ]
                : []),
            ...(it.slot === 'insatser' ? notes : []),
        ].join('\n\n'),
    }));
    const followUp = uppdragLines(ad, st, lang);
    const justerare = st.justerare.length
        ? `${say(lang, 'Justerare', 'Minute checkers')}: ${names(st, st.justerare, lang)}`
        : '';
    const attendance = attendanceFacts(st, lang);
    const key = () => newActionKey(`meeting:${m.id}`, m.version);
    const userIds = v.posted
        ? st.inv.members
              .map((id) => st.people.get(id)?.teamsUserId)
              .filter((id): id is string => !!id)
              .slice(0, MAX_REFRESH_USERS)
        : [];
    const data = {
        title,
        when,
        lang,
        meetingId: m.id,
        facts: [
            { title: say(lang, 'Tid', 'Time'), value: when },
            { title: say(lang, 'Plats', 'Place'), value: m.place ?? (m.onlineUrl ? 'Teams' : '–') },
            { title: 'Status', value: statusText(st, lang) },
        ],
        agendaTitle: say(lang, 'Dagordning', 'Agenda'),
        items,
        uppdragTitle: say(lang, 'Uppföljning av uppdrag', 'Follow-up of assignments'),
        uppdrag: followUp,
        attendanceTitle: say(lang, 'Närvaro', 'Attendance'),
        attendance,
        quorumText: quorumLine(st, lang),
        quorumColor: st.quorum.beslutsmassig ? 'Good' : 'Attention',
        justerare,
        yourAnswer: own ? `${say(lang, 'Ditt svar', 'Your answer')}: ${answerLabel(own, lang)}` : '',
        note: v.note ?? '',
        canAnswer: open && (v.posted || invited),
        canEdit: open && (v.posted || canWrite(st, person)),
        canClose: dec.canClose,
        keys: { come: key(), absent: key(), close: dec.closeKey },
        labels: {
            ...dec.labels,
            come: answerLabel('kommer', lang),
            absent: answerLabel('förhinder', lang),
            edit: say(lang, 'Redigera', 'Edit'),
            calendar: say(lang, 'Lägg i kalendern', 'Add to calendar'),
            join: say(lang, 'Anslut till mötet', 'Join the meeting'),
        },
        icsUrl: icsLink(ad, st),
        onlineUrl: m.onlineUrl ?? '',
        withRefresh: !!v.posted && userIds.length > 0,
        userIds,
    };
    const text = [
        `**${title}**`,
        `${when}${m.place ? `, ${m.place}` : ''}`,
        ...items.map(
            (i) =>
                `${i.heading} (${i.meta})${i.proposal ? ` – ${i.proposal}` : ''}${i.decision ? `\n${i.decision}` : ''}${i.links ? `\n${i.links.replace(/\n\n/g, '\n')}` : ''}`,
        ),
        ...(followUp.length ? [`**${data.uppdragTitle}**`, ...followUp.map((u) => `- ${u.line}`)] : []),
        ...attendance.filter((a) => a.value !== '–').map((a) => `${a.title}: ${a.value}`),
        ...(data.quorumText ? [`**${data.quorumText}**`] : []),
        ...[justerare, data.yourAnswer, data.note].filter(Boolean),
    ].join('\n');
    return { text, card: { template: 'agenda', data } };
}
