// Tells each förbund's chef, in one message per tick, which reminders could not be delivered; each notice once.
import type { ConversationReference } from 'botbuilder';
import type { Person } from '../domain/access';
import { must } from '../domain/must';
import type { Logger } from '../log';
import type { ForbundRepository } from '../storage/forbund-repository';
import type { ReminderRows } from '../storage/reminders';
import type { Roster } from '../storage/roster';
import type { NoticeItem, ReminderComposer } from './reminder-composer';
import type { ProactiveSender } from './sender';

type Deps = {
    forbund: ForbundRepository;
    roster: Roster;
    sender: ProactiveSender;
    compose: ReminderComposer;
    rows: ReminderRows;
    clock: () => Date;
    log: Logger;
    userRef: (p: Person) => Partial<ConversationReference> | undefined;
};

/** Sends the collected notices; a notice is recorded only once the chef's message was accepted. Returns how many. */
export async function sendNotices(
    byForbund: Map<string, { key: string; item: NoticeItem }[]>,
    now: Date,
    deps: Deps,
): Promise<number> {
    let told = 0;
    for (const [forbundId, list] of byForbund) {
        const f = must(deps.forbund.get(forbundId), `förbund ${forbundId} with reminder notices`);
        const chef = deps.roster
            .list(f.id)
            .find((p) => p.roles.some((r) => r.role === 'förbundschef') && deps.userRef(p));
        if (!chef) {
            deps.log.warn('reminder problems cannot be told: the förbundschef cannot be reached', {
                forbund: f.id,
                notices: list.length,
            });
            continue;
        }
        const ref = must(deps.userRef(chef), 'conversation of the reachable förbundschef');
        const activity = deps.compose.notice(
            f,
            list.map((n) => n.item),
            now,
            ref.locale,
        );
        const result = await deps.sender.send(ref, activity);
        if (!result.ok) {
            deps.log.warn('reminder notice to the chef failed; it is tried again next tick', {
                forbund: f.id,
                error: result.error,
            });
            continue;
        }
        deps.rows.recordNotices(
            f.id,
            list.map((n) => n.key),
            deps.clock(),
        );
        told += list.length;
    }
    return told;
}
