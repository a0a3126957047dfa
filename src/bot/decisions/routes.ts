// Chat about decisions: close the meeting, show the protokoll, per capsulam, and beslutsregister questions.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { parseRef } from '../../domain/decisions';
import { authorize } from '../../domain/access';
import { refusalText } from '../refusal';
import { say, sendReply } from '../reply';
import { onMessage } from '../on-message';
import type { LinkedTurn } from '../turn';
import { bodyFromText } from '../meeting/parse';
import { afterClose, closeCheck, closeNow, closedText } from './close';
import { perCapsulamFormCard, styrelseOf } from './per-capsulam-form';
import { perCapsulamReply, settleIfDue } from './per-capsulam-view';
import { maySeeProtokoll, protokollReply } from './protokoll-view';
import { answerAbout, answerExtract, answerLatest, answerRef } from './register-answers';
import { isClosed, loadDecisionState } from './state';

const CLOSE = /^(?:avsluta|stäng|stang)\s+(?:mötet|motet|sammanträdet)\b|^close\s+the\s+meeting\b/i;
const PROTOKOLL =
    /^(?:visa|show)\s+(?:mig\s+|me\s+)?(?:det\s+senaste\s+|the\s+latest\s+|the\s+)?(?:protokoll(?:et)?|minutes|minnesanteckning(?:ar|arna)?|(?:meeting\s+)?notes)\b/i;
const PC_NEW = /^(?:nytt?\s+)?per\s+capsulam(?:-?beslut)?\s*[.!]?$|^(?:new|start)\s+(?:a\s+)?per\s+capsulam\b/i;
const PC_SHOW = /^(?:visa|show)\s+(?:the\s+)?per\s+capsulam\b/i;
const EXTRACT = /^(?:visa\s+|ge\s+mig\s+)?(?:ett\s+)?(?:protokollsutdrag|utdrag|(?:an\s+)?extract)\b/i;
const REF = /^(?:visa|show)\s+(?:§|paragraf|paragraph)\s*\d/i;
const LATEST =
    /\bbeslut(?:en)?\s+(?:från|fran|på|vid|i)\s+(?:det\s+)?(?:senaste|sista)\b|\bdecisions?\s+(?:from|at|of)\s+the\s+(?:last|latest|most\s+recent)\b/i;
const ABOUT =
    /^(?:vilka|vilket|vad|which|what)\b.*\b(?:beslut|beslutat|beslutade|decide|decided|decisions?)\b.*?\b(?:om|kring|angående|gällande|rörande|about|on|regarding)\s+(.+?)\s*[?.!]*$/i;

/** The meeting the chat means: the open one that has started (close), or the newest closed one (protokoll). */
function current(dd: BotDeps, info: LinkedTurn, closed: boolean) {
    const f = info.forbund;
    const linked = dd.links.bodyOf(info.conversation.id);
    const body =
        bodyFromText(f, info.text) ?? f.bodies.find((b) => linked?.forbundId === f.id && b.id === linked.bodyId);
    if (closed) return dd.protokoll.closedMeetings(f.id, body?.id)[0];
    const now = dd.now().getTime();
    return dd.meetings.upcoming(f.id, body?.id, new Date(now - 12 * 3600_000)).find((m) => m.startsAt.getTime() <= now)
        ?.id;
}

/** Registers the decision message routes (after the agenda's, before help and Q&A). */
export function registerDecisionRoutes(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    onMessage(
        app,
        dd,
        (t) => CLOSE.test(t.text),
        async (ctx, info) => {
            const id = current(dd, info, false);
            const st = id ? loadDecisionState(dd, id) : undefined;
            if (!st)
                return sendReply(ctx, {
                    text: say(
                        info.lang,
                        'Det finns inget pågående möte att avsluta.',
                        'There is no meeting in progress to close.',
                    ),
                });
            const check = closeCheck(dd, st, await dd.identity.resolve(ctx, info.user, st.f.id), info.lang);
            if (!check.ok) return sendReply(ctx, { text: check.text });
            const closed = dd.transaction(() => closeNow(dd, st, check.by, check.failed, check.carry));
            if (!closed)
                return sendReply(ctx, {
                    text: say(info.lang, 'Mötet är redan avslutat.', 'The meeting is already closed.'),
                });
            await sendReply(ctx, { text: closedText(closed, info.lang) });
            await afterClose(dd, agenda, st.meeting.id, check.by, info.lang, ctx);
        },
    );

    onMessage(
        app,
        dd,
        (t) => PROTOKOLL.test(t.text),
        async (ctx, info) => {
            const id = current(dd, info, true);
            const st = id ? loadDecisionState(dd, id) : undefined;
            if (!st || !isClosed(st))
                return sendReply(ctx, {
                    text: say(info.lang, 'Det finns inget protokoll än.', 'There are no minutes yet.'),
                });
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            if (!maySeeProtokoll(st, person))
                return sendReply(ctx, {
                    text: say(
                        info.lang,
                        'Protokollet är inte justerat än; utkastet visas för förbundschefen, ordföranden och justerarna.',
                        'The minutes are not approved yet; the draft is shown to the förbundschef, the chair and the minute checkers.',
                    ),
                });
            await sendReply(ctx, protokollReply(dd, st, info.lang, person));
        },
    );

    onMessage(
        app,
        dd,
        (t) => PC_NEW.test(t.text),
        async (ctx, info) => {
            const f = info.forbund;
            const person = await dd.identity.resolve(ctx, info.user, f.id);
            const access = authorize(person, f.id, { kind: 'decision.record' });
            if (!access.ok) return sendReply(ctx, { text: refusalText(info.lang, access) });
            const text = say(info.lang, 'Fyll i förslaget på kortet.', 'Fill in the proposal on the card.');
            await sendReply(ctx, {
                text,
                card: perCapsulamFormCard(
                    f,
                    must(styrelseOf(f), 'a styrelse (the schema requires one)'),
                    dd.roster.list(f.id),
                    info.lang,
                ),
            });
        },
    );

    onMessage(
        app,
        dd,
        (t) => PC_SHOW.test(t.text),
        async (ctx, info) => {
            const p = dd.perCapsulam.list(info.forbund.id)[0];
            if (!p)
                return sendReply(ctx, {
                    text: say(
                        info.lang,
                        'Det finns inga per capsulam-förslag.',
                        'There are no per capsulam proposals.',
                    ),
                });
            settleIfDue(dd, p);
            const person = await dd.identity.resolve(ctx, info.user, p.forbundId);
            await sendReply(ctx, perCapsulamReply(dd, p, info.lang, { person }));
        },
    );

    const answer = (fn: typeof answerRef) => async (ctx: TurnContext, info: LinkedTurn) =>
        sendReply(ctx, fn(dd, info, await info.caller()));
    onMessage(app, dd, (t) => EXTRACT.test(t.text) && !!parseRef(t.text), answer(answerExtract));
    onMessage(app, dd, (t) => REF.test(t.text), answer(answerRef));
    onMessage(app, dd, (t) => LATEST.test(t.text), answer(answerLatest));
    onMessage(
        app,
        dd,
        (t) => ABOUT.test(t.text),
        answer((d, info, asker) => answerAbout(d, info, asker, ABOUT.exec(info.text)?.[1] ?? '')),
    );
}
