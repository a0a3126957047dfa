// Card writes on a meeting: create it from the form, change time and place, choose justerare, send the kallelse.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Person } from '../../domain/access';
import { insertIndex, skeleton } from '../../domain/meetings-agenda';
import { utfallAgendaText } from '../../domain/utfall-report';
import { utfallReportFor } from '../utfall';
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE, type Body, type Forbund } from '../../domain';
import { registerAction } from '../cards/execute';
import { registerEditorAction } from './editor-action';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { asWriter } from './access';
import { editorCard } from './editor';
import { meetingFormCard } from './form-cards';
import { afterChange } from './item-actions';
import { parseFormWhen, whenProblem } from '../meeting/parse';
import { meetingSubmit } from './schemas';
import { knownState } from '../meeting/state';
import { actionLang, formatWhen } from '../meeting/words';

/** Creates a meeting with its body's skeleton agenda; refuses a second meeting of the body at the same time. */
export function createMeeting(
    ad: BotDeps,
    f: Forbund,
    body: Body,
    d: { startsAt: Date; place?: string; onlineUrl?: string },
    by: Person,
    lang: Lang,
): { ok: true; id: number } | { ok: false; text: string } {
    const same = ad.meetings
        .upcoming(f.id, body.id, d.startsAt)
        .find((m) => m.startsAt.getTime() === d.startsAt.getTime());
    if (same)
        return {
            ok: false,
            text: say(
                lang,
                `${body.name} har redan ett möte ${formatWhen(d.startsAt, lang)}. Inget har ändrats.`,
                `${body.name} already has a meeting on ${formatWhen(d.startsAt, lang)}. Nothing was changed.`,
            ),
        };
    const year = new TZDate(d.startsAt.getTime(), TIME_ZONE).getFullYear();
    const utfall = utfallReportFor(ad, f, year);
    const items = skeleton(f, body, year, utfall && utfallAgendaText(utfall));
    const id = ad.meetings.create({ forbundId: f.id, bodyId: body.id, createdBy: by.id, items, ...d }, by.slug).id;
    // Beslut items of an earlier meeting that was not beslutsmässig come onto the next agenda of the body.
    ad.meetings.carry(
        id,
        ad.meetings.uncarried(f.id, body.id, d.startsAt),
        insertIndex(ad.meetings.items(id)),
        by.slug,
    );
    return { ok: true, id };
}

const badUrl = (lang: Lang) =>
    say(
        lang,
        'Teams-länken måste börja med https://. Inget har ändrats.',
        'The Teams link must start with https://. Nothing was changed.',
    );
const okUrl = (u?: string) => !u || /^https:\/\/\S+$/.test(u);

/** Registers the meeting write verbs. */
export function registerMeetingActions(app: Application<TurnState>, ad: BotDeps): void {
    registerAction(app, ad, {
        verb: 'meeting.create',
        schema: meetingSubmit,
        version: (record) => (ad.forbund.has(/^meetings:(.+)$/.exec(record)?.[1] ?? '') ? 0 : undefined),
        forbundOf: (record) => /^meetings:(.+)$/.exec(record)?.[1],
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const f = must(ad.forbund.get(data.key.record.slice('meetings:'.length)), "the key's förbund");
            const w = await asWriter(ctx, ad, info, f.id, lang);
            if (!w.ok) return { refused: messageCard(say(lang, 'Inget möte skapat', 'No meeting created'), w.text) };
            const body = f.bodies.find((b) => b.id === data.bodyId);
            const when = parseFormWhen(data.date, data.time, ad.now());
            const note = !body
                ? say(lang, 'Välj ett organ. Inget har ändrats.', 'Choose a body. Nothing was changed.')
                : !when.ok
                  ? whenProblem(when.problem, lang)
                  : !okUrl(data.onlineUrl)
                    ? badUrl(lang)
                    : undefined;
            if (note || !body || !when.ok) return { refused: meetingFormCard(f, lang, { bodyId: data.bodyId, note }) };
            return () => {
                const made = createMeeting(
                    ad,
                    f,
                    body,
                    { startsAt: when.startsAt, place: data.place, onlineUrl: data.onlineUrl },
                    w.person,
                    lang,
                );
                if (!made.ok)
                    return { card: messageCard(say(lang, 'Inget möte skapat', 'No meeting created'), made.text) };
                const st = knownState(ad, made.id);
                const done = say(
                    lang,
                    'Mötet är skapat med den vanliga dagordningen.',
                    'The meeting is created with the usual agenda.',
                );
                return { card: editorCard(st, lang, done) };
            };
        },
    });

    registerEditorAction(app, ad, {
        verb: 'meeting.details',
        schema: meetingSubmit,
        prepare: async ({ lang, st, w }, data) => {
            const when = parseFormWhen(data.date, data.time, ad.now());
            const note = !when.ok ? whenProblem(when.problem, lang) : !okUrl(data.onlineUrl) ? badUrl(lang) : undefined;
            if (note || !when.ok) return { refused: meetingFormCard(st.f, lang, { st, note }) };
            return () => {
                ad.meetings.updateDetails(
                    st.meeting.id,
                    { startsAt: when.startsAt, place: data.place, onlineUrl: data.onlineUrl },
                    w.person.slug,
                );
                const now = knownState(ad, st.meeting.id);
                const done = say(
                    lang,
                    `Tid och plats sparade: ${formatWhen(when.startsAt, lang)}.`,
                    `Time and place saved: ${formatWhen(when.startsAt, lang)}.`,
                );
                return { card: editorCard(now, lang, done), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });
}
