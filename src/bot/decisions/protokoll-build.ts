// Builds the protokoll model from a closed meeting's rows: närvaro, roles, every § with its record, the justerare.
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { formatRef } from '../../domain/decisions';
import { participants, presentAt, returnedNotServing } from '../../domain/meeting-presence';
import type { Paragraph, Protokoll } from '../../domain/protokoll';
import { yrkandeLabel, type Yrkande } from '../../domain/votering';
import type { Decision } from '../../storage/decisions';
import type { AgendaItem } from '../../storage/meeting-items';
import { memberLabel, meetingYear } from '../meeting/words';
import { paragraphRange, presenceLists } from './protokoll-presence';
import { insatsNotes } from '../meeting/insats-notes';
import { bodyDecides } from '../../domain/schema-org';
import { formatDate } from '../../domain/format';
import { type DecisionState, quorumAtItem } from './state';

/** `§ 3/2025` of a recorded decision, wherever and whenever it was taken; undefined before its meeting closed. */
export function refOfDecision(dd: BotDeps, d: Decision): string | undefined {
    const n = dd.protokoll.paragraphs(d.meetingId).get(d.itemId);
    const m = dd.meetings.get(d.meetingId);
    return n && m ? formatRef(n, meetingYear(m.startsAt)) : undefined;
}

const votesText = (n: number) => `${n} ${n === 1 ? 'röst' : 'röster'}`;
const hasRole = (p: Person, role: string) => p.roles.some((r) => r.role === role);

/** The meeting's ordförande: the present ordförande, else the present vice ordförande. */
export function chairOf(st: DecisionState): Person | undefined {
    const present = presentAt(st.quorum).map((id) => st.people.get(id));
    for (const role of ['ordförande', 'vice ordförande']) for (const p of present) if (p && hasRole(p, role)) return p;
    return undefined;
}

/** The sekreterare: the förbundschef who called the meeting, else the first förbundschef. */
function secretaryOf(st: DecisionState): Person | undefined {
    const creator = st.people.get(st.meeting.createdBy);
    if (creator && hasRole(creator, 'förbundschef')) return creator;
    return [...st.people.values()].find((p) => hasRole(p, 'förbundschef'));
}

/** Where the styrelse stops or starts again being beslutsmässig at this §, and what becomes of an item it could not decide. */
function quorumLines(st: DecisionState, it: AgendaItem, carried: boolean): string[] {
    const here = quorumAtItem(st, it.number).beslutsmassig;
    const before = it.number > 1 ? quorumAtItem(st, it.number - 1).beslutsmassig : true;
    const body = st.body.name;
    return [
        ...(before && !here
            ? [
                  `${body} är inte beslutsmässig från och med denna paragraf (${quorumAtItem(st, it.number).filled} av ${st.inv.seats} platser besatta).`,
              ]
            : []),
        ...(!before && here ? [`${body} är åter beslutsmässig från och med denna paragraf.`] : []),
        ...(carried
            ? ['Ärendet kunde inte avgöras och förs över till nästa sammanträde utan beslut.']
            : it.kind === 'beslut' && it.proposal && !here && !st.decisions.has(it.id)
              ? [`Ärendet kunde inte avgöras eftersom ${body.toLowerCase()} inte var beslutsmässig.`]
              : []),
    ];
}

/** The record of one §: närvaro changes, underlag, förslag, yrkanden, votering, who took part and the decision. */
function paragraphOf(
    dd: BotDeps,
    st: DecisionState,
    it: AgendaItem,
    n: number,
    year: number,
    carried: boolean,
): Paragraph {
    const label = (ids: number[]) =>
        ids.map((id) => st.people.get(id)).flatMap((p) => (p ? [memberLabel(st, p, 'sv')] : []));
    const name = (id: number) => st.people.get(id)?.name ?? String(id);
    const d = st.decisions.get(it.id);
    const amended = d?.amends ? dd.decisions.byId(d.amends) : undefined;
    const all = dd.meetings.yrkanden(it.id);
    const yrkanden = all.filter((y) => !y.withdrawn);
    const v = dd.meetings.votering(it.id);
    const labelOf = (y: Yrkande) => yrkandeLabel(y, all.indexOf(y), name(y.personId));
    const byId = new Map(yrkanden.map((y) => [y.id, y]));
    const lines = all.map((y) =>
        y.withdrawn ? `${labelOf(y)} – ${name(y.personId)} återtar sitt yrkande.` : labelOf(y),
    );
    const q = quorumAtItem(st, it.number, d?.jav ?? []);
    const jav = d?.jav ?? [];
    const serving = (at: number) => participants(quorumAtItem(st, at)).filter((id) => !jav.includes(id));
    const tell = (ids: number[], what: string) =>
        ids.flatMap((id) => {
            const p = st.people.get(id);
            return p ? [`${memberLabel(st, p, 'sv')} ${what} från och med denna paragraf.`] : [];
        });
    const now = participants(q);
    const before = it.number > 1 ? serving(it.number - 1) : now;
    const heldBefore = it.number > 1 ? returnedNotServing(quorumAtItem(st, it.number - 1), st.inv) : [];
    const presence = [
        ...tell(
            now.filter((id) => !before.includes(id)),
            'tjänstgör',
        ),
        ...tell(
            before.filter((id) => !now.includes(id)),
            'tjänstgör inte',
        ),
        ...returnedNotServing(q, st.inv)
            .filter((id) => !heldBefore.includes(id))
            .flatMap((id) => {
                const p = st.people.get(id);
                return p
                    ? [
                          `${memberLabel(st, p, 'sv')} är åter närvarande från och med denna paragraf men tjänstgör inte; ersättaren tjänstgör resten av sammanträdet enligt förbundets regler.`,
                      ]
                    : [];
            }),
    ];
    // A body that prepares has no quorum to lose: its notes carry no beslutsförhet lines.
    const quorum = bodyDecides(st.body) ? quorumLines(st, it, carried) : [];
    const winner = v && byId.get(v.winner);
    return {
        itemId: it.id,
        number: n,
        ref: formatRef(n, year),
        title: it.title,
        kind: it.kind,
        details: it.details,
        presenter: it.presenter,
        proposal: it.proposal,
        underlag: [
            ...it.links.map((l) => `${l.title}${l.version ? `, ${l.version}` : ''} (${l.url})`),
            ...(it.slot === 'insatser'
                ? insatsNotes(dd, st).map(
                      (x) => `Minnesanteckningar ${x.body} ${formatDate(x.startsAt, 'd MMMM yyyy')}`,
                  )
                : []),
        ],
        presence: presence.length ? presence : undefined,
        quorum: quorum.length ? quorum : undefined,
        yrkanden: lines.length ? lines : undefined,
        proposition:
            yrkanden.length > 1
                ? `Ordföranden ställer ${yrkanden.map((y) => `yrkande ${all.indexOf(y) + 1}`).join(' mot ')} under proposition${v ? '; omröstning begärs och genomförs.' : ` och finner att ${st.body.name.toLowerCase()} beslutar enligt ${winner ? labelOf(winner) : 'det yrkande som vann'}.`}`
                : undefined,
        votering: v && {
            kind: v.kind,
            election: v.election,
            votes:
                v.kind === 'öppen'
                    ? v.votes.map(
                          (x) =>
                              `${name(x.personId)}: ${x.yrkandeId ? `yrkande ${all.findIndex((y) => y.id === x.yrkandeId) + 1}` : 'avstår'}`,
                      )
                    : undefined,
            counts: [
                ...yrkanden.map((y) => `${labelOf(y)} – ${votesText(v.counts.get(y.id) ?? 0)}`),
                `Avstår – ${v.avstar}`,
            ],
            result: `${winner ? labelOf(winner) : '?'} vann${v.tieBreak === 'utslagsröst' ? ' genom ordförandens utslagsröst vid lika röstetal' : v.tieBreak === 'lottning' ? ' genom lottning vid lika röstetal' : ''}.`,
        },
        deltog: d ? label(participants(q)) : undefined,
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
}

/** For a meeting not beslutsmässig at some §§: from which § to the end (members left), else at which §§. */
function quorumLost(st: DecisionState, numbers: Map<number, number>, year: number): string | undefined {
    const lost = st.items.filter((it) => numbers.has(it.id) && !quorumAtItem(st, it.number).beslutsmassig);
    const first = lost.at(0);
    if (!first) return undefined;
    const ns = lost.map((it) => numbers.get(it.id) ?? 0);
    const q = quorumAtItem(st, first.number);
    const toEnd = st.items.slice(first.number - 1).every((it) => lost.includes(it));
    return toEnd
        ? `${st.body.name} var inte längre beslutsmässig från och med ${formatRef(ns[0], year)} (${q.filled} av ${q.seats} platser besatta).`
        : `${st.body.name} var inte beslutsmässig vid ${paragraphRange(ns)}/${year}.`;
}

/**
 * The protokoll of `st` with the given § numbers (version 1, before any edit); `carried`: the beslut items of a
 * failed meeting, or those a meeting that lost its quorum part-way could not decide.
 */
export function buildProtokoll(
    dd: BotDeps,
    st: DecisionState,
    numbers: Map<number, number>,
    carried: AgendaItem[] = [],
    notes = false,
): Protokoll {
    const name = (id: number) => st.people.get(id)?.name ?? String(id);
    const year = meetingYear(st.meeting.startsAt);
    const chefs = [...st.people.values()].filter((p) => hasRole(p, 'förbundschef'));
    const presenters = [...new Set(st.items.flatMap((it) => (it.presenter ? [it.presenter] : [])))].filter(
        (x) => !chefs.some((c) => c.name === x),
    );
    const chair = chairOf(st);
    const failed = numbers.size === 0 && st.items.length > 0;
    const rules = st.body.meetingRules;
    const noJustering = failed && rules?.quorumFailureJustering === 'ingen';
    const carriedIds = new Set(carried.map((it) => it.id));
    return {
        ...(notes ? { notes: true } : {}),
        meetingId: st.meeting.id,
        forbund: st.f.name,
        body: st.body.name,
        startsAt: st.meeting.startsAt.toISOString(),
        endsAt: dd.now().toISOString(),
        place: st.meeting.place,
        distance:
            rules?.distance && st.meeting.onlineUrl
                ? 'Sammanträdet hölls med möjlighet till deltagande på distans (Teams-möte).'
                : undefined,
        beslutsmassig: !failed,
        quorumText: failed ? `${st.quorum.filled} av ${st.quorum.seats} platser besatta` : undefined,
        quorumLost: failed || notes ? undefined : quorumLost(st, numbers, year),
        carried: carried.length ? carried.map((it) => it.title) : undefined,
        ordforande: chair && !noJustering && !notes ? { personId: chair.id, name: chair.name } : undefined,
        sekreterare: secretaryOf(st)?.name,
        present: {
            ...presenceLists(st, notes ? new Map<number, number>() : numbers, (id) => {
                const p = st.people.get(id);
                return p ? memberLabel(st, p, 'sv') : String(id);
            }),
            others: [...chefs.map((p) => `${p.name} (förbundschef)`), ...presenters.map((x) => `${x} (föredragande)`)],
        },
        justerare: failed || notes ? [] : st.justerare.map((id) => ({ personId: id, name: name(id) })),
        paragraphs: st.items.flatMap((it) => {
            const n = numbers.get(it.id);
            if (n === undefined) return [];
            const p = paragraphOf(dd, st, it, n, year, carriedIds.has(it.id));
            return [notes ? { ...p, ref: `${n}.` } : p];
        }),
    };
}
