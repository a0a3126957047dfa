// Finds who a roster command is about: an @mention, an e-mail address, or a name/slug already on the roster.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/access';
import type { BotDeps } from '../deps';
import { foldName as fold } from '../../qa/text';
import { findByName } from '../text';

export type PersonRef =
    | { kind: 'existing'; person: Person }
    | { kind: 'new'; name: string; email?: string; teamsUserId?: string; entraId?: string };

/** Resolves the person phrase of a roster command in `forbundId`; undefined when it names nobody usable. */
export async function resolvePersonRef(
    ctx: TurnContext,
    deps: BotDeps,
    forbundId: string,
    phrase: string,
): Promise<PersonRef | undefined> {
    const people = deps.roster.list(forbundId);
    // botbuilder types an entity's fields as `any`; a Teams mention carries `mentioned: { id, name }`.
    const mentioned = (ctx.activity.entities ?? [])
        .filter((e) => e.type === 'mention')
        .map((e) => (e as { mentioned?: { id?: string; name?: string } }).mentioned);
    const mention = mentioned
        .filter((m): m is { id: string; name?: string } => !!m?.id && m.id !== ctx.activity.recipient.id)
        .find((m) => !m.name || fold(phrase).includes(fold(m.name)));
    if (mention) {
        const known = people.find((p) => p.teamsUserId === mention.id);
        if (known) return { kind: 'existing', person: known };
        const member = await deps.identity.lookup(ctx, mention.id);
        const email = member?.email ?? member?.userPrincipalName;
        const byMail = email ? people.find((p) => p.email && fold(p.email) === fold(email)) : undefined;
        if (byMail) return { kind: 'existing', person: byMail };
        return {
            kind: 'new',
            name: member?.name ?? mention.name ?? phrase,
            email,
            teamsUserId: mention.id,
            entraId: member?.aadObjectId,
        };
    }
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(phrase)?.[0];
    if (email) {
        const known = people.find((p) => p.email && p.email.toLowerCase() === email.toLowerCase());
        if (known) return { kind: 'existing', person: known };
        const name = phrase
            .replace(email, '')
            .replace(/[()<>,]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim();
        return name ? { kind: 'new', name, email } : undefined;
    }
    const known =
        people.find((p) => p.slug === phrase.trim().toLowerCase()) ?? findByName(phrase, people, (p) => [p.name]);
    return known ? { kind: 'existing', person: known } : undefined;
}
