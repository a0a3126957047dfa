// Chat about meetings: create one, edit or post the agenda, and "när är nästa styrelsemöte?"-style questions.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { say, sendReply } from '../reply';
import { onMessage } from '../on-message';
import type { LinkedTurn } from '../turn';
import { asWriter } from './access';
import { editorCard } from './editor';
import { meetingFormCard } from './form-cards';
import { createMeeting } from './meeting-actions';
import { bodyFromText, parseWhen, whenProblem } from '../meeting/parse';
import { sendKallelse } from './publish';
import { maySeeAgenda } from './show';
import { knownState, loadState, type MeetingState } from '../meeting/state';
import { agendaReply, attendanceFacts, statusText } from './view';
import { formatWhen, quorumLine } from '../meeting/words';

const CREATE =
    /^(?:nytt|ny|skapa|new|create)\s+(?:ett\s+|a\s+)?(?:nytt\s+|new\s+)?(?:[\p{L}-]*möte|[\p{L}-]*mote|dagordning|agenda|(?:[\p{L}-]+\s+)?meeting)\b/iu;
const SEND =
    /^(?:skicka|posta)\s+(?:ut\s+)?kallelse(?:n)?\b|^(?:send|post)\s+(?:out\s+)?(?:the\s+)?(?:notice|invitation|agenda)\b/i;
const EDIT = /^(?:redigera|ändra|andra)\s+(?:i\s+)?dagordning(?:en)?\b|^edit\s+(?:the\s+)?agenda\b/i;
const NEXT = /^(?:när är|nar ar|när har vi|when is|when's)\s+(?:the\s+)?(?:nästa|nasta|next)\b/i;
const SHOW =
    /^(?:visa|show(?: me)?)\s+(?:the\s+)?(?:(?:nästa|next)\s+)?(?:dagordning(?:en)?|agenda)\b|^(?:dagordning(?:en)?|agenda)\s*[?.!]?$/i;
const ABSENT =
    /^(?:vilka|vem)\s+(?:har\s+)?(?:anmält|anmalt)\s+förhinder|^(?:vilka|vem)\s+(?:har förhinder|kommer inte)\b|^who\b.*\b(?:apologies|can'?t come|cannot come|not coming|absent)\b/i;
const COMING =
    /^(?:vilka|vem)\s+kommer(?:\s+(?:på|till)\s+[\p{L}-]*(?:möte|mötet|sammanträdet))?\s*\??$|^who(?:'s|\s+is|\s+are)\s+coming\b/iu;

/** The next open meeting of the body the text or the channel names (any body when neither does). */
function pick(ad: BotDeps, info: LinkedTurn): { st?: MeetingState; none: string } {
    const f = info.forbund;
    const linked = ad.links.bodyOf(info.conversation.id);
    const body =
        bodyFromText(f, info.text) ?? f.bodies.find((b) => linked?.forbundId === f.id && b.id === linked.bodyId);
    const next = ad.meetings.upcoming(f.id, body?.id, new Date(ad.now().getTime() - 12 * 3600_000))[0];
    const who = body?.name ?? f.name;
    return {
        st: next && loadState(ad, next.id),
        none: say(
            info.lang,
            `Det finns inget kommande möte för ${who}. Förbundschefen skapar ett med t.ex. "nytt styrelsemöte 12 december 13:00".`,
            `There is no upcoming meeting for ${who}. The förbundschef creates one with e.g. "new board meeting 12 December 13:00".`,
        ),
    };
}

/**
 * The next meeting as `pick` finds it, when the caller may see it: a draft (before the kallelse) only to its writers
 * and those it invites, for the date, the status and who comes alike; else the sentence to answer with.
 */
async function visible(ctx: TurnContext, ad: BotDeps, info: LinkedTurn) {
    const { st, none } = pick(ad, info);
    if (!st) return { text: none };
    const person = await ad.identity.resolve(ctx, info.user, st.f.id);
    if (maySeeAgenda(st, { info, lang: info.lang, person })) return { st, person, text: '' };
    return {
        text: say(
            info.lang,
            'Nästa möte är ett utkast än; det visas för förbundschefen, ordföranden och de kallade tills kallelsen är skickad.',
            'The next meeting is still a draft; it is shown to the förbundschef, the chair and those invited until the notice is sent.',
        ),
    };
}

/** Registers the meeting message routes (before help and the catch-all). */
export function registerAgendaRoutes(app: Application<TurnState>, ad: BotDeps): void {
    onMessage(
        app,
        ad,
        (t) => CREATE.test(t.text),
        async (ctx, info) => {
            const { lang } = info;
            const f = info.forbund;
            const w = await asWriter(ctx, ad, info, f.id, lang);
            if (!w.ok) return sendReply(ctx, { text: w.text });
            const linked = ad.links.bodyOf(info.conversation.id);
            const body =
                bodyFromText(f, info.text) ??
                f.bodies.find((b) => b.id === linked?.bodyId) ??
                f.bodies.find((b) => b.kind === 'styrelse') ??
                f.bodies[0];
            if (!body)
                return sendReply(ctx, {
                    text: say(
                        lang,
                        `${f.name} har ingen styrelse i boten ännu. Lägg in förbundets uppgifter med arbetsboken (npm run forbund -- import <fil.xlsx>) först.`,
                        `${f.name} has no board in the bot yet. Add the förbund's data with the workbook (npm run forbund -- import <file.xlsx>) first.`,
                    ),
                });
            const when = parseWhen(info.text, ad.now());
            if (!when.ok) {
                const text =
                    when.problem === 'no-date'
                        ? say(lang, 'Fyll i mötets uppgifter på kortet.', "Fill in the meeting's details on the card.")
                        : whenProblem(when.problem, lang);
                return sendReply(ctx, {
                    text,
                    card: meetingFormCard(f, lang, { bodyId: body.id, note: when.problem === 'no-date' ? '' : text }),
                });
            }
            const made = createMeeting(ad, f, body, { startsAt: when.startsAt, place: when.place }, w.person, lang);
            if (!made.ok) return sendReply(ctx, { text: made.text });
            const note = say(
                lang,
                'Mötet är skapat med den vanliga dagordningen. Tryck "Redigera" för att ändra punkterna och skriv "skicka kallelse" när den är klar.',
                'The meeting is created with the usual agenda. Press "Edit" to change the items and write "send notice" when it is ready.',
            );
            await sendReply(ctx, agendaReply(ad, knownState(ad, made.id), { lang, person: w.person, note }));
        },
    );

    onMessage(
        app,
        ad,
        (t) => SEND.test(t.text),
        async (ctx, info) => {
            const w = await asWriter(ctx, ad, info, info.forbund.id, info.lang);
            if (!w.ok) return sendReply(ctx, { text: w.text });
            const { st, none } = pick(ad, info);
            await sendReply(ctx, { text: st ? (await sendKallelse(ad, st, w.person, info.lang)).text : none });
        },
    );

    onMessage(
        app,
        ad,
        (t) => EDIT.test(t.text),
        async (ctx, info) => {
            const w = await asWriter(ctx, ad, info, info.forbund.id, info.lang);
            if (!w.ok) return sendReply(ctx, { text: w.text });
            const { st, none } = pick(ad, info);
            const text = say(info.lang, 'Dagordningen kan ändras på kortet.', 'Edit the agenda on the card.');
            await sendReply(ctx, st ? { text, card: editorCard(st, info.lang) } : { text: none });
        },
    );

    onMessage(
        app,
        ad,
        (t) => SHOW.test(t.text),
        async (ctx, info) => {
            const seen = await visible(ctx, ad, info);
            if (!seen.st) return sendReply(ctx, { text: seen.text });
            await sendReply(ctx, agendaReply(ad, seen.st, { lang: info.lang, person: seen.person }));
        },
    );

    onMessage(
        app,
        ad,
        (t) => NEXT.test(t.text),
        async (ctx, info) => {
            const { lang } = info;
            const { st, text: none } = await visible(ctx, ad, info);
            if (!st) return sendReply(ctx, { text: none });
            const m = st.meeting;
            const where = m.place ? `, ${m.place}` : m.onlineUrl ? ', Teams' : '';
            const text = [
                `${say(lang, 'Nästa möte', 'Next meeting')} (${st.body.name}): **${formatWhen(m.startsAt, lang)}**${where}.`,
                [statusText(st, lang), quorumLine(st, lang)].filter(Boolean).join('. ') + '.',
            ].join('\n');
            await sendReply(ctx, { text });
        },
    );

    const attendance = (which: 'absent' | 'coming') => async (ctx: TurnContext, info: LinkedTurn) => {
        const { lang } = info;
        const { st, text: none } = await visible(ctx, ad, info);
        if (!st) return sendReply(ctx, { text: none });
        const facts = attendanceFacts(st, lang);
        const absent = must(
            facts.find((x) => x.title === say(lang, 'Förhinder', "Can't come")),
            'the "Förhinder" row attendanceFacts always lists',
        );
        const head = `${st.body.name}, ${formatWhen(st.meeting.startsAt, lang)}`;
        const lines =
            which === 'absent'
                ? [
                      absent.value === '–'
                          ? say(
                                lang,
                                `Ingen har anmält förhinder till mötet (${head}).`,
                                `Nobody has reported they can't come to the meeting (${head}).`,
                            )
                          : `${say(lang, 'Förhinder till mötet', "Can't come to the meeting")} (${head}): ${absent.value}`,
                      ...facts
                          .filter((x) => x !== absent && x.value !== '–' && x !== facts[0])
                          .map((x) => `${x.title}: ${x.value}`),
                  ]
                : [`**${head}**`, ...facts.filter((x) => x.value !== '–').map((x) => `${x.title}: ${x.value}`)];
        await sendReply(ctx, { text: [...lines, quorumLine(st, lang)].filter(Boolean).join('\n') });
    };
    onMessage(app, ad, (t) => ABSENT.test(t.text), attendance('absent'));
    onMessage(app, ad, (t) => COMING.test(t.text), attendance('coming'));
}
