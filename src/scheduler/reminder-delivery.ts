// Sends planned reminders: one conversation's reminders in order, several conversations at once, each row claimed first.
import type { Activity, ConversationReference } from 'botbuilder';
import type { Forbund } from '../domain/schema';
import type { Logger } from '../log';
import type { ReminderRows } from '../storage/reminders';
import type { Planned } from './reminder-plan';
import type { ProactiveSender, SendResult } from './sender';

/** One reminder ready to go: where, and what. */
export type Delivery = { f: Forbund; p: Planned; ref: Partial<ConversationReference>; activity: Partial<Activity> };
/** How it went: sent, failed (final or kept pending), or skipped because another tick had it. */
export type Delivered = { f: Forbund; p: Planned } & (
    { outcome: 'sent' } | { outcome: 'skipped' } | { outcome: 'failed'; error: string; final: boolean }
);

type Deps = { rows: ReminderRows; sender: ProactiveSender; clock: () => Date; log: Logger; concurrency?: number };

/** Refusals that another try will not fix: bad request, auth, bot removed or blocked, no such conversation. */
const FINAL_STATUSES = new Set([400, 401, 403, 404]);
const isFinal = (r: Extract<SendResult, { ok: false }>) =>
    r.attempts === 0 || (r.status !== undefined && FINAL_STATUSES.has(r.status));

async function deliverOne(d: Delivery, deps: Deps): Promise<Delivered> {
    const { rows, clock, log } = deps;
    const id = d.p.row.id;
    if (!rows.claim(id, clock())) return { f: d.f, p: d.p, outcome: 'skipped' };
    let result: SendResult;
    try {
        result = await deps.sender.send(d.ref, d.activity);
    } catch (err) {
        result = { ok: false, error: (err as Error).message, attempts: 1 };
    }
    if (result.ok) {
        // Recorded synchronously on the connector's answer: only a crash right here can make this send repeat.
        if (!rows.sent(id, clock(), result.attempts, result.activityId))
            log.warn('reminder sent after its claim ran out and another process took it; it may arrive twice', {
                reminderId: id,
            });
        log.info('reminder sent', { reminderId: id, deadline: d.p.deadline.key, lead: d.p.lead, late: d.p.late });
        return { f: d.f, p: d.p, outcome: 'sent' };
    }
    const final = isFinal(result);
    rows.failed(id, result.error, result.attempts, final);
    log.warn(final ? 'reminder could not be delivered' : 'reminder not delivered yet; kept for the next tick', {
        reminderId: id,
        deadline: d.p.deadline.key,
        status: result.status,
        attempts: result.attempts,
    });
    return { f: d.f, p: d.p, outcome: 'failed', error: result.error, final };
}

/** Delivers everything; resolves when each reminder is sent or has its failure recorded. */
export async function deliverAll(all: readonly Delivery[], deps: Deps): Promise<Delivered[]> {
    const queues = new Map<string, Delivery[]>();
    for (const d of all) {
        const key = d.ref.conversation?.id ?? '';
        const queue = queues.get(key) ?? [];
        queue.push(d);
        queues.set(key, queue);
    }
    const pending = [...queues.values()];
    const out: Delivered[] = [];
    const worker = async () => {
        for (let q = pending.shift(); q; q = pending.shift()) for (const d of q) out.push(await deliverOne(d, deps));
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency ?? 16, pending.length)) }, worker));
    return out;
}
