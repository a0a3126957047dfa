// People and their roles per förbund, seeded once from the data file; every change writes an audit row.
import { z } from 'zod';
import { ROLE_NAMES, type Person, type PersonRole } from '../domain/access';
import { transactional, type Db } from './db';

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

/** Repository over people, person_roles and audit_log. `now` is injected so audit times are testable. */
export function createRoster(db: Db, now: () => Date) {
    const rolesOf = db.prepare('SELECT role, part_id, insats_id FROM person_roles WHERE person_id = ? ORDER BY id');
    const insertPerson = db.prepare(
        'INSERT INTO people (forbund_id, slug, name, email, entra_id, teams_user_id, sample, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertRole = db.prepare(
        'INSERT OR IGNORE INTO person_roles (person_id, role, part_id, insats_id) VALUES (?, ?, ?, ?)',
    );
    const deleteRole = db.prepare(
        'DELETE FROM person_roles WHERE person_id = ? AND role = ? AND part_id IS ? AND insats_id IS ?',
    );
    const insertAudit = db.prepare(
        'INSERT INTO audit_log (forbund_id, at, actor, action, details) VALUES (?, ?, ?, ?, ?)',
    );

    const toPerson = (row: PersonRow): Person => ({
        id: row.id,
        forbundId: row.forbund_id,
        slug: row.slug,
        name: row.name,
        email: row.email ?? undefined,
        entraId: row.entra_id ?? undefined,
        teamsUserId: row.teams_user_id ?? undefined,
        sample: row.sample === 1,
        roles: rolesOf.all(row.id).map((r) => {
            const p = roleRow.parse(r);
            return { role: p.role, partId: p.part_id ?? undefined, insatsId: p.insats_id ?? undefined };
        }),
    });
    const statements = new Map<string, { all(...params: unknown[]): unknown[] }>();
    const many = (sql: string, ...args: unknown[]) => {
        let stmt = statements.get(sql);
        if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
        return (stmt.all(...args) as PersonRow[]).map(toPerson);
    };
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
                for (const r of p.roles) insertRole.run(lastInsertRowid, r.role, r.partId ?? null, r.insatsId ?? null);
            }
            db.prepare('INSERT INTO forbund_seeded (forbund_id, seeded_at) VALUES (?, ?)').run(
                forbundId,
                now().toISOString(),
            );
            audit(forbundId, 'system', 'roster.seed', { people: seed.length });
            return true;
        }),
        list: (forbundId: string) => many('SELECT * FROM people WHERE forbund_id = ? ORDER BY name', forbundId),
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
                insertRole.run(personId, role.role, role.partId ?? null, role.insatsId ?? null);
                audit(forbundId, actor, 'role.add', { personId, ...role });
                return repo.byId(personId);
            },
        ),

        /** Removes one role; returns false when the person did not hold it (nothing written). */
        removeRole: transactional(
            db,
            (forbundId: string, actor: string, personId: number, role: PersonRole): boolean => {
                const { changes } = deleteRole.run(personId, role.role, role.partId ?? null, role.insatsId ?? null);
                if (changes === 0) return false;
                audit(forbundId, actor, 'role.remove', { personId, ...role });
                return true;
            },
        ),

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
