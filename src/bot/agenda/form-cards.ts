// Form cards for the chef: an agenda item, the meeting's time and place (or a new meeting), and the justerare.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { TIME_ZONE, type Forbund } from '../../domain';
import { ITEM_KINDS } from '../../domain/meetings-agenda';
import type { CardSpec } from '../../cards/render';
import type { AgendaItem } from '../../storage/meeting-items';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { MeetingState } from '../meeting/state';
import { formatWhen, kindLabel } from '../meeting/words';
import { handlingarText } from './handlingar';

const required = (lang: Lang) => say(lang, 'Måste fyllas i', 'Required');

type Draft = { title?: string; kind?: string; presenter?: string; proposal?: string; details?: string; links?: string };

/** Adding (no item) or editing an item; `draft` re-fills what was typed. Underlag: one "titel | https://…" per line. */
export function itemFormCard(st: MeetingState, lang: Lang, item?: AgendaItem, note = '', draft: Draft = {}): CardSpec {
    const m = st.meeting;
    return {
        template: 'agenda-item-form',
        data: {
            title: item
                ? say(lang, `Ändra punkt ${item.number}`, `Edit item ${item.number}`)
                : say(lang, 'Ny punkt', 'New item'),
            subtitle: `${st.body.name}, ${formatWhen(m.startsAt, lang)}`,
            note,
            lang,
            meetingId: m.id,
            key: newActionKey(`meeting:${m.id}`, m.version),
            item: {
                id: item?.id ?? 0,
                title: draft.title ?? item?.title ?? '',
                kind: draft.kind ?? item?.kind ?? 'information',
                presenter: draft.presenter ?? item?.presenter ?? '',
                proposal: draft.proposal ?? item?.proposal ?? '',
                details: draft.details ?? item?.details ?? '',
                links: draft.links ?? handlingarText(item?.links ?? []),
            },
            kinds: ITEM_KINDS.map((k) => ({ title: kindLabel(k, lang), value: k })),
            labels: {
                title: say(lang, 'Rubrik', 'Title'),
                kind: say(lang, 'Typ', 'Type'),
                presenter: say(lang, 'Föredragande', 'Presenter'),
                proposal: say(lang, 'Förslag till beslut (för beslutsärenden)', 'Proposed decision (decision items)'),
                details: say(lang, 'Beskrivning', 'Description'),
                links: say(
                    lang,
                    'Handlingar, en per rad: titel | delningslänk från SharePoint eller OneDrive | version (valfri)',
                    'Documents, one per line: title | SharePoint or OneDrive sharing link | version (optional)',
                ),
                required: required(lang),
                save: say(lang, 'Spara', 'Save'),
                cancel: say(lang, 'Avbryt', 'Cancel'),
            },
        },
    };
}

/** A new meeting (body, date, time, place) or the time and place of an existing one. */
export function meetingFormCard(
    f: Forbund,
    lang: Lang,
    opts: { st?: MeetingState; bodyId?: string; startsAt?: Date; note?: string },
): CardSpec {
    const { st } = opts;
    const local = opts.startsAt ?? st?.meeting.startsAt;
    const tz = local && new TZDate(local.getTime(), TIME_ZONE);
    return {
        template: 'agenda-meeting-form',
        data: {
            title: st
                ? `${st.body.name}: ${say(lang, 'tid och plats', 'time and place')}`
                : say(lang, 'Nytt möte', 'New meeting'),
            note: opts.note ?? '',
            creating: !st,
            verb: st ? 'meeting.details' : 'meeting.create',
            key: st
                ? newActionKey(`meeting:${st.meeting.id}`, st.meeting.version)
                : newActionKey(`meetings:${f.id}`, 0),
            lang,
            meetingId: st?.meeting.id ?? 0,
            bodyId: opts.bodyId ?? st?.body.id ?? f.bodies[0]?.id ?? '',
            bodies: f.bodies.map((b) => ({ title: b.name, value: b.id })),
            date: tz ? format(tz, 'yyyy-MM-dd') : '',
            time: tz ? format(tz, 'HH:mm') : '',
            place: st?.meeting.place ?? '',
            onlineUrl: st?.meeting.onlineUrl ?? '',
            labels: {
                body: say(lang, 'Organ', 'Body'),
                date: say(lang, 'Datum', 'Date'),
                time: say(lang, 'Tid (svensk tid)', 'Time (Swedish time)'),
                place: say(lang, 'Plats', 'Place'),
                onlineUrl: say(lang, 'Teams-länk', 'Teams link'),
                required: required(lang),
                save: st ? say(lang, 'Spara', 'Save') : say(lang, 'Skapa mötet', 'Create the meeting'),
                cancel: say(lang, 'Avbryt', 'Cancel'),
            },
        },
    };
}

/** Choosing the two justerare among the members who come. */
export function justerareFormCard(st: MeetingState, lang: Lang, note = ''): CardSpec {
    const m = st.meeting;
    const present = [...st.quorum.presentLedamoter, ...st.quorum.serving, ...st.quorum.attendingOnly];
    const choices = present.map((id) => ({ title: st.people.get(id)?.name ?? String(id), value: String(id) }));
    return {
        template: 'agenda-justerare-form',
        data: {
            title: say(lang, 'Val av justerare', 'Minute checkers'),
            text: note
                ? note
                : choices.length
                  ? say(lang, 'Välj två bland dem som kommer.', 'Choose two among those who come.')
                  : say(
                        lang,
                        'Ingen har svarat "Jag kommer" än, så det finns ingen att välja.',
                        'Nobody has answered "I\'m coming" yet, so there is nobody to choose.',
                    ),
            lang,
            meetingId: m.id,
            key: newActionKey(`meeting:${m.id}`, m.version),
            choices,
            selected: st.justerare.join(','),
            labels: {
                choose: say(lang, 'Justerare (två)', 'Minute checkers (two)'),
                save: say(lang, 'Spara', 'Save'),
                cancel: say(lang, 'Avbryt', 'Cancel'),
            },
        },
    };
}
