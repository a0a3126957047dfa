// Matches the Teams user of a turn to a roster person: Entra object id, known Teams id, else e-mail via member lookup.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Person } from '../domain/access';
import type { Logger } from '../log';
import type { Roster } from '../storage/roster';

const MISS_TTL_MS = 10 * 60 * 1000;
const MAX_MISSES = 5000;
type Caller = { teamsId: string; entraId?: string };

/** Creates the resolver; it remembers recent misses so a stranger's every message does not cost a connector lookup. */
export function createIdentity(deps: {
    roster: Roster;
    now: () => Date;
    log: Logger;
    /** True when another process wrote the database since the last call: a cached miss may be on the roster now. */
    changedElsewhere: () => boolean;
}) {
    const misses = new Map<string, number>();
    const { roster } = deps;

    const bound = (user: Caller, forbundId: string) => {
        const inForbund = (people: Person[]) => people.find((p) => p.forbundId === forbundId);
        return (
            (user.entraId && inForbund(roster.byEntraId(user.entraId))) || inForbund(roster.byTeamsUserId(user.teamsId))
        );
    };

    return {
        /** The roster person whose ids the caller's already are, in `forbundId`, without a lookup; undefined if none. */
        known: (user: Caller, forbundId: string): Person | undefined => bound(user, forbundId) || undefined,

        /** The roster person for the caller in `forbundId`, binding their Teams ids on first match; undefined if unknown. */
        async resolve(ctx: TurnContext, user: Caller, forbundId: string): Promise<Person | undefined> {
            const inForbund = (people: Person[]) => people.find((p) => p.forbundId === forbundId);
            const direct = bound(user, forbundId);
            if (direct) {
                if (direct.teamsUserId === user.teamsId && (!user.entraId || direct.entraId === user.entraId))
                    return direct;
                roster.bindIdentity(direct.id, { teamsUserId: user.teamsId, entraId: user.entraId });
                return roster.byId(direct.id);
            }

            const missKey = `${forbundId}|${user.teamsId}`;
            if (deps.changedElsewhere()) misses.clear();
            const missedAt = misses.get(missKey);
            if (missedAt !== undefined && deps.now().getTime() - missedAt < MISS_TTL_MS) return undefined;

            const member = await this.lookup(ctx, user.teamsId);
            const email = member?.email ?? member?.userPrincipalName;
            const byMail = email ? inForbund(roster.byEmail(email)) : undefined;
            if (!byMail) {
                if (misses.size >= MAX_MISSES) misses.delete(misses.keys().next().value as string);
                misses.set(missKey, deps.now().getTime());
                return undefined;
            }
            roster.bindIdentity(byMail.id, { teamsUserId: user.teamsId, entraId: member?.aadObjectId ?? user.entraId });
            return roster.byId(byMail.id);
        },

        /** Forgets cached misses (after a roster change a newly added person must be found at once). */
        forgetMisses(): void {
            misses.clear();
        },

        /** Looks a Teams user up through the connector; undefined when the connector cannot say. */
        async lookup(ctx: TurnContext, teamsUserId: string) {
            try {
                return await TeamsInfo.getMember(ctx, teamsUserId);
            } catch (err) {
                // Only the status/code: a connector error message can carry request headers (the bearer token).
                const e = err as { statusCode?: number; code?: string };
                deps.log.debug('member lookup failed', { status: e.statusCode, code: e.code });
                return undefined;
            }
        },
    };
}
export type Identity = ReturnType<typeof createIdentity>;
