// Registers the monthly report capability: the form and its submit, follow-up questions, who is missing, CSV export.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import { turnInfo } from '../turn';
import { answerExport, EXPORT, registerCsvDownload } from './export';
import { answerFollowUp, followUpRequest } from './followup';
import { answerMissing, MISSING } from './missing';
import { openReportForm, REPORT } from './open';
import { registerReportSubmit } from './submit';

/** Registers the report routes; each matches only its own phrases so other questions reach later routes. */
export function registerReports(app: Application<TurnState>, deps: BotDeps): void {
    const text = (ctx: Parameters<typeof turnInfo>[0]) => turnInfo(ctx, deps).text;
    app.message(
        async (ctx) => REPORT.test(text(ctx)),
        (ctx) => openReportForm(ctx, deps),
    );
    app.message(
        async (ctx) => MISSING.test(text(ctx)),
        (ctx) => answerMissing(ctx, deps),
    );
    app.message(
        async (ctx) => EXPORT.test(text(ctx)),
        (ctx) => answerExport(ctx, deps),
    );
    app.message(
        async (ctx) => followUpRequest(ctx, deps) !== undefined,
        async (ctx) => {
            const req = followUpRequest(ctx, deps)!;
            await answerFollowUp(ctx, deps, req.insats, req.year);
        },
    );
    registerReportSubmit(app, deps);
    registerCsvDownload(deps);
}
