// What the bot's handlers are given by the composition root; nothing in src/bot constructs infrastructure.
import type { Forbund } from '../domain';
import type { Downloads } from '../http/downloads';
import type { Logger } from '../log';
import type { ProactiveSender } from '../scheduler/sender';
import type { ActionKeys } from '../storage/action-keys';
import type { ConversationRefs } from '../storage/conversation-refs';
import type { Db } from '../storage/db';
import type { Links } from '../storage/links';
import type { Roster } from '../storage/roster';
import type { SetupCodes } from '../storage/setup-codes';
import type { VerbRegistry } from './cards/registry';
import type { Identity } from './identity';

export type BotDeps = {
    /** The förbund this deployment serves, by id (one, or several for a multi-förbund deployment). */
    forbund: ReadonlyMap<string, Forbund>;
    db: Db;
    roster: Roster;
    links: Links;
    refs: ConversationRefs;
    setupCodes: SetupCodes;
    actionKeys: ActionKeys;
    identity: Identity;
    sender: ProactiveSender;
    /** Every card verb, read or write, as registerView and registerAction record it (the hardening tests try each). */
    verbs: VerbRegistry;
    /** Signed download links and their providers (ics, protokoll, CSV). */
    downloads: Downloads;
    now: () => Date;
    log: Logger;
};
