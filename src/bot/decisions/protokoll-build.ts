// Builds the protokoll model from a closed meeting's rows: närvaro, every § with its decision, and the justerare.
import { mustGet } from '../../domain/must';
import type { BotDeps } from '../deps';
import { formatRef } from '../../domain/decisions';
import type { Protokoll } from '../../domain/protokoll';
import type { Decision } from '../../storage/decisions';
import { memberLabel, meetingYear } from '../meeting/words';
import type { DecisionState } from './state';

/** `§ 3/2025` of a recorded decision, wherever and whenever it was taken; undefined before its meeting closed. */
export function refOfDecision(dd: BotDeps, d: Decision): string | undefined {
    const n = dd.protokoll.paragraphs(d.meetingId).get(d.itemId);
    const m = dd.meetings.get(d.meetingId);
    return n && m ? formatRef(n, meetingYear(m.startsAt)) : undefined;
}

/** The protokoll of `st` with the given § numbers (version 1, before any edit). */
export function buildProtokoll(dd: BotDeps, st: DecisionState, numbers: Map<number, number>): Protokoll {
    const label = (ids: number[]) =>
        ids.map((id) => st.people.get(id)).flatMap((p) => (p ? [memberLabel(st, p, 'sv')] : []));
    const name = (id: number) => st.people.get(id)?.name ?? String(id);
    const year = meetingYear(st.meeting.startsAt);
    const chefs = [...st.people.values()].filter((p) => p.roles.some((r) => r.role === 'förbundschef'));
    return {
        meetingId: st.meeting.id,
        forbund: st.f.name,
        body: st.body.name,
        startsAt: st.meeting.startsAt.toISOString(),
        place: st.meeting.place,
        present: {
            ledamoter: label(st.quorum.presentLedamoter),
            serving: label(st.quorum.serving),
            attendingOnly: label(st.quorum.attendingOnly),
            absent: label(st.quorum.absent),
            others: chefs.map((p) => `${p.name} (förbundschef)`),
        },
        justerare: st.justerare.map((id) => ({ personId: id, name: name(id) })),
        paragraphs: st.items.map((it) => {
            const d = st.decisions.get(it.id);
            const n = mustGet(numbers, it.id, '§ number');
            const amended = d?.amends ? dd.decisions.byId(d.amends) : undefined;
            return {
                itemId: it.id,
                number: n,
                ref: formatRef(n, year),
                title: it.title,
                kind: it.kind,
                details: it.details ?? it.proposal,
                decision: d && {
                    id: d.id,
                    outcome: d.outcome,
                    text: d.text,
                    jav: d.jav.map(name),
                    reservationer: d.reservationer.map(name),
                    note: d.note,
                    amends: amended && refOfDecision(dd, amended),
                },
            };
        }),
    };
}
