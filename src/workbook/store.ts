// Stores a checked workbook in one transaction: the data as a new version (förslag, or aktiv from a day), the sample
// roster the first time, real people's roles with their mandate periods, and the förbund's setup code when it is new.
// Apart from reading (./import) so that the bot, which reads workbooks in a child process, never loads exceljs.
import { basename } from 'node:path';
import type { PersonRole } from '../domain/access';
import { dayOf } from '../domain/deadline-days';
import type { ForbundVersions, VersionInfo } from '../storage/forbund-versions';
import { roleKey, type Roster } from '../storage/roster';
import type { SetupCodes } from '../storage/setup-codes';
import type { RosterRow, WorkbookData } from './read';

export type ImportDeps = {
    versions: ForbundVersions;
    roster: Roster;
    setupCodes: SetupCodes;
    transaction<T>(fn: () => T): T;
    now: () => Date;
};

export type ImportResult = {
    forbundId: string;
    name: string;
    version: VersionInfo;
    /** Real people's roles written (new or extended) and earlier roles a new mandate period ended. */
    roles: { granted: number; ended: number };
    sampleRosterSeeded: boolean;
    /** Shown once: a new förbund's code for "jag är förbundschef <kod>". */
    setupCode?: string;
};

/** Roles a new mandate period replaces: those the Roster sheet lists with a first day. */
function takeovers(people: readonly RosterRow[]): Map<string, string[]> {
    const byDay = new Map<string, string[]>();
    for (const p of people)
        if (p.from && !byDay.get(p.from)?.includes(p.role.role))
            byDay.set(p.from, [...(byDay.get(p.from) ?? []), p.role.role]);
    return byDay;
}

/** Stores a workbook read (and checked) earlier, e.g. from a preview the chef activated. */
export function storeWorkbook(
    deps: ImportDeps,
    data: WorkbookData,
    fileName: string,
    opts: { by: string; activate?: boolean; from?: string },
): ImportResult {
    const id = data.forbund.id;
    return deps.transaction(() => {
        const version = deps.versions.store(id, data.document, {
            by: opts.by,
            source: basename(fileName),
            activate: opts.activate ? { by: opts.by, from: opts.from ?? dayOf(deps.now()) } : undefined,
        });
        const sampleRosterSeeded =
            opts.activate === true && data.forbund.roster.length > 0 && deps.roster.seedOnce(id, data.forbund.roster);
        let granted = 0;
        const keep = new Set<string>();
        for (const p of data.people) {
            const known =
                deps.roster.bySlug(id, p.slug) ??
                (p.email ? deps.roster.byEmail(p.email).find((x) => x.forbundId === id) : undefined);
            const { personId, changed } = deps.roster.grantPeriod(
                id,
                opts.by,
                { personId: known?.id, name: p.name, email: p.email, slug: p.slug },
                p.role as PersonRole,
                { from: p.from, to: p.to },
            );
            if (changed) granted++;
            keep.add(roleKey(personId, p.role));
        }
        // The sample people the workbook lists keep the roles it lists for them.
        for (const p of data.forbund.roster) {
            const person = deps.roster.bySlug(id, p.slug);
            if (person) for (const r of p.roles) keep.add(roleKey(person.id, r));
        }
        let ended = 0;
        for (const [day, kinds] of takeovers(data.people))
            ended += deps.roster.endOthers(id, opts.by, kinds, day, keep);
        const setupCode = deps.setupCodes.issueIfMissing(id);
        return {
            forbundId: id,
            name: data.forbund.name,
            version,
            roles: { granted, ended },
            sampleRosterSeeded,
            setupCode,
        };
    });
}
