// What every card press is checked with: its language, and whether its record belongs in this conversation.
import { cardLangField } from './fields';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Person } from '../../domain/access';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import type { TurnInfo } from '../turn';

export type Scope = { ok: true; person?: Person } | { ok: false };

/**
 * A record of `forbundId` belongs in this conversation when the conversation is that förbund's, or, in a 1:1 chat,
 * when the caller is on that förbund's roster (someone in two förbund has one 1:1 chat for both). Resolves the
 * caller in that förbund when it is in scope (undefined when they are not on its roster).
 */
export async function inScope(ctx: TurnContext, deps: BotDeps, info: TurnInfo, forbundId: string): Promise<Scope> {
    const own = info.forbund?.id === forbundId;
    if (!own && info.conversation.kind !== 'personal') return { ok: false };
    const person = await deps.identity.resolve(ctx, info.user, forbundId);
    return own || person ? { ok: true, person } : { ok: false };
}

const cardLang = z.object({ lang: cardLangField });

/**
 * The language of a card press: an English client's always (a card posted in Swedish answers them in English), else
 * the one the card was made in, else the client's.
 */
export function pressLang(raw: unknown, info: TurnInfo): Lang {
    if (!info.text && info.lang === 'en') return 'en';
    return cardLang.safeParse(raw).data?.lang ?? info.lang;
}
