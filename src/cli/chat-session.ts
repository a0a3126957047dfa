// One chat user's session against a running bot: builds Teams-shaped activities and collects what the bot sent.
import { randomUUID } from 'node:crypto';
import type { BotApp } from '../app';
import type { CardButton } from './card-text';
import type { ConnectorCall, startConnectorStandIn } from './connector-stand-in';

type Options = {
    bot: BotApp;
    botUrl: string;
    /** Roster slug to act as; without it the user is an unknown member. */
    as?: string;
    /** Talk in a team channel of this name instead of a 1:1 chat. */
    channel?: string;
    startStandIn: typeof startConnectorStandIn;
    /** Port of the connector stand-in (0 = any free port). */
    standInPort?: number;
};

/** Starts a connector stand-in and returns functions to say something or press a card button as the user. */
export async function createChatSession(opts: Options) {
    const f = opts.bot.deps.forbund.list()[0];
    const person = opts.as ? opts.bot.deps.roster.bySlug(f.id, opts.as) : undefined;
    if (opts.as && !person) throw new Error(`No person "${opts.as}" in ${f.id}; see "visa roller".`);
    const userId = person?.teamsUserId ?? `29:cli-${opts.as ?? 'user'}`;
    const userName = person?.name ?? 'Terminalanvändare';
    const standIn = await opts.startStandIn({
        port: opts.standInPort,
        member: (id) =>
            id === userId
                ? {
                      id,
                      name: userName,
                      email: person?.email,
                      userPrincipalName: person?.email,
                      aadObjectId: person?.entraId,
                  }
                : undefined,
    });
    const conversation = opts.channel
        ? {
              id: `19:cli-${opts.channel}@thread.tacv2`,
              conversationType: 'channel',
              isGroup: true,
              tenantId: 'cli-tenant',
          }
        : { id: `a:cli-${opts.as ?? 'user'}`, conversationType: 'personal', tenantId: 'cli-tenant' };
    const base = () => ({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: standIn.serviceUrl,
        from: { id: userId, name: userName, aadObjectId: person?.entraId },
        recipient: { id: '28:finsam-bot', name: 'Finsam' },
        conversation,
        channelData: {
            tenant: { id: 'cli-tenant' },
            ...(opts.channel ? { team: { id: '19:cli-team@thread.tacv2' }, channel: { id: conversation.id } } : {}),
        },
        locale: 'sv-SE',
        timestamp: new Date().toISOString(),
    });
    const post = async (activity: object) => {
        const res = await fetch(opts.botUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
        });
        const text = await res.text();
        return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
    };

    return {
        conversationId: conversation.id,
        userName,
        /** Sends a message and returns what the bot sent in response. */
        async say(text: string): Promise<ConnectorCall[]> {
            standIn.drain();
            await post({ ...base(), type: 'message', text });
            return standIn.drain();
        },
        /** Presses a card button (Action.Execute) with input values; returns the card the invoke answered with. */
        async press(button: CardButton, inputs: Record<string, string>) {
            standIn.drain();
            const res = await post({
                ...base(),
                type: 'invoke',
                name: 'adaptiveCard/action',
                value: {
                    action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...inputs } },
                    trigger: 'manual',
                },
            });
            const value = res.body?.value as Record<string, unknown> | string | undefined;
            const card = typeof value === 'object' && value?.type === 'AdaptiveCard' ? value : undefined;
            return { card, calls: standIn.drain() };
        },
        close: () => standIn.close(),
    };
}
