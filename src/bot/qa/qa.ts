// Chat Q&A: every message no earlier route took is answered from the förbund's plan, its roster, recorded decisions
// and submitted reports; "qa.ask" buttons re-ask. A follow-up continues the asker's own last question here.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { authorize, type Person } from '../../domain/access';
import { respond, type Answer, type AnswerContext, type Question } from '../../qa';
import { readInContext } from '../../qa/follow-on';
import { reportView } from '../../qa/report-view';
import { registerView } from '../cards/view';
import type { BotDeps } from '../deps';
import { say, sendReply, type Reply } from '../reply';
import { onMessage } from '../on-message';
import { utfallLookup } from '../utfall';
import { ownerName } from '../../domain/uppdrag';

/** The verb of every "ask this" button (help examples, clarify options). */
export const QA_ASK = 'qa.ask';
const AskSchema = z.object({ q: z.string().trim().min(1).max(500) });

/** Per-förbund answer context (e.g. the board's recorded budget decisions); none by default. */
export type QaContext = (forbund: Forbund) => AnswerContext;

/** Who asks, where: the key of their follow-up memory and whether they may see a report in full. */
type Asker = { conversationId: string; userId: string; personal: boolean; caller: () => Promise<Person | undefined> };

/** A channel's threads share one memory per member (";messageid=…" names the thread, not the conversation). */
const memoryKey = (conversationId: string) => conversationId.split(';')[0];

/** The reply for an answer: its markdown text and card. */
export function qaReply(a: Answer): Reply {
    return { text: a.text, ...(a.card && { card: a.card }) };
}

/** Readings worth continuing: a question that was understood (not a refusal, nor a "what do you mean?"). */
const continuable = (q: Question, a: Answer) =>
    !['dangling', 'unclear', 'empty', 'unknown', 'out_of_scope'].includes(q.intent) && a.kind !== 'out_of_scope';

async function context(deps: BotDeps, base: QaContext, f: Forbund, q: Question, who: Asker): Promise<AnswerContext> {
    const ctx: AnswerContext = {
        ...base(f),
        // The plan's own text (through the förbund repository) is quoted where the structured data has no answer.
        plan: deps.forbund.planText(f.id),
        utfall: utfallLookup(deps, f.id),
        roster: () => deps.roster.list(f.id).map((p) => ({ name: p.name, roles: p.roles })),
    };
    if (q.intent === 'uppdrag') {
        // Uppdrag name people and what they are to do: shown to those on the förbund's roster only.
        if (!(await who.caller())) return ctx;
        const name = (id: number) => deps.roster.byId(id)?.name;
        return {
            ...ctx,
            uppdrag: () =>
                deps.uppdrag.open(f.id).map((u) => ({
                    id: u.id,
                    what: u.what,
                    owner: ownerName(f, u, name),
                    ownerPartId: 'partId' in u.owner ? u.owner.partId : undefined,
                    due: u.due,
                    body: f.bodies.find((b) => b.id === u.bodyId)?.name ?? u.bodyId,
                })),
        };
    }
    if (q.intent !== 'report') return ctx;
    // In full only to the insats's own people in a 1:1 chat; everywhere else the suppressed shared table.
    const person = who.personal ? await who.caller() : undefined;
    const rules = deps.reports.followUpRules();
    return {
        ...ctx,
        reports: (insatsId, year) => {
            const full = person !== undefined && authorize(person, f.id, { kind: 'report.readDetail', insatsId }).ok;
            const reports = deps.reports.latestForYear(f.id, year, insatsId).map((v) => v.report);
            const december = deps.reports.latest(f.id, insatsId, `${year - 1}-12`)?.report;
            return reportView(f, insatsId, year, reports, december, rules, full);
        },
    };
}

async function reply(ctx: TurnContext, deps: BotDeps, base: QaContext, f: Forbund, text: string, who: Asker) {
    const started = performance.now();
    const now = deps.now();
    const prev = deps.readings.get(who.conversationId, who.userId, now);
    const q = readInContext(text, f, now, prev);
    const a = respond(q, f, now, await context(deps, base, f, q, who));
    if (continuable(q, a)) deps.readings.set(who.conversationId, who.userId, q, now);
    deps.log.debug('qa answered', {
        forbund: f.id,
        kind: a.kind,
        followUp: q.carried !== undefined,
        ms: Math.round(performance.now() - started),
    });
    await sendReply(ctx, qaReply(a));
}

/** Registers the Q&A catch-all message route and the `qa.ask` button; call it after every other message route. */
export function registerQa(app: Application<TurnState>, deps: BotDeps, base: QaContext = () => ({})): void {
    // The plan is a public document: anyone in a conversation of the förbund may ask it again by button.
    registerView(app, deps, {
        verb: QA_ASK,
        schema: AskSchema,
        load: (_data, info) => info.forbund && { f: info.forbund },
        canSee: () => true,
        render: async ({ f }, viewer, data, ctx) => {
            const { info, lang } = viewer;
            await reply(ctx, deps, base, f, data.q, {
                conversationId: memoryKey(info.conversation.id),
                userId: info.user.teamsId,
                personal: info.conversation.kind === 'personal',
                caller: () => Promise.resolve(viewer.person),
            });
            // A message response leaves the card as it was; the answer arrives as a new message.
            return say(lang, 'Svaret kommer som ett nytt meddelande.', 'The answer follows as a new message.');
        },
    });
    onMessage(
        app,
        deps,
        () => true,
        (ctx, turn) =>
            reply(ctx, deps, base, turn.forbund, turn.text, {
                conversationId: memoryKey(turn.conversation.id),
                userId: turn.user.teamsId,
                personal: turn.conversation.kind === 'personal',
                caller: () => turn.caller(),
            }),
    );
}
