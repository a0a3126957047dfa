// The year's cycle: when the protokoll with the budget decision is justerat, next year's budget (imported as a förslag)
// becomes the version in force from 1 January of that year.
import { budgetEffects } from '../../domain/decisions';
import type { VersionInfo } from '../../storage/forbund-versions';
import type { BotDeps } from '../deps';
import type { DecisionState } from './state';

/** Activates, per year the justerat protokoll fastställer, the newest förslag holding that year's budget. */
export function adoptBudgetVersions(dd: BotDeps, st: DecisionState, by: string): VersionInfo[] {
    const years = (st.protokoll?.data.paragraphs ?? []).flatMap((p) =>
        p.decision
            ? budgetEffects(p.decision.outcome, p.decision.text)
                  .filter((e) => e.status === 'fastställd')
                  .map((e) => e.year)
            : [],
    );
    const adopted: VersionInfo[] = [];
    for (const year of [...new Set(years)]) {
        const forslag = dd.forbundVersions
            .list(st.f.id)
            .filter((v) => v.status === 'förslag')
            .reverse()
            .find((v) => dd.forbundVersions.model(st.f.id, v.version)?.years.some((y) => y.year === year));
        if (forslag) adopted.push(dd.forbundVersions.activate(st.f.id, forslag.version, { by, from: `${year}-01-01` }));
    }
    return adopted;
}
