// The utfall a handler shows: the named year's, or the latest year imported; shared by the agenda and the Q&A.
import type { Forbund } from '../domain';
import { utfallReport, type UtfallData, type UtfallReport } from '../domain/utfall-report';
import type { BotDeps } from './deps';

/** The stored utfall of `year` (without one: the latest year with utfall). */
export function utfallLookup(deps: Pick<BotDeps, 'utfall'>, forbundId: string) {
    return (year?: number): UtfallData | undefined => {
        const y = year ?? deps.utfall.latestYear(forbundId);
        return y === undefined ? undefined : deps.utfall.current(forbundId, y);
    };
}

/** The report from the latest utfall of `year`, when any is imported and the plan has that year. */
export function utfallReportFor(deps: Pick<BotDeps, 'utfall'>, f: Forbund, year: number): UtfallReport | undefined {
    const data = deps.utfall.current(f.id, year);
    return data && utfallReport(f, data);
}
