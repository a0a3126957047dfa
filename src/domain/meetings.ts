// Who is called to a body's meeting, their answers, and whether the meeting is beslutsmässig.
import type { Person } from './access';
import type { Body, Forbund } from './schema';

export const ANSWERS = ['kommer', 'förhinder'] as const;
/** A member's answer to a kallelse: "Jag kommer" or "Förhinder". */
export type Answer = (typeof ANSWERS)[number];
export type AnswerEvent = { personId: number; answer: Answer };

/**
 * Seats that count towards quorum. For the styrelse one group per part: its ledamot seats, the part's ledamöter and
 * ersättare. For bodies without seats per part every member is a group of one seat with no ersättare.
 */
export type SeatGroup = { key: string; seats: number; ledamoter: number[]; ersattare: number[] };
export type Invitation = { members: number[]; groups: SeatGroup[]; seats: number };

const holdsRole = (p: Person, role: string, pred: (r: Person['roles'][number]) => boolean = () => true) =>
    p.roles.some((r) => r.role === role && pred(r));

/** Everyone called to a meeting of `body`: for the styrelse every ledamot and ersättare, else the body's members. */
export function invitation(f: Forbund, body: Body, people: readonly Person[]): Invitation {
    const mine = people.filter((p) => p.forbundId === f.id);
    if (body.kind === 'styrelse') {
        const perPart = body.seatsPerPart?.ledamot ?? 1;
        const groups = f.parter.map((part) => ({
            key: part.id,
            seats: perPart,
            ledamoter: mine.filter((p) => holdsRole(p, 'ledamot', (r) => r.partId === part.id)).map((p) => p.id),
            ersattare: mine.filter((p) => holdsRole(p, 'ersättare', (r) => r.partId === part.id)).map((p) => p.id),
        }));
        const members = [...new Set(groups.flatMap((g) => [...g.ledamoter, ...g.ersattare]))];
        return { members, groups, seats: groups.reduce((s, g) => s + g.seats, 0) };
    }
    const members = mine
        .filter((p) =>
            body.kind === 'beredningsgrupp'
                ? holdsRole(p, 'beredningsgrupp')
                : holdsRole(p, 'styrgrupp', (r) => r.insatsId === body.insatsId),
        )
        .map((p) => p.id);
    const groups = members.map((id) => ({ key: `person-${id}`, seats: 1, ledamoter: [id], ersattare: [] }));
    return { members, groups, seats: groups.length };
}

/** The answer that counts per person: the latest one. Answering twice changes the answer, never adds one. */
export function latestAnswers(events: readonly AnswerEvent[]): Map<number, Answer> {
    const out = new Map<number, Answer>();
    for (const e of events) out.set(e.personId, e.answer);
    return out;
}

export type Quorum = {
    seats: number;
    /** Seats filled by a present ledamot or a serving ersättare. */
    filled: number;
    /** More than half of the seats are filled. */
    beslutsmassig: boolean;
    presentLedamoter: number[];
    /** Ersättare who fill the seat of a ledamot with förhinder (or a vacant seat) of their own part. */
    serving: number[];
    /** Ersättare who come without serving (their ledamot comes or has not answered): närvaro- och yttranderätt. */
    attendingOnly: number[];
    absent: number[];
    unanswered: number[];
};

/** Counts the seats: an ersättare fills a seat only for their own part, and only when its ledamot is absent. */
export function quorum(inv: Invitation, answers: ReadonlyMap<number, Answer>): Quorum {
    const q: Quorum = {
        seats: inv.seats,
        filled: 0,
        beslutsmassig: false,
        presentLedamoter: [],
        serving: [],
        attendingOnly: [],
        absent: inv.members.filter((id) => answers.get(id) === 'förhinder'),
        unanswered: inv.members.filter((id) => !answers.has(id)),
    };
    for (const g of inv.groups) {
        const present = g.ledamoter.filter((id) => answers.get(id) === 'kommer');
        const away = g.ledamoter.filter((id) => answers.get(id) === 'förhinder').length;
        const byLedamot = Math.min(g.seats, present.length);
        const open = Math.min(g.seats - byLedamot, away + Math.max(0, g.seats - g.ledamoter.length));
        const comingErsattare = g.ersattare.filter((id) => answers.get(id) === 'kommer' && !g.ledamoter.includes(id));
        const serving = comingErsattare.slice(0, open);
        q.presentLedamoter.push(...present);
        q.serving.push(...serving);
        q.attendingOnly.push(...comingErsattare.slice(open));
        q.filled += byLedamot + serving.length;
    }
    q.beslutsmassig = q.filled * 2 > q.seats;
    return q;
}

/** The ersättare of the same part as `ledamotId` who have not reported förhinder: they are called to serve. */
export function ersattareCalledFor(inv: Invitation, ledamotId: number, answers: ReadonlyMap<number, Answer>): number[] {
    const group = inv.groups.find((g) => g.ledamoter.includes(ledamotId));
    return group ? group.ersattare.filter((id) => answers.get(id) !== 'förhinder' && id !== ledamotId) : [];
}
