// Who may do what: the one shared role check every write goes through. Pure; the bot layer words the refusal.
import { ROSTER_ROLES } from './schema-org';

/** The roster roles (as in the data files). */
export const ROLE_NAMES = ROSTER_ROLES;
export type RoleName = (typeof ROLE_NAMES)[number];
export type PersonRole = { role: RoleName; partId?: string; insatsId?: string };
export type Person = {
    id: number;
    forbundId: string;
    slug: string;
    name: string;
    email?: string;
    entraId?: string;
    teamsUserId?: string;
    sample: boolean;
    roles: PersonRole[];
};

/** Every write the bot knows, with an optional target (insats or body) it applies to. */
export type Action =
    | { kind: 'roster.change' }
    | { kind: 'conversation.link' }
    | { kind: 'deadline.change' }
    | { kind: 'agenda.write' }
    | { kind: 'decision.record' }
    | { kind: 'meeting.close' }
    | { kind: 'utfall.import' }
    | { kind: 'report.submit'; insatsId: string }
    | { kind: 'report.readDetail'; insatsId: string }
    | { kind: 'attendance.answer'; body: { kind: 'styrelse' | 'beredningsgrupp' | 'styrgrupp'; insatsId?: string } };

export type Access =
    | { ok: true; person: Person }
    | { ok: false; reason: 'unknown-person' | 'other-forbund' | 'missing-role'; needed: string[] };

type Grant = { role: RoleName; insatsId?: string };

/** The grants that allow each action: a person needs one of them. */
function grants(action: Action): Grant[] {
    switch (action.kind) {
        case 'roster.change':
        case 'conversation.link':
        case 'deadline.change':
            return [{ role: 'förbundschef' }];
        case 'agenda.write':
        case 'decision.record':
        case 'meeting.close':
            return [{ role: 'förbundschef' }, { role: 'ordförande' }];
        case 'report.submit':
            return [{ role: 'projektägare', insatsId: action.insatsId }];
        case 'utfall.import':
            return [{ role: 'förbundschef' }, { role: 'ekonom' }];
        case 'report.readDetail':
            return [
                { role: 'förbundschef' },
                { role: 'projektägare', insatsId: action.insatsId },
                { role: 'styrgrupp', insatsId: action.insatsId },
            ];
        case 'attendance.answer':
            if (action.body.kind === 'styrelse') return [{ role: 'ledamot' }, { role: 'ersättare' }];
            if (action.body.kind === 'beredningsgrupp') return [{ role: 'beredningsgrupp' }];
            return [{ role: 'styrgrupp', insatsId: action.body.insatsId }];
    }
}

const holds = (p: Person, g: Grant) =>
    p.roles.some((r) => r.role === g.role && (g.insatsId === undefined || r.insatsId === g.insatsId));

/** Decides whether `person` (undefined when the Teams user is not on the roster) may perform `action` in `forbundId`. */
export function authorize(person: Person | undefined, forbundId: string, action: Action): Access {
    const needed = grants(action);
    const names = [...new Set(needed.map((g) => g.role))];
    if (!person) return { ok: false, reason: 'unknown-person', needed: names };
    if (person.forbundId !== forbundId) return { ok: false, reason: 'other-forbund', needed: names };
    return needed.some((g) => holds(person, g))
        ? { ok: true, person }
        : { ok: false, reason: 'missing-role', needed: names };
}
