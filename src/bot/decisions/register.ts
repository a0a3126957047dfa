// The beslutsregister: every § with a decision from closed meetings' protokoll, plus settled per capsulam results.
import { formatPcRef } from '../../domain/decision-per-capsulam';
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { budgetEffects, type BudgetEffect } from '../../domain/decisions';
import { fold } from '../../qa/text';
import { formatWhen } from '../meeting/words';
import { settleIfDue } from './per-capsulam-view';
import { maySeeProtokoll, protokollLinks } from './protokoll-view';
import { isClosed, loadDecisionState, type DecisionState } from './state';

/** One register entry: a § (with its meeting) or a per capsulam result. */
export type Entry = {
    ref: string;
    title: string;
    text: string;
    when: string;
    bodyId: string;
    final: boolean;
    meetingId?: number;
    itemId?: number;
    st?: DecisionState;
};

/** The register of a förbund, newest meeting first; per capsulam results that are due are settled on the way. */
export function registerEntries(dd: BotDeps, forbundId: string, bodyId?: string): Entry[] {
    const out: Entry[] = [];
    for (const id of dd.protokoll.closedMeetings(forbundId, bodyId)) {
        const st = loadDecisionState(dd, id);
        if (!st?.protokoll) continue;
        for (const p of st.protokoll.data.paragraphs) {
            if (!p.decision) continue;
            out.push({
                ref: p.ref,
                title: p.title,
                text: p.decision.text,
                when: formatWhen(st.meeting.startsAt, 'sv'),
                bodyId: st.body.id,
                final: st.justering?.status === 'justerat',
                meetingId: id,
                itemId: p.itemId,
                st,
            });
        }
    }
    for (const p of dd.perCapsulam.list(forbundId)) {
        if (bodyId && p.bodyId !== bodyId) continue;
        const { tally } = settleIfDue(dd, p);
        if (!tally.settled) continue;
        const r = dd.perCapsulam.result(p.id);
        const at = r?.settledAt ?? p.deadline;
        out.push({
            ref: r?.register
                ? formatPcRef(r.register.number, r.register.year)
                : `per capsulam ${formatWhen(at, 'sv').replace(/ kl\..*$/, '')}`,
            title: p.title,
            text: `${tally.adopted ? 'Antaget' : 'Inte antaget'}: ${p.proposal}`,
            when: formatWhen(at, 'sv'),
            bodyId: p.bodyId,
            final: true,
        });
    }
    return out;
}

/** Entries whose title or text contains every word of the topic (Swedish definite endings ignored). */
export function matching(entries: Entry[], topic: string): Entry[] {
    const words = fold(topic)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1 && !['the', 'den', 'det', 'de', 'a', 'an'].includes(w))
        .map((w) => (w.length > 5 ? w.replace(/(?:en|et|na|n|t)$/, '') : w));
    if (!words.length) return [];
    return entries.filter((e) => {
        const hay = fold(`${e.title} ${e.text}`);
        return words.every((w) => hay.includes(w));
    });
}

/** A markdown line for an entry, with a link to the protokoll when the asker may see it. */
export function entryLine(dd: BotDeps, e: Entry, asker?: Person): string {
    const status = e.final ? '' : ' (protokollet är inte justerat än)';
    const link =
        e.st && e.meetingId && maySeeProtokoll(e.st, asker)
            ? ` – [protokollsutdrag](${protokollLinks(dd, e.meetingId, e.itemId).html})`
            : '';
    return `- **${e.ref}** ${e.title} (${e.when}): ${e.text}${status}${link}`;
}

/** The status a justerat decision gives a budget year and its § (the newest meeting's decision wins); undefined if none. */
export function budgetDecisionFromRegister(
    dd: BotDeps,
    forbundId: string,
    year: number,
): { status: BudgetEffect['status']; ref: string } | undefined {
    for (const id of dd.protokoll.closedMeetings(forbundId)) {
        const st = loadDecisionState(dd, id);
        if (!st || !isClosed(st) || st.justering.status !== 'justerat') continue;
        for (const p of [...st.protokoll.data.paragraphs].reverse()) {
            const e = p.decision && budgetEffects(p.decision.outcome, p.decision.text).find((x) => x.year === year);
            if (e) return { status: e.status, ref: p.ref };
        }
    }
    return undefined;
}

/** The status a justerat decision gives a budget year (the newest meeting's decision wins); undefined if none. */
export function budgetStatusFromRegister(
    dd: BotDeps,
    forbundId: string,
    year: number,
): BudgetEffect['status'] | undefined {
    return budgetDecisionFromRegister(dd, forbundId, year)?.status;
}
