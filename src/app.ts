// Composition root: the one place that constructs infrastructure (db, adapter, sender, server) and wires it together.
import { join } from 'node:path';
import { createTeamsAdapter } from './bot/adapter';
import { createBotApplication } from './bot/application';
import { createVerbRegistry } from './bot/cards/registry';
import { createKallelseJob } from './bot/agenda/auto-kallelse';
import { deadlineDoneBy } from './bot/decisions';
import type { BotDeps } from './bot/deps';
import { createReminderComposer } from './bot/reminders/messages';
import { uppdragReminderCard } from './bot/uppdrag';
import { emptyReportForm } from './bot/reports';
import { createIdentity } from './bot/identity';
import { isLoopbackHost, type Config } from './config';
import { hasPlan, parsePlanText, type Forbund, type PlanText } from './domain';
import { editionOf } from './domain/edition';
import { createDownloads } from './http/downloads';
import { createHttpServer } from './http/server';
import { createUrlSigner } from './http/signed-url';
import { createLogger, type Logger } from './log';
import { FORBUND_DATA_DIR } from './paths';
import { createReminderService } from './scheduler/reminders';
import { createProactiveSender } from './scheduler/sender';
import { createActionKeys } from './storage/action-keys';
import { createSqliteStorage } from './storage/bot-state';
import { createConversationRefs } from './storage/conversation-refs';
import { writesElsewhere } from './storage/data-version';
import { openDb } from './storage/db';
import { createDeadlines } from './storage/deadlines';
import { createPerCapsulam } from './storage/decision-per-capsulam';
import { createProtokoll } from './storage/decision-protokoll';
import { createDecisions } from './storage/decisions';
import { createForbundRepository, forbundFromDb } from './storage/forbund-repository';
import { loadPlanText } from './storage/forbund-files';
import { seedForbund } from './storage/forbund-seed';
import { createForbundVersions } from './storage/forbund-versions';
import { createLinks } from './storage/links';
import { createMeetings } from './storage/meetings';
import { createReminderRows } from './storage/reminders';
import { createUppdrag } from './storage/uppdrag';
import { createReports } from './storage/reports';
import { createRecentReadings } from './storage/recent-readings';
import { createRoster } from './storage/roster';
import { randomSecret, settingOrCreate } from './storage/settings';
import { createSetupCodes } from './storage/setup-codes';
import { createUtfall } from './storage/utfall';
import { createFilePreviews } from './storage/file-previews';
import { createFileReadings } from './storage/file-readings';
import { fetchSentFile } from './http/file-fetch';
import { readPlanIsolated } from './plandoc/isolated';
import { findOcrTools, type OcrTools } from './plandoc/ocr';
import { createPlanVersions } from './storage/plan-versions';

/** How long a Q&A reading may be continued by a follow-up ("och 2026?"). */
const FOLLOW_UP_MINUTES = 15;

export type AppOverrides = {
    now?: () => Date;
    log?: Logger;
    sleep?: (ms: number) => Promise<void>;
    /** Extra förbund files (tests add an invented one); the configured ids are loaded from data/forbund. */
    forbund?: Forbund[];
    /** The OCR tools for scanned plan PDFs; false for none. Found on PATH (pdftoppm, tesseract with swe) by default. */
    ocr?: OcrTools | false;
};

/** Builds the whole bot for a config; nothing listens until `listen()`. */
export function createApp(config: Config, overrides: AppOverrides = {}) {
    const now = overrides.now ?? (() => new Date());
    const log = overrides.log ?? createLogger(config.logLevel);
    const db = openDb(config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'finsam.sqlite'));
    const forbundVersions = createForbundVersions(db, now);
    const planVersions = createPlanVersions(db, now);
    // Each activated plan document is parsed once; the seed's plan text serves until the chef activates one.
    const parsedPlans = new Map<number, PlanText>();
    const planInForce = (id: string): PlanText | undefined => {
        const v = planVersions.active(id);
        if (!v) return plans.get(id);
        let plan = parsedPlans.get(v.id);
        if (!plan)
            parsedPlans.set(
                v.id,
                (plan = { ...parsePlanText(v.text), edition: editionOf(v.version!, v.fileName, v.activeFrom) }),
            );
        return plan;
    };
    let ocrTools: Promise<OcrTools | undefined> | undefined;
    const ocr = () =>
        (ocrTools ??= overrides.ocr !== undefined ? Promise.resolve(overrides.ocr || undefined) : findOcrTools());
    // The plan texts of the seeded förbund (data/forbund/<id>.plan.md), read once; the Q&A quotes them.
    const plans = new Map(
        config.forbund.map((id) => [id, loadPlanText(config.forbundDataDir ?? FORBUND_DATA_DIR, id)]),
    );
    const forbund = overrides.forbund
        ? createForbundRepository(overrides.forbund.map((f) => ({ forbund: f, source: 'AppOverrides.forbund' })))
        : forbundFromDb({
              versions: forbundVersions,
              configured: config.forbund,
              now,
              changedElsewhere: writesElsewhere(db),
              planText: planInForce,
          });
    if (!overrides.forbund) {
        const { empty } = seedForbund(forbundVersions, config.forbundDataDir ?? FORBUND_DATA_DIR, config.forbund);
        for (const id of empty)
            log.warn(`förbund ${id} has no data yet: import a workbook with npm run forbund -- import <file>`, {
                forbund: id,
            });
    }
    const roster = createRoster(db, now);
    const setupCodes = createSetupCodes(db, now);
    for (const f of forbund.list()) {
        if (hasPlan(f) && roster.seedOnce(f.id, f.roster))
            log.info('roster seeded from data file', { forbund: f.id, people: f.roster.length });
        const code = setupCodes.issueIfMissing(f.id);
        if (code) {
            // Shown once: the person who writes "jag är förbundschef <kod>" to the bot in a 1:1 chat becomes förbundschef.
            log.info(`setup code for ${f.id}: write "jag är förbundschef ${code}" to the bot in a 1:1 chat`, {
                forbund: f.id,
            });
        }
    }

    const { appId } = config.auth;
    const adapter = createTeamsAdapter(config.auth);
    const refs = createConversationRefs(db, now);
    const sender = createProactiveSender({
        adapter,
        appId,
        // With authentication on, the bot's token only goes to service URLs that came with a validated request.
        trustsServiceUrl: appId ? (url) => refs.trustsServiceUrl(url) : undefined,
        clock: { now: () => now().getTime() },
        sleep: overrides.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        log: (event) => log.info('proactive', event),
    });
    let boundPort = config.port;
    const signer = createUrlSigner({
        secret: config.urlSigningSecret ?? settingOrCreate(db, 'url-signing-secret', randomSecret),
        baseUrl: () => config.publicUrl ?? `http://${config.host}:${boundPort}`,
        now,
    });
    const downloads = createDownloads(signer);
    const deps: BotDeps = {
        forbund,
        forbundVersions,
        transaction: (fn) => db.transaction(fn)(),
        roster,
        links: createLinks(db, now),
        refs,
        setupCodes,
        actionKeys: createActionKeys(db, now),
        meetings: createMeetings(db, now),
        decisions: createDecisions(db, now),
        uppdrag: createUppdrag(db, now),
        protokoll: createProtokoll(db, now),
        perCapsulam: createPerCapsulam(db, now),
        reports: createReports(db),
        readings: createRecentReadings(FOLLOW_UP_MINUTES * 60_000),
        deadlines: createDeadlines(db),
        utfall: createUtfall(db, now),
        identity: createIdentity({ roster, now, log, changedElsewhere: writesElsewhere(db) }),
        sender,
        downloads,
        previews: createFilePreviews(db, now),
        fileReadings: createFileReadings(db, now),
        fetchFile: (url) => fetchSentFile(url),
        plans: planVersions,
        readPlanDocument: async (buf, name) => readPlanIsolated(buf, name, await ocr()),
        verbs: createVerbRegistry(),
        now,
        log,
    };
    const app = createBotApplication(deps, adapter, createSqliteStorage(db), appId);
    const reminderRows = createReminderRows(db);
    const service = createReminderService({
        ...deps,
        reminderRows,
        compose: createReminderComposer(emptyReportForm(deps.reports), uppdragReminderCard(deps)),
        clock: now,
        doneBy: deadlineDoneBy(deps),
    });
    // Each tick first posts the kallelser that are due (7 days before by default), then sends the reminders.
    const kallelseJob = createKallelseJob(deps);
    const reminders = {
        ...service,
        /** With the instance lock held: sends a dead process left claimed go out at the next tick, not after the lease. */
        recoverAfterLock: () => reminderRows.endForeignLeases(),
        tick: async (at: Date) => {
            await kallelseJob(at);
            return service.tick(at);
        },
    };
    let ready = false;
    const server = createHttpServer({
        adapter,
        app,
        log,
        isReady: () => ready,
        signer,
        downloads,
        authenticated: Boolean(appId),
    });

    return {
        deps,
        /** The database itself, for tools and tests that look at the rows. */
        db,
        /** Deadline reminders: `tick(now)` sends what is due; src/index.ts runs it on a schedule. */
        reminders,
        app,
        adapter,
        server,
        /** Starts listening; resolves with the bound port (useful with port 0). */
        async listen(port = config.port, host = config.host): Promise<number> {
            await new Promise<void>((resolve) => {
                server.listen(port, host, () => resolve());
            });
            if (!appId && !isLoopbackHost(host))
                log.warn(
                    `UNAUTHENTICATED BOT ON ${host}: without MicrosoftAppId (ALLOW_UNAUTHENTICATED=1) anyone who reaches ` +
                        'this address can write as any roster person and make the bot call any URL',
                    { host },
                );
            ready = true;
            const address = server.address();
            boundPort = typeof address === 'object' && address ? address.port : port;
            return boundPort;
        },
        /** Stops accepting requests and closes the database cleanly. */
        async close(): Promise<void> {
            ready = false;
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
            });
            db.close();
        },
    };
}
export type BotApp = ReturnType<typeof createApp>;
