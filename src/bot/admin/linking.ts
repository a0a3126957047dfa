// Links a team or chat to a förbund ("koppla till Fryksdalen") and a channel to a body ("koppla kanalen till styrelsen").
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Forbund } from '../../domain';
import { authorize, type Access } from '../../domain/access';
import { newActionKey } from '../cards/action-key';
import { registerAction } from '../cards/execute';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say, sendReply, type Reply } from '../reply';
import { foldName as fold } from '../../qa/text';
import { findByName } from '../text';
import { onSetupMessage } from '../on-message';
import type { TurnInfo } from '../turn';

export const LINK =
    /^(?:koppla|länka|lanka|link)\s+(?:(?:den här|denna|this|the)\s+)?(?:chatten|kanalen|teamet|gruppen|chat|channel|team|group)?\s*(?:till|to)\s+(.+?)\s*[.!]?$/i;
const BODY_WORDS: [RegExp, 'styrelse' | 'beredningsgrupp' | 'styrgrupp'][] = [
    [/^(styrelse|styrelsen|the board|board)$/, 'styrelse'],
    [/^(beredningsgrupp|beredningsgruppen|(the )?preparatory group)$/, 'beredningsgrupp'],
    [/^(styrgrupp|styrgruppen|(the )?steering group)( (for|för) .+)?$/, 'styrgrupp'],
];

/** Registers the link routes and the link button on the link prompt card. */
export function registerLinking(app: Application<TurnState>, deps: BotDeps): void {
    onSetupMessage(app, deps, LINK, async (ctx, info) => {
        const target = fold(LINK.exec(info.text)?.[1] ?? '').replace(/^(?:for|för)\s+/, '');
        const own = info.forbund;
        const body = own ? matchBody(target, own) : undefined;
        if (own && body) return sendReply(ctx, await linkBody(ctx, deps, info, own, body));
        const f = findByName(target, deps.forbund.list(), (x) => [x.name, x.shortName, x.id]);
        if (!f) {
            return sendReply(ctx, {
                text: say(
                    info.lang,
                    `Jag vet inte vad "${target}" är. Jag kan koppla till ${deps.forbund
                        .list()
                        .map((x) => x.shortName)
                        .join(
                            ', ',
                        )}, eller koppla en kanal till styrelsen, beredningsgruppen eller en styrgrupp. Inget har ändrats.`,
                    `I don't know what "${target}" is. I can link to ${deps.forbund
                        .list()
                        .map((x) => x.shortName)
                        .join(
                            ', ',
                        )}, or link a channel to the board, the preparatory group or a steering group. Nothing was changed.`,
                ),
            });
        }
        const result = await linkForbund(ctx, deps, info, f);
        return sendReply(ctx, result);
    });

    registerAction(app, deps, {
        verb: 'conversation.link',
        schema: z.object({ forbundId: z.string().max(40) }),
        version: (record, info) =>
            record === `link:${info.conversation.id}`
                ? deps.links.forbundOf(info.conversation.id, info.conversation.teamId)
                    ? 1
                    : 0
                : undefined,
        truth: (_record, info) => deps.links.forbundOf(info.conversation.id, info.conversation.teamId),
        prepare: async (ctx, info, data) => {
            const f = deps.forbund.get(data.forbundId);
            if (!f)
                return {
                    refused: messageCard(
                        '—',
                        say(info.lang, 'Okänt förbund. Inget har ändrats.', 'Unknown förbund. Nothing was changed.'),
                    ),
                };
            const access = await mayLink(ctx, deps, info, f);
            if (!access.ok)
                return {
                    refused: messageCard(say(info.lang, 'Inte kopplad', 'Not linked'), refusalText(info.lang, access)),
                };
            return () => {
                const scope = info.conversation.teamId ? 'team' : 'conversation';
                deps.links.link(scope, info.conversation.teamId ?? info.conversation.id, f.id, access.person.slug);
                return { card: messageCard(say(info.lang, 'Kopplad', 'Linked'), linkedText(info, f)) };
            };
        },
    });
}

/** The card shown in an unlinked conversation of a multi-förbund deployment: one button per förbund. */
export function linkPrompt(deps: BotDeps, info: TurnInfo): Reply {
    const key = newActionKey(`link:${info.conversation.id}`, 0);
    const forbund = deps.forbund.list().map((f) => ({ id: f.id, name: f.name, key }));
    const text = say(
        info.lang,
        `Det här samtalet är inte kopplat till något samordningsförbund än. Förbundschefen kopplar det med en knapp nedan eller genom att skriva "koppla till <förbund>".`,
        `This conversation is not linked to a samordningsförbund yet. The förbundschef links it with a button below or by writing "link to <förbund>".`,
    );
    return {
        text,
        card: {
            template: 'link-prompt',
            data: {
                title: say(info.lang, 'Koppla samtalet', 'Link this conversation'),
                text,
                forbund,
                button: say(info.lang, 'Koppla till', 'Link to'),
            },
        },
    };
}

function linkedText(info: TurnInfo, f: Forbund): string {
    return say(info.lang, `Det här samtalet hör nu till ${f.name}.`, `This conversation now belongs to ${f.name}.`);
}

async function linkForbund(ctx: TurnContext, deps: BotDeps, info: TurnInfo, f: Forbund): Promise<Reply> {
    const access = await mayLink(ctx, deps, info, f);
    if (!access.ok) return { text: refusalText(info.lang, access) };
    const scope = info.conversation.teamId ? 'team' : 'conversation';
    deps.links.link(scope, info.conversation.teamId ?? info.conversation.id, f.id, access.person.slug);
    return { text: linkedText(info, f) };
}

/**
 * Linking needs the förbundschef role in the target förbund and, when the conversation already belongs to another
 * förbund, in that one too: a chef must not move another förbund's team or chat to their own.
 */
async function mayLink(ctx: TurnContext, deps: BotDeps, info: TurnInfo, target: Forbund): Promise<Access> {
    const actor = await deps.identity.resolve(ctx, info.user, target.id);
    const access = authorize(actor, target.id, { kind: 'conversation.link' });
    const current = deps.links.forbundOf(info.conversation.id, info.conversation.teamId);
    if (!access.ok || !current || current === target.id) return access;
    const owner = await deps.identity.resolve(ctx, info.user, current);
    const there = authorize(owner, current, { kind: 'conversation.link' });
    // Allowed: the caller as the target förbund knows them, whom the link's audit row names.
    return there.ok ? access : there;
}

function matchBody(target: string, f: Forbund) {
    const kind = BODY_WORDS.find(([re]) => re.test(target))?.[1];
    if (!kind) return undefined;
    const candidates = f.bodies.filter((b) => b.kind === kind);
    if (candidates.length <= 1) return candidates[0];
    const insatsWords = target.replace(/^.*?(?:for|för)\s+/, '');
    const insats = findByName(insatsWords, f.insatser, (i) => [i.name, i.id, ...i.aliases]);
    return candidates.find((b) => b.insatsId === insats?.id);
}

async function linkBody(
    ctx: TurnContext,
    deps: BotDeps,
    info: TurnInfo,
    f: Forbund,
    body: Forbund['bodies'][number],
): Promise<Reply> {
    const access = authorize(await deps.identity.resolve(ctx, info.user, f.id), f.id, { kind: 'conversation.link' });
    if (!access.ok) return { text: refusalText(info.lang, access) };
    if (info.conversation.kind === 'personal') {
        return {
            text: say(
                info.lang,
                'En 1:1-chatt kan inte kopplas till ett organ; gör det i organets kanal. Inget har ändrats.',
                "A 1:1 chat cannot be linked to a body; do it in the body's channel. Nothing was changed.",
            ),
        };
    }
    deps.links.linkBody(info.conversation.id, f.id, body.id, access.person.slug);
    return {
        text: say(
            info.lang,
            `Den här kanalen är nu kanal för ${body.name} i ${f.name}. Kallelser och dagordningar dit skickas hit.`,
            `This channel is now the channel of ${body.name} in ${f.name}. Agendas for it will be posted here.`,
        ),
    };
}
