// Facts about the current turn every handler needs: language, conversation, caller and the conversation's förbund.
import { TurnContext } from 'botbuilder';
import type { Forbund } from '../domain';
import type { Person } from '../domain/access';
import type { BotDeps } from './deps';
import { detectLang, langOfLocale, type Lang } from './lang';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';
export type TurnInfo = {
    lang: Lang;
    text: string;
    conversation: { id: string; kind: ConversationKind; teamId?: string; tenantId?: string };
    user: { teamsId: string; entraId?: string; name?: string };
    /** The förbund this conversation belongs to; undefined when a multi-förbund deployment has no link for it yet. */
    forbund?: Forbund;
};

/** A turn in a conversation that belongs to a förbund, with the caller's roster person in it (looked up on demand). */
export type LinkedTurn = Omit<TurnInfo, 'forbund'> & {
    forbund: Forbund;
    /** The caller in the turn's förbund (binding their Teams ids on first sight); undefined when not on its roster. */
    caller(): Promise<Person | undefined>;
};

// A WeakMap rather than turnState: typed, and gone with the turn's context.
const computed = new WeakMap<TurnContext, TurnInfo>();

/** Computes (once per turn) and returns the turn's facts. */
export function turnInfo(ctx: TurnContext, deps: BotDeps): TurnInfo {
    const cached = computed.get(ctx);
    if (cached) return cached;
    const a = ctx.activity;
    const type = a.conversation.conversationType;
    const kind: ConversationKind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
    const channelData = (a.channelData ?? {}) as {
        team?: { id?: string };
        tenant?: { id?: string };
        channel?: { id?: string };
    };
    const text = (a.text ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const info: TurnInfo = {
        // A card press has no text: the client's locale tells the language then.
        lang: text ? detectLang(text) : langOfLocale(a.locale),
        text,
        conversation: {
            // A channel reply thread has ";messageid=…" in its id; the channel itself is what links and agendas use.
            id: kind === 'channel' ? (channelData.channel?.id ?? a.conversation.id.split(';')[0]) : a.conversation.id,
            kind,
            teamId: channelData.team?.id,
            tenantId: channelData.tenant?.id ?? a.conversation.tenantId,
        },
        user: { teamsId: a.from.id, entraId: a.from.aadObjectId, name: a.from.name },
    };
    info.forbund = resolveForbund(deps, info);
    computed.set(ctx, info);
    return info;
}

/** The turn's facts with its förbund; undefined when the conversation is not linked to one yet. */
export function linkedTurn(ctx: TurnContext, deps: BotDeps): LinkedTurn | undefined {
    const info = turnInfo(ctx, deps);
    const f = info.forbund;
    if (!f) return undefined;
    return { ...info, forbund: f, caller: () => deps.identity.resolve(ctx, info.user, f.id) };
}

function resolveForbund(deps: BotDeps, info: TurnInfo): Forbund | undefined {
    if (deps.forbund.size === 1) return deps.forbund.list()[0];
    const linked = deps.links.forbundOf(info.conversation.id, info.conversation.teamId);
    if (linked) return deps.forbund.get(linked);
    if (info.conversation.kind === 'personal') {
        // A 1:1 chat belongs to the person's förbund when the roster knows them in exactly one.
        const people = [
            ...deps.roster.byTeamsUserId(info.user.teamsId),
            ...(info.user.entraId ? deps.roster.byEntraId(info.user.entraId) : []),
        ];
        const ids = new Set(people.map((p) => p.forbundId).filter((id) => deps.forbund.has(id)));
        if (ids.size === 1) return deps.forbund.get([...ids][0]);
    }
    return undefined;
}

/** The reference to store for later proactive sends: no per-message activity id, and a channel rather than a thread. */
export function referenceOf(ctx: TurnContext, conversationId: string) {
    const { activityId: _drop, ...ref } = TurnContext.getConversationReference(ctx.activity);
    // botbuilder types `conversation` optional, but getConversationReference always copies the activity's own.
    return { ...ref, conversation: { ...ref.conversation!, id: conversationId } };
}
