// Uppdrag given by a beslut: who owns one, when it is overdue, and the deadlines that remind the owner and the chef.
import { addDaysTo } from './deadline-days';
import type { Settled } from './deadline-sources';
import type { Audience } from './deadline-types';
import type { Forbund } from './schema';

/** An uppdrag as the rules see it: owned by a person or by a part, due on a Stockholm day. */
export type UppdragFact = {
    id: number;
    bodyId: string;
    meetingId: number;
    what: string;
    owner: { personId: number } | { partId: string };
    due: string;
    createdAt: Date;
    done?: { at: Date; note?: string };
};

/** Days before the due day the owner is reminded (the latest that has come is sent, once). */
export const UPPDRAG_LEADS = [7, 1] as const;
/** The chef hears of an overdue uppdrag once, the day after it was due. */
export const OVERDUE_LEAD = -1;

/** Open and past its due day on `today`. */
export const isOverdue = (u: UppdragFact, today: string) => !u.done && u.due < today;

/** The owner's name: the person's, or the part's from the förbund's data. */
export function ownerName(f: Forbund, u: UppdragFact, personName: (id: number) => string | undefined): string {
    return 'personId' in u.owner
        ? (personName(u.owner.personId) ?? '?')
        : (f.parter.find((p) => 'partId' in u.owner && p.id === u.owner.partId)?.name ?? u.owner.partId);
}

/**
 * Two deadlines per uppdrag: the owner's reminder before the due day (a part's uppdrag reminds the chef, who passes
 * it on) and the chef's overdue notice the day after. Done uppdrag are settled, so nothing more is sent.
 */
export function uppdragDeadlines(f: Forbund, list: readonly UppdragFact[], from: string, to: string): Settled[] {
    const out: Settled[] = [];
    for (const u of list) {
        const body = f.bodies.find((b) => b.id === u.bodyId)?.name ?? u.bodyId;
        const settled = u.done && { settled: { sv: 'uppdraget är klart', en: 'the assignment is done' } };
        const base = {
            kind: 'uppdrag' as const,
            due: u.due,
            origin: 'möte' as const,
            knownFrom: u.createdAt,
            subject: { meetingId: u.meetingId, uppdragId: u.id },
            source: { sv: `Uppdrag från ${body}`, en: `Assignment from ${body}` },
            ...settled,
        };
        const owner: Audience = 'personId' in u.owner ? { to: 'person', personId: u.owner.personId } : { to: 'chef' };
        if (u.due >= from && u.due <= to)
            out.push({
                ...base,
                key: `uppdrag:${u.id}`,
                title: { sv: `Uppdrag: ${u.what}`, en: `Assignment: ${u.what}` },
                audience: owner,
                leads: UPPDRAG_LEADS,
            });
        const late = addDaysTo(u.due, -OVERDUE_LEAD);
        if (late >= from && late <= to)
            out.push({
                ...base,
                key: `uppdrag-sen:${u.id}`,
                title: { sv: `Uppdrag ej klart: ${u.what}`, en: `Assignment not done: ${u.what}` },
                audience: { to: 'chef' },
                leads: [0],
                due: late,
            });
    }
    return out;
}
