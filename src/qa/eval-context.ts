// What a corpus case's answer may consult: the förbund's seed roster, the case's recorded budget decisions and a
// named set of submitted reports, shown in full or as a shared conversation's suppressed table.
import { z } from 'zod';
import { DEFAULT_RULES } from '../domain/report-status';
import { StoredReportSchema } from '../domain/reports';
import type { ContextOf, Given } from './eval';
import type { Forbund } from '../domain';
import type { UppdragEntry } from './types';
import { reportView } from './report-view';

export const ReportSetsSchema = z.record(
    z.string(),
    z.object({ insats: z.string(), reports: z.array(StoredReportSchema) }),
);
export type ReportSets = z.infer<typeof ReportSetsSchema>;

/** A case's uppdrag as the bot lists them: numbered in order, owners named from the roster or the parts. */
function uppdragOf(f: Forbund, list: NonNullable<Given['uppdrag']>): UppdragEntry[] {
    return list
        .map((u, i) => {
            const person = f.roster.find((p) => p.slug === u.owner);
            const part = f.parter.find((p) => p.id === u.owner);
            if (!person && !part) throw new Error(`uppdrag owner "${u.owner}" is neither on the roster nor a part`);
            return {
                id: i + 1,
                what: u.what,
                owner: person?.name ?? part?.name ?? u.owner,
                ownerPartId: part?.id,
                due: u.due,
                body: f.bodies.find((b) => b.id === u.body)?.name ?? u.body,
            };
        })
        .sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id);
}

/** The eval's context: roster from the data file, decisions and reports from the case. */
export function evalContext(sets: ReportSets): ContextOf {
    return (c, f) => {
        const set = c.given?.reports ? sets[c.given.reports] : undefined;
        if (c.given?.reports && !set) throw new Error(`unknown report set "${c.given.reports}"`);
        return {
            roster: () => f.roster.map((p) => ({ name: p.name, roles: p.roles })),
            budgetDecision: (year) => c.given?.decisions?.find((d) => d.year === year),
            uppdrag: c.given?.uppdrag && (() => uppdragOf(f, c.given?.uppdrag ?? [])),
            reports: (insatsId, year) =>
                set && set.insats === insatsId
                    ? reportView(f, insatsId, year, set.reports, undefined, DEFAULT_RULES, c.given?.view !== 'shared')
                    : undefined,
        };
    };
}
