// A förbund that is served before any data exists: named by its id, no parter, budget, goals or roster yet.
import type { Forbund } from './schema';

/** The model of a förbund with no data yet; `hasPlan` tells it apart. */
export function emptyForbund(id: string): Forbund {
    return {
        id,
        name: id,
        shortName: id,
        aliases: [],
        formed: 0,
        source: { title: 'inga uppgifter ännu' },
        notes: [],
        parter: [],
        bodies: [],
        insatser: [],
        thresholds: {},
        years: [],
        claims: [],
        bokslut: [],
        goals: { malomraden: [], verksamhetsmal: [], matpunkter: [], nyckeltal: [] },
        roster: [],
    };
}

/** False for a förbund that has no budget year yet (set up, but no workbook imported). */
export const hasPlan = (f: Forbund): boolean => f.years.length > 0;
