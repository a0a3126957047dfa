// What the bot's handlers are given by the composition root; nothing in src/bot constructs infrastructure.
import type { Downloads } from '../http/downloads';
import type { Logger } from '../log';
import type { PlanDocument } from '../plandoc/document';
import type { PlanVersions } from '../storage/plan-versions';
import type { ProactiveSender } from '../scheduler/sender';
import type { ActionKeys } from '../storage/action-keys';
import type { ConversationRefs } from '../storage/conversation-refs';
import type { Deadlines } from '../storage/deadlines';
import type { ForbundRepository } from '../storage/forbund-repository';
import type { FilePreviews } from '../storage/file-previews';
import type { FileReadings } from '../storage/file-readings';
import type { ForbundVersions } from '../storage/forbund-versions';
import type { PerCapsulamRepo } from '../storage/decision-per-capsulam';
import type { ProtokollRepo } from '../storage/decision-protokoll';
import type { Decisions } from '../storage/decisions';
import type { UppdragRepo } from '../storage/uppdrag';
import type { Links } from '../storage/links';
import type { Meetings } from '../storage/meetings';
import type { Question } from '../qa';
import type { RecentReadings } from '../storage/recent-readings';
import type { Reports } from '../storage/reports';
import type { Roster } from '../storage/roster';
import type { SetupCodes } from '../storage/setup-codes';
import type { UtfallRepo } from '../storage/utfall';
import type { VerbRegistry } from './cards/registry';
import type { Identity } from './identity';

export type BotDeps = {
    /** The förbund this deployment serves, by id (one, or several for a multi-förbund deployment). */
    forbund: ForbundRepository;
    /** The versions behind `forbund`: a justerat budget decision puts the förslag with that year's budget in force. */
    forbundVersions: ForbundVersions;
    /** Runs `fn` in one database transaction: all of its writes or none. */
    transaction<T>(fn: () => T): T;
    roster: Roster;
    links: Links;
    refs: ConversationRefs;
    setupCodes: SetupCodes;
    actionKeys: ActionKeys;
    meetings: Meetings;
    decisions: Decisions;
    uppdrag: UppdragRepo;
    protokoll: ProtokollRepo;
    perCapsulam: PerCapsulamRepo;
    reports: Reports;
    /** The last Q&A reading per (conversation, user), for follow-ups; expires after a quarter of an hour. */
    readings: RecentReadings<Question>;
    deadlines: Deadlines;
    /** Utfall imported from the förbund's accounts (SIE/CSV), with the chef's prognos and bokslut. */
    utfall: UtfallRepo;
    identity: Identity;
    sender: ProactiveSender;
    /** Every card verb, read or write, as registerView and registerAction record it (the hardening tests try each). */
    verbs: VerbRegistry;
    /** Files sent to the bot, parsed and waiting on their preview card (never the bytes nor the link). */
    previews: FilePreviews;
    /** Ledger previews and kind questions for sent files (never the bytes nor the link). */
    fileReadings: FileReadings;
    /** Downloads a file a user sent in Teams (https to Microsoft's file hosts only, size-capped, with a timeout). */
    fetchFile: (downloadUrl: string) => Promise<Buffer>;
    /** The förbund's plan documents (PDF/Word as plan text): previews, förslag and the version in force. */
    plans: PlanVersions;
    /** Reads a plan document in a memory-limited child (OCR for a scanned PDF when the tools exist); throws PlanDocumentError. */
    readPlanDocument: (buf: Buffer, fileName: string) => Promise<PlanDocument>;
    /** Signed download links and their providers (ics, protokoll, CSV). */
    downloads: Downloads;
    now: () => Date;
    log: Logger;
};
