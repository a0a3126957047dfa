// People and their roles per förbund, seeded once from the data file; every change writes an audit row. A role has a
// period (valid_from..valid_to, Stockholm days): lookups see the roles in force on a day, today unless told.
import { z } from 'zod';
import { ROLE_NAMES, type Person, type PersonRole } from '../domain/access';
import { addDaysTo, dayOf } from '../domain/deadline-days';
import { transactional, type Db } from './db';

/** A role's period; undefined ends are open. */
export type RolePeriod = { from?: string; to?: string };

export type PersonSeed = { slug: string; name: string; email?: string; sample?: boolean; roles: PersonRole[] };
type PersonRow = {
    id: number;
    forbund_id: string;
    slug: string;
    name: string;
    email: string | null;
    entra_id: string | null;
    teams_user_id: string | null;
    sample: number;
};
const roleRow = z.object({
    role: z.enum(ROLE_NAMES),
    part_id: z.string().nullable(),
    insats_id: z.string().nullable(),
});

type PeriodRow = { id: number; valid_from: string | null; valid_to: string | null };

/** Repository over people, person_roles and audit_log. `now` is injected so audit times are testable. */
export function createRoster(db: Db, now: () => Date) {
    const rolesOf = db.prepare(
        `SELECT role, part_id, insats_id FROM person_roles WHERE person_id = ?
         AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id`,
    );
    const insertPerson = db.prepare(
        'INSERT INTO people (forbund_id, slug, name, email, entra_id, teams_user_id, sample, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const periodsOf = db.prepare<[number, string, string | null, string | null], PeriodRow>(
        `SELECT id, valid_from, valid_to FROM person_roles
         WHERE person_id = ? AND role = ? AND part_id IS ? AND insats_id IS ? ORDER BY id`,
    );
    const insertPeriod = db.prepare(
        'INSERT INTO person_roles (person_id, role, part_id, insats_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const today = () => dayOf(now());
    /** Periods overlap or touch (so they merge into one). */
    const meets = (a: RolePeriod, b: RolePeriod) =>
        (a.to === undefined || b.from === undefined || addDaysTo(a.to, 1) >= b.from) &&
        (b.to === undefined || a.from === undefined || addDaysTo(b.to, 1) >= a.from);
    const period = (r: PeriodRow): RolePeriod => ({ from: r.valid_from ?? undefined, to: r.valid_to ?? undefined });
    /** Gives `personId` the role for `p`, merged with a period it meets; false when it already covered it. */
    const grant = (personId: number | bigint, role: PersonRole, p: RolePeriod): boolean => {
        const rows = periodsOf.all(Number(personId), role.role, role.partId ?? null, role.insatsId ?? null);
        const hit = rows.find((r) => meets(period(r), p));
        if (!hit) {
            insertPeriod.run(
                personId,
                role.role,
                role.partId ?? null,
                role.insatsId ?? null,
                p.from ?? null,
                p.to ?? null,
            );
            return true;
        }
        const old = period(hit);
        const from = old.from === undefined || p.from === undefined ? undefined : old.from < p.from ? old.from : p.from;
        const to = old.to === undefined || p.to === undefined ? undefined : old.to > p.to ? old.to : p.to;
        if (from === old.from && to === old.to) return false;
        db.prepare('UPDATE person_roles SET valid_from = ?, valid_to = ? WHERE id = ?').run(
            from ?? null,
            to ?? null,
            hit.id,
        );
        return true;
    };
    const insertAudit = db.prepare(
        'INSERT INTO audit_log (forbund_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)',
    );

    const toPerson = (row: PersonRow, day: string): Person => ({
        id: row.id,
        forbundId: row.forbund_id,
        slug: row.slug,
        name: row.name,
        email: row.email ?? undefined,
        entraId: row.entra_id ?? undefined,
        teamsUserId: row.teams_user_id ?? undefined,
        sample: row.sample === 1,
        roles: rolesOf.all(row.id, day, day).map((r) => {
            const p = roleRow.parse(r);
            return { role: p.role, partId: p.part_id ?? undefined, insatsId: p.insats_id ?? undefined };
        }),
    });
    const statements = new Map<string, { all(...params: unknown[]): unknown[] }>();
    const manyOn = (day: string, sql: string, ...args: unknown[]) => {
        let stmt = statements.get(sql);
        if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
        return (stmt.all(...args) as PersonRow[]).map((r) => toPerson(r, day));
    };
    const many = (sql: string, ...args: unknown[]) => manyOn(today(), sql, ...args);
    const audit = (forbundId: string, actor: string, action: string, details: object): void => {
        insertAudit.run(forbundId, now().toISOString(), actor, action, JSON.stringify(details));
    };

    const uniqueSlug = (forbundId: string, name: string): string => {
        const base =
            name
                .normalize('NFD')
                .replace(/\p{M}/gu, '')
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-|-$/g, '') || 'person';
        let slug = base;
        for (
            let i = 2;
            db.prepare('SELECT 1 FROM people WHERE forbund_id = ? AND slug = ?').get(forbundId, slug);
            i++
        ) {
            slug = `${base}-${i}`;
        }
        return slug;
    };

    const repo = {
        /** Seeds the roster from the data file on first start only; afterwards the database is the truth. */
        seedOnce: transactional(db, (forbundId: string, seed: PersonSeed[]): boolean => {
            if (db.prepare('SELECT 1 FROM forbund_seeded WHERE forbund_id = ?').get(forbundId)) return false;
            for (const p of seed) {
                const { lastInsertRowid } = insertPerson.run(
                    forbundId,
                    p.slug,
                    p.name,
                    p.email ?? null,
                    null,
                    null,
                    p.sample ? 1 : 0,
                    now().toISOString(),
                );
                for (const r of p.roles) grant(lastInsertRowid, r, {});
            }
            db.prepare('INSERT INTO forbund_seeded (forbund_id, seeded_at) VALUES (?, ?)').run(
                forbundId,
                now().toISOString(),
            );
            audit(forbundId, 'system', 'roster.seed', { people: seed.length });
            return true;
        }),
        /** The people with the roles in force on `on`'s day (today by default), e.g. a past meeting's day. */
        list: (forbundId: string, on?: Date) =>
            manyOn(on ? dayOf(on) : today(), 'SELECT * FROM people WHERE forbund_id = ? ORDER BY name', forbundId),
        byId: (id: number) => many('SELECT * FROM people WHERE id = ?', id)[0],
        bySlug: (forbundId: string, slug: string) =>
            many('SELECT * FROM people WHERE forbund_id = ? AND slug = ?', forbundId, slug)[0],
        byTeamsUserId: (teamsUserId: string) => many('SELECT * FROM people WHERE teams_user_id = ?', teamsUserId),
        byEntraId: (entraId: string) => many('SELECT * FROM people WHERE entra_id = ?', entraId),
        byEmail: (email: string) => many('SELECT * FROM people WHERE lower(email) = lower(?)', email),

        /** Records the Teams identity of a matched person (card refresh needs the 29: id). */
        bindIdentity(personId: number, ids: { teamsUserId?: string; entraId?: string; email?: string }) {
            db.prepare(
                `UPDATE people SET teams_user_id = coalesce(?, teams_user_id), entra_id = coalesce(?, entra_id),
                 email = coalesce(email, ?) WHERE id = ?`,
            ).run(ids.teamsUserId ?? null, ids.entraId ?? null, ids.email ?? null, personId);
        },

        /** Adds a person (when new) and a role in one transaction, with an audit row. Returns the person. */
        addRole: transactional(
            db,
            (
                forbundId: string,
                actor: string,
                who: { personId?: number; name: string; email?: string; teamsUserId?: string; entraId?: string },
                role: PersonRole,
            ): Person => {
                let personId = who.personId;
                if (personId === undefined) {
                    const slug = uniqueSlug(forbundId, who.name);
                    personId = Number(
                        insertPerson.run(
                            forbundId,
                            slug,
                            who.name,
                            who.email ?? null,
                            who.entraId ?? null,
                            who.teamsUserId ?? null,
                            0,
                            now().toISOString(),
                        ).lastInsertRowid,
                    );
                    audit(forbundId, actor, 'person.add', { personId, slug, name: who.name });
                }
                // Granted in chat: from today, until removed.
                if (grant(personId, role, { from: today() }))
                    audit(forbundId, actor, 'role.add', { personId, ...role });
                return repo.byId(personId);
            },
        ),

        /**
         * Gives a person a role for a period (a mandate period from the workbook), creating the person when new; a
         * period that meets one the person has is merged with it.
         */
        grantPeriod: transactional(
            db,
            (
                forbundId: string,
                actor: string,
                who: { personId?: number; name: string; email?: string; slug?: string },
                role: PersonRole,
                p: RolePeriod,
            ): { personId: number; changed: boolean } => {
                let personId = who.personId;
                if (personId === undefined) {
                    const slug =
                        who.slug &&
                        !db.prepare('SELECT 1 FROM people WHERE forbund_id = ? AND slug = ?').get(forbundId, who.slug)
                            ? who.slug
                            : uniqueSlug(forbundId, who.name);
                    personId = Number(
                        insertPerson.run(
                            forbundId,
                            slug,
                            who.name,
                            who.email ?? null,
                            null,
                            null,
                            0,
                            now().toISOString(),
                        ).lastInsertRowid,
                    );
                    audit(forbundId, actor, 'person.add', { personId, slug, name: who.name });
                }
                const changed = grant(personId, role, p);
                if (changed) audit(forbundId, actor, 'role.add', { personId, ...role, from: p.from, to: p.to });
                return { personId, changed };
            },
        ),

        /**
         * Ends, the day before `day`, every role of `kinds` in the förbund that is open past it and not in `keep`
         * (person id + role): a new mandate period takes over that day. Returns how many ended.
         */
        endOthers: transactional(
            db,
            (forbundId: string, actor: string, kinds: readonly string[], day: string, keep: ReadonlySet<string>) => {
                const rows = db
                    .prepare<
                        [string],
                        PeriodRow & {
                            person_id: number;
                            role: string;
                            part_id: string | null;
                            insats_id: string | null;
                        }
                    >(
                        `SELECT r.id, r.person_id, r.role, r.part_id, r.insats_id, r.valid_from, r.valid_to
                         FROM person_roles r JOIN people p ON p.id = r.person_id WHERE p.forbund_id = ?`,
                    )
                    .all(forbundId);
                let ended = 0;
                for (const r of rows) {
                    if (!kinds.includes(r.role) || keep.has(roleKey(r.person_id, r))) continue;
                    if (r.valid_to !== null && r.valid_to < day) continue;
                    const role = { role: r.role, partId: r.part_id ?? undefined, insatsId: r.insats_id ?? undefined };
                    if (r.valid_from !== null && r.valid_from >= day) {
                        db.prepare('DELETE FROM person_roles WHERE id = ?').run(r.id);
                    } else {
                        db.prepare('UPDATE person_roles SET valid_to = ? WHERE id = ?').run(addDaysTo(day, -1), r.id);
                    }
                    audit(forbundId, actor, 'role.end', { personId: r.person_id, ...role, to: addDaysTo(day, -1) });
                    ended++;
                }
                return ended;
            },
        ),

        /** Removes one role; returns false when the person did not hold it (nothing written). */
        removeRole: transactional(
            db,
            (forbundId: string, actor: string, personId: number, role: PersonRole): boolean => {
                // The role ends yesterday, so what the person did while holding it keeps their role then; one granted
                // today (or for later) never served and is removed.
                const day = today();
                const open = periodsOf
                    .all(personId, role.role, role.partId ?? null, role.insatsId ?? null)
                    .filter((r) => r.valid_to === null || r.valid_to >= day);
                if (open.length === 0 || !open.some((r) => r.valid_from === null || r.valid_from <= day)) return false;
                for (const r of open) {
                    if (r.valid_from !== null && r.valid_from >= day)
                        db.prepare('DELETE FROM person_roles WHERE id = ?').run(r.id);
                    else db.prepare('UPDATE person_roles SET valid_to = ? WHERE id = ?').run(addDaysTo(day, -1), r.id);
                }
                audit(forbundId, actor, 'role.remove', { personId, ...role });
                return true;
            },
        ),

        /** Every role of the förbund's real (not sample) people with its period, for the workbook. */
        periods: (forbundId: string) =>
            db
                .prepare<
                    [string],
                    {
                        slug: string;
                        name: string;
                        email: string | null;
                        role: string;
                        part_id: string | null;
                        insats_id: string | null;
                        valid_from: string | null;
                        valid_to: string | null;
                    }
                >(
                    `SELECT p.slug, p.name, p.email, r.role, r.part_id, r.insats_id, r.valid_from, r.valid_to
                     FROM people p JOIN person_roles r ON r.person_id = p.id
                     WHERE p.forbund_id = ? AND p.sample = 0 ORDER BY p.name, p.id, r.valid_from, r.id`,
                )
                .all(forbundId)
                .map((r) => ({
                    slug: r.slug,
                    name: r.name,
                    email: r.email ?? undefined,
                    role: { role: r.role, partId: r.part_id ?? undefined, insatsId: r.insats_id ?? undefined },
                    from: r.valid_from ?? undefined,
                    to: r.valid_to ?? undefined,
                })),

        audit,
        auditRows: (forbundId: string) =>
            db
                .prepare('SELECT at, actor, action, details FROM audit_log WHERE forbund_id = ? ORDER BY id')
                .all(forbundId) as {
                at: string;
                actor: string;
                action: string;
                details: string;
            }[],
    };
    return repo;
}
export type Roster = ReturnType<typeof createRoster>;

/** A person's role as one string, to compare roles across periods. */
export function roleKey(
    personId: number,
    r: { role: string; part_id?: string | null; partId?: string; insats_id?: string | null; insatsId?: string },
): string {
    return [personId, r.role, r.part_id ?? r.partId ?? '', r.insats_id ?? r.insatsId ?? ''].join('|');
}
