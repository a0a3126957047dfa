// Bench: 1 000 reminders to 100 conversations through the real tick and sender, against a local connector stand-in
// that answers 429 (Retry-After: 1) to 20 % of requests; prints delivered / duplicated / lost, peak rates and wall time.
import { createTeamsAdapter } from '../bot/adapter';
import { Worker } from 'node:worker_threads';
import { STAND_IN, type StandInResult } from './bench-stand-in';
import { createReminderComposer } from '../bot/reminders/messages';
import { emptyReportForm } from '../bot/reports';
import { dayOf, type Deadline } from '../domain/deadlines';
import { createLogger } from '../log';
import { FORBUND_DATA_DIR } from '../paths';
import { createReminderService } from '../scheduler/reminders';
import { TEAMS_LIMITS, type RateWindow } from '../scheduler/rate-limit';
import { createProactiveSender } from '../scheduler/sender';
import { createConversationRefs } from '../storage/conversation-refs';
import { openDb } from '../storage/db';
import { createDeadlines } from '../storage/deadlines';
import { createReminderRows } from '../storage/reminders';
import { createReports } from '../storage/reports';
import { must } from '../domain/must';
import { loadForbunds } from '../storage/forbund-files';
import { createForbundRepository } from '../storage/forbund-repository';
import { createRoster } from '../storage/roster';

const PEOPLE = 100;
const PER_PERSON = 10;
const THROTTLE_SHARE = 0.2;

/** Largest number of `times` in any span of `windowMs`. */
function peak(times: number[], windowMs: number): number {
    const s = [...times].sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < s.length; i++) {
        while (s[i] - s[j] >= windowMs) j++;
        best = Math.max(best, i - j + 1);
    }
    return best;
}

async function main() {
    const worker = new Worker(STAND_IN, { eval: true, workerData: { seed: 20251130, share: THROTTLE_SHARE } });
    const port = await new Promise<number>((r) => worker.once('message', (m: { port: number }) => r(m.port)));
    const serviceUrl = `http://127.0.0.1:${port}/`;

    const db = openDb(':memory:');
    // The last sample data file whose roster names a förbundschef (the chef gets the reminders' summary).
    const f = must(
        loadForbunds(FORBUND_DATA_DIR)
            .reverse()
            .find((x) => x.roster.some((p) => p.roles.some((r) => r.role === 'förbundschef'))),
        'a data file with a förbundschef in its roster',
    );
    const chef = must(
        f.roster.find((p) => p.roles.some((r) => r.role === 'förbundschef')),
        'the förbundschef',
    );
    const now = () => new Date();
    const roster = createRoster(db, now);
    const refs = createConversationRefs(db, now);
    roster.seedOnce(f.id, f.roster);
    const reach = (personId: number, teamsId: string) => {
        roster.bindIdentity(personId, { teamsUserId: teamsId });
        const conversation = { id: `a:${teamsId}`, conversationType: 'personal' };
        refs.put('user', teamsId, { serviceUrl, channelId: 'msteams', conversation: conversation as never });
    };
    reach(roster.bySlug(f.id, chef.slug).id, '29:chef');
    const today = dayOf(now());
    for (let i = 0; i < PEOPLE; i++) {
        const p = roster.addRole(f.id, 'bench', { name: `Bench ${i}` }, { role: 'beredningsgrupp' });
        reach(p.id, `29:bench-${i}`);
        for (let k = 0; k < PER_PERSON; k++) {
            const d: Deadline = {
                key: `egen:bench-${i}-${k}`,
                kind: 'egen',
                due: today,
                title: { sv: `bench-${i}-${k}`, en: `bench-${i}-${k}` },
                source: { sv: 'bench', en: 'bench' },
                origin: 'chatt',
                audience: { to: 'person', personId: p.id },
                leads: [0],
            };
            createDeadlines(db).upsert(f.id, d, 'bench', now());
        }
    }
    // `--margin <ms>` widens every window by that much: what a limiter with room for network jitter would do.
    const margin = Number(process.argv[process.argv.indexOf('--margin') + 1]) || 0;
    const widen = (ws: RateWindow[]) => ws.map((w) => ({ ...w, windowMs: w.windowMs + margin }));
    const sender = createProactiveSender({
        adapter: createTeamsAdapter(),
        appId: '',
        limits: { perConversation: widen(TEAMS_LIMITS.perConversation), global: widen(TEAMS_LIMITS.global) },
        clock: { now: () => Date.now() },
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    const reports = createReports(db);
    const service = createReminderService({
        transaction: (fn) => db.transaction(fn)(),
        deadlines: createDeadlines(db),
        reports,
        reminderRows: createReminderRows(db),
        forbund: createForbundRepository([{ forbund: f, source: 'bench' }]),
        roster,
        refs,
        sender,
        compose: createReminderComposer(emptyReportForm(reports)),
        log: createLogger('silent'),
        // Everything is due today from midnight on, whatever the hour the bench runs.
        calendar: () => ({ leadDays: [0], sendHour: 0 }),
    });

    const started = performance.now();
    let ticks = 0;
    let notices = 0;
    for (let pending = 1; pending > 0 && ticks < 5; ticks++) {
        const r = await service.tick(now());
        pending = r.pending + r.unreachable;
        notices += r.notices;
    }
    const wallMs = performance.now() - started;
    worker.postMessage('stop');
    const result = await new Promise<StandInResult>((r) => worker.once('message', r));
    await worker.terminate();
    const requests = new Map(Object.entries(result.requests));
    const accepted = new Map(Object.entries(result.accepted));
    const throttled = result.throttled;

    const total = PEOPLE * PER_PERSON;
    const delivered = accepted.size;
    const duplicated = [...accepted.values()].reduce((s, n) => s + n - 1, 0);
    const sentRows = db.prepare("SELECT count(*) FROM reminders WHERE state = 'sent'").pluck().get() as number;
    const bench = [...requests.entries()].filter(([c]) => c.startsWith('a:29:bench-'));
    const all = [...requests.values()].flat();
    const perConv = TEAMS_LIMITS.perConversation.filter((w) => w.windowMs <= 30_000);
    const line = (label: string, got: number, limit: number) =>
        `  ${label.padEnd(34)} ${String(got).padStart(4)}   (limit ${limit})${got > limit ? '  OVER' : ''}`;
    process.stdout.write(
        [
            `reminders: ${total} to ${bench.length} conversations; ${all.length} requests, ${throttled} answered 429 (Retry-After: 1)${margin ? `; limiter windows widened by ${margin} ms` : ''}`,
            `delivered ${delivered} / duplicated ${duplicated} / lost ${total - delivered}   (rows marked sent: ${sentRows}, ticks: ${ticks}, notices to the chef: ${notices})`,
            'peak requests as the connector received them:',
            ...perConv.map((w) =>
                line(
                    `per conversation in ${w.windowMs / 1000} s`,
                    Math.max(...bench.map(([, t]) => peak(t, w.windowMs))),
                    w.limit,
                ),
            ),
            ...TEAMS_LIMITS.global.map((w) =>
                line(`overall in ${w.windowMs / 1000} s`, peak(all, w.windowMs), w.limit),
            ),
            `wall time ${(wallMs / 1000).toFixed(1)} s`,
            '',
        ].join('\n'),
    );
    db.close();
    if (delivered !== total || duplicated !== 0) process.exitCode = 1;
}

main().catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exit(1);
});
