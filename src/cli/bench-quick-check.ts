// Bench: fills a database file with a year of a busy deployment (every förbund data file, each with a few dozen
// insatser reporting monthly, meetings with decisions, reminders, card action keys, turn state) and times the
// PRAGMA quick_check that openDb runs at every start. `--insatser <n>` sets insatser per förbund (default 36).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dayOf, type Deadline } from '../domain/deadlines';
import { skeleton } from '../domain/meetings-agenda';
import { addMonths } from '../domain/reports';
import type { Forbund } from '../domain';
import { FORBUND_DATA_DIR } from '../paths';
import { createActionKeys } from '../storage/action-keys';
import { createSqliteStorage } from '../storage/bot-state';
import { createConversationRefs } from '../storage/conversation-refs';
import { openDb, type Db } from '../storage/db';
import { createDecisions } from '../storage/decisions';
import { createDeadlines } from '../storage/deadlines';
import { loadForbunds } from '../storage/forbund-files';
import { createMeetings } from '../storage/meetings';
import { createReminderRows } from '../storage/reminders';
import { createReports } from '../storage/reports';
import { createRoster } from '../storage/roster';
import { seedInsats } from './seed-demo';

const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INSATSER = arg('--insatser', 36);
const USERS = 120;
const ACTION_KEYS_PER_USER_AND_MONTH = 4;

/** A förbund with `n` insatser made from its own (new ids and names, the same indicators and owners). */
function withInsatser(f: Forbund, n: number): Forbund {
    const insatser = Array.from({ length: n }, (_, i) => {
        const model = f.insatser[i % f.insatser.length];
        return { ...model, id: `bench-${i + 1}`, name: `Bench-insats ${i + 1}`, aliases: [] };
    });
    return { ...f, insatser };
}

async function fillYear(db: Db, f: Forbund, year: number): Promise<void> {
    const start = new Date(`${year}-01-01T09:00:00Z`);
    let clock = start;
    const now = () => clock;
    const roster = createRoster(db, now);
    const refs = createConversationRefs(db, now);
    const keys = createActionKeys(db, now);
    const state = createSqliteStorage(db);
    const meetings = createMeetings(db, now);
    const decisions = createDecisions(db, now);
    const rows = createReminderRows(db, 'bench');
    roster.seedOnce(f.id, f.roster);
    const people = roster.list(f.id);
    const chef = people.find((p) => p.roles.some((r) => r.role === 'förbundschef')) ?? people[0];

    for (let u = 0; u < USERS; u++) {
        const teamsId = `29:bench-${f.id}-${u}`;
        refs.put('user', teamsId, {
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
            channelId: 'msteams',
            conversation: { id: `a:${randomBytes(24).toString('base64url')}`, conversationType: 'personal' } as never,
            bot: { id: '28:bench', name: 'Finsam' },
            user: { id: teamsId, name: `Bench ${u}` },
            locale: 'sv-SE',
        });
    }

    const tx = db.transaction((fn: () => void) => fn());
    tx(() => {
        for (const insats of f.insatser) {
            seedInsats(db, f, insats, year, `${year + 1}-01`, new Date(`${year + 1}-01-15T10:00:00Z`));
            // About one report in ten is corrected once.
            for (let m = `${year}-01`; m < `${year + 1}-01`; m = addMonths(m, 1)) {
                const latest = createReports(db).latest(f.id, insats.id, m);
                if (latest && randomBytes(1)[0] < 26)
                    createReports(db).insert({
                        forbundId: f.id,
                        insatsId: insats.id,
                        report: latest.report,
                        submittedBy: 'bench',
                        at: clock,
                    });
            }
        }
    });

    for (const body of f.bodies) {
        for (let month = 1; month <= 11; month++) {
            clock = new Date(Date.UTC(year, month - 1, 3, 9));
            const m = meetings.create(
                {
                    forbundId: f.id,
                    bodyId: body.id,
                    startsAt: new Date(Date.UTC(year, month - 1, 20, 12)),
                    place: 'Kommunhuset',
                    createdBy: chef.id,
                    items: skeleton(f, body, year),
                },
                chef.slug,
            );
            tx(() => {
                for (const item of meetings.items(m.id))
                    decisions.record(
                        {
                            meetingId: m.id,
                            itemId: item.id,
                            outcome: 'bifall',
                            text: `Styrelsen beslutar i enlighet med förslaget: ${item.title}.`.repeat(3),
                            jav: [],
                            reservationer: [],
                            recordedBy: chef.id,
                        },
                        0,
                        f.id,
                        chef.slug,
                    );
            });
        }
    }

    tx(() => {
        for (let month = 1; month <= 12; month++) {
            clock = new Date(Date.UTC(year, month - 1, 10, 7));
            for (const insats of f.insatser) {
                const d: Deadline = {
                    key: `rapport:${insats.id}:${year}-${String(month).padStart(2, '0')}`,
                    kind: 'projektrapport',
                    due: dayOf(new Date(Date.UTC(year, month - 1, 15, 12))),
                    title: { sv: `Månadsrapport ${insats.name}`, en: `Monthly report ${insats.name}` },
                    source: { sv: 'Förbundets plan', en: "The förbund's plan" },
                    origin: 'plan',
                    audience: { to: 'projektagare', insatsId: insats.id },
                    leads: [5, 0, -3],
                };
                const id = createDeadlines(db).upsert(f.id, d, 'bench', clock);
                for (const lead of d.leads) {
                    const r = rows.ensure(id, lead, chef.id, clock, false, clock);
                    if (rows.claim(r.id, clock)) rows.sent(r.id, clock, 1, `act-${randomBytes(8).toString('hex')}`);
                }
            }
            for (let u = 0; u < USERS * ACTION_KEYS_PER_USER_AND_MONTH; u++) {
                keys.remember(randomBytes(12).toString('base64url'), `report:${f.id}:${u}`, {
                    type: 'AdaptiveCard',
                    body: [{ type: 'TextBlock', text: `Sparad av Bench ${u % USERS} ${clock.toISOString()}` }],
                });
            }
        }
    });

    await state.write(
        Object.fromEntries(
            Array.from({ length: USERS }, (_, u) => [
                `msteams/a:bench-${f.id}-${u}/conversation`,
                { agenda: { draft: randomBytes(600).toString('base64') }, eTag: '*' },
            ]),
        ),
    );
    clock = start;
}

async function main() {
    const dir = mkdtempSync(join(tmpdir(), 'finsam-bench-quick-check-'));
    const file = join(dir, 'finsam.sqlite');
    try {
        const db = openDb(file);
        const forbund = loadForbunds(FORBUND_DATA_DIR).map((f) => withInsatser(f, INSATSER));
        const filled = performance.now();
        for (const f of forbund) await fillYear(db, f, f.years[0].year);
        const fillMs = performance.now() - filled;
        const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        const tables = ['report_versions', 'meetings', 'agenda_items', 'decisions', 'reminders', 'action_keys'];
        const counts = tables.map((t) => `${t} ${count(t)}`).join(', ');
        db.close();

        const times: number[] = [];
        for (let run = 0; run < 7; run++) {
            const check = new Database(file, { readonly: true });
            const started = performance.now();
            const result = check.pragma('quick_check', { simple: true });
            times.push(performance.now() - started);
            check.close();
            if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
        }
        const openStarted = performance.now();
        openDb(file).close();
        const openMs = performance.now() - openStarted;
        times.sort((a, b) => a - b);
        const { size } = statSync(file);
        process.stdout.write(
            [
                `a year of ${forbund.length} förbund × ${INSATSER} insatser (filled in ${(fillMs / 1000).toFixed(1)} s): ${counts}`,
                `database ${(size / 1024 / 1024).toFixed(1)} MiB`,
                `PRAGMA quick_check: median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}, 7 runs, warm page cache)`,
                `openDb with the check and migrations: ${openMs.toFixed(1)} ms`,
                '',
            ].join('\n'),
        );
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exit(1);
});
