// Registers the monthly report capability: the form and its submit, follow-up questions, who is missing, history,
// the chef's reporting status, CSV export and the Uppföljning Finsam figures.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import { onMessage } from '../on-message';
import { answerExport, EXPORT, EXPORT_IN_PERSONAL, registerCsvDownload } from './export';
import { answerFollowUp, followUpRequest } from './followup';
import { answerMissing, MISSING } from './missing';
import { openReportForm, REPORT, REPORT_IN_PERSONAL } from './open';
import { inPersonalChat } from './gates';
import { answerHistory, HISTORY_IN_PERSONAL, isHistoryRequest } from './history';
import { answerOverview, OVERVIEW, OVERVIEW_IN_PERSONAL } from './overview';
import { answerUppfoljning, registerUppfoljningDownload, UPPFOLJNING, UPPFOLJNING_IN_PERSONAL } from './uppfoljning';
import { registerReportSubmit, reportRecord } from './submit';
import { formCard } from './form';
import { valuesOf } from './form-values';
import { newActionKey } from '../cards/action-key';
import type { CardSpec } from '../../cards/render';
import type { Lang } from '../lang';
import type { Forbund } from '../../domain';
import type { Reports } from '../../storage/reports';

/** Registers the report routes; each matches only its own phrases so other questions reach later routes. */
export function registerReports(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(
        app,
        deps,
        (t) => isHistoryRequest(t.forbund, t.text, deps.now()),
        inPersonalChat(HISTORY_IN_PERSONAL, (ctx, t) => answerHistory(ctx, deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => OVERVIEW.test(t.text),
        inPersonalChat(OVERVIEW_IN_PERSONAL, (ctx, t) => answerOverview(ctx, deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => UPPFOLJNING.test(t.text),
        inPersonalChat(UPPFOLJNING_IN_PERSONAL, (ctx, t) => answerUppfoljning(ctx, deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => REPORT.test(t.text),
        inPersonalChat(REPORT_IN_PERSONAL, (ctx, t) => openReportForm(ctx, deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => MISSING.test(t.text),
        (ctx, t) => answerMissing(ctx, deps, t),
    );
    onMessage(
        app,
        deps,
        (t) => EXPORT.test(t.text),
        inPersonalChat(EXPORT_IN_PERSONAL, (ctx, t) => answerExport(ctx, deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => followUpRequest(t, deps) !== undefined,
        async (ctx, t) => {
            const req = followUpRequest(t, deps);
            if (req) await answerFollowUp(ctx, deps, t, req.insats, req.year);
        },
    );
    registerReportSubmit(app, deps);
    registerCsvDownload(deps);
    registerUppfoljningDownload(deps);
}

/** An empty report form for one insats and month, as a missing-report reminder carries it. */
export const emptyReportForm =
    (reports: Pick<Reports, 'versionCount'>) =>
    (f: Forbund, insats: Forbund['insatser'][number], month: string, lang: Lang): CardSpec =>
        formCard({
            f,
            insats,
            month,
            lang,
            key: newActionKey(reportRecord(f.id, insats.id, month), reports.versionCount(f.id, insats.id, month)),
            values: valuesOf(undefined),
            errors: [],
        });
