// Test harness for the reminder service: a real SQLite file, both sample förbund, a fake clock and a nocked connector.
import { createTeamsAdapter } from '../../src/bot/adapter';
import { join } from 'node:path';
import nock from 'nock';
import { createReminderComposer } from '../../src/bot/reminders/messages';
import { emptyReportForm } from '../../src/bot/reports';
import type { Forbund } from '../../src/domain';
import { createLogger } from '../../src/log';
import { createReminderService, type ReminderServiceDeps } from '../../src/scheduler/reminders';
import { createProactiveSender } from '../../src/scheduler/sender';
import { createConversationRefs } from '../../src/storage/conversation-refs';
import { openDb, type Db } from '../../src/storage/db';
import { createDeadlines } from '../../src/storage/deadlines';
import { createReminderRows } from '../../src/storage/reminders';
import { createReports } from '../../src/storage/reports';
import { createForbundRepository } from '../../src/storage/forbund-repository';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';
import { tempDir } from '../helpers/temp-dir';

export const SERVICE = 'https://smba.example.test';
export type Posted = { conversation: string; text: string; at: Date; body: Record<string, any> };

/** Fryksdalen and Nedansiljan on a database file in a temp folder; `reopen` simulates a restart. */
export function reminderHarness(extra: Partial<ReminderServiceDeps> = {}) {
    const tmp = tempDir('finsam-reminders-');
    const file = join(tmp.dir, 'finsam.sqlite');
    const fs: Forbund[] = [forbund('fryksdalen'), forbund('nedansiljan')];
    const logs: Record<string, any>[] = [];
    let clock = new Date('2025-10-01T00:00:00Z');
    const posted: Posted[] = [];
    const failing = new Map<string, number>();

    nock(SERVICE)
        .persist()
        .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
        .reply((path, body) => {
            const conversation = decodeURIComponent(path.split('/')[3]);
            const status = failing.get(conversation);
            if (status) return [status, { error: { code: 'X', message: `status ${status}` } }];
            const b = body as Record<string, any>;
            posted.push({ conversation, text: String(b.text ?? ''), at: clock, body: b });
            return [200, { id: `act-${posted.length}` }];
        });

    const open = (db: Db) => {
        const roster = createRoster(db, () => clock);
        const refs = createConversationRefs(db, () => clock);
        const sender = createProactiveSender({
            adapter: createTeamsAdapter(),
            appId: '',
            clock: { now: () => clock.getTime() },
            // Virtual sleep: the retry and throttle waits pass instantly.
            sleep: () => Promise.resolve(),
            random: () => 0.5,
        });
        const reports = createReports(db);
        const service = createReminderService({
            transaction: (fn) => db.transaction(fn)(),
            deadlines: createDeadlines(db),
            reports,
            reminderRows: createReminderRows(db),
            forbund: createForbundRepository(fs.map((f) => ({ forbund: f, source: 'test/domain/load' }))),
            roster,
            refs,
            sender,
            compose: createReminderComposer(emptyReportForm(reports)),
            log: createLogger('debug', {}, (l) => logs.push(JSON.parse(l))),
            clock: () => clock,
            ...extra,
        });
        return { db, roster, refs, service };
    };
    let current = open(openDb(file));
    const twins: Db[] = [];
    for (const f of fs) current.roster.seedOnce(f.id, f.roster);

    const h = {
        fs,
        posted,
        logs,
        failing,
        get db() {
            return current.db;
        },
        get roster() {
            return current.roster;
        },
        get service() {
            return current.service;
        },
        now: () => clock,
        /** Makes a roster person reachable: their Teams id is bound and their 1:1 reference (with the client's locale) stored. */
        reach(forbundId: string, slug: string, locale?: string): string {
            const p = current.roster.bySlug(forbundId, slug);
            const teamsId = `29:${slug}`;
            current.roster.bindIdentity(p.id, { teamsUserId: teamsId });
            const conversation = `a:1on1-${slug}`;
            current.refs.put('user', teamsId, {
                serviceUrl: `${SERVICE}/`,
                channelId: 'msteams',
                conversation: { id: conversation, conversationType: 'personal' } as never,
                bot: { id: '28:bot', name: 'Finsam' },
                user: { id: teamsId, name: p.name },
                ...(locale && { locale }),
            });
            return conversation;
        },
        /** Runs one tick at `iso`. */
        async tick(iso: string | Date) {
            clock = new Date(iso);
            return current.service.tick(clock);
        },
        /** Ticks every `stepMinutes` from `fromIso` up to (not including) `toIso`. */
        async run(fromIso: string, toIso: string, stepMinutes = 15) {
            for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += stepMinutes * 60_000)
                await h.tick(new Date(t));
        },
        /** A second bot process on the same file: its own connection and service, the same connector. */
        twin() {
            const other = open(openDb(file));
            twins.push(other.db);
            return other.service;
        },
        /** Closes the database and opens it again with a new service, as after a restart. */
        reopen() {
            current.db.close();
            current = open(openDb(file));
        },
        close() {
            current.db.close();
            for (const db of twins) db.close();
            nock.cleanAll();
            tmp.cleanup();
        },
    };
    return h;
}
export type ReminderHarness = ReturnType<typeof reminderHarness>;
