// `npm run bench:national`: 80 generated förbund imported as workbooks (the own-förbund import path) into one database,
// a year of monthly reports and meetings each, one bot instance; 200 conversations send open-loop at a fixed total
// arrival rate, then the rate is raised stepwise until p99 passes 100 ms (the instance's capacity). Not run in CI.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { parseForbund } from '../src/domain';
import { skeleton } from '../src/domain/meetings-agenda';
import { createLinks } from '../src/storage/links';
import { openDb } from '../src/storage/db';
import { createForbundVersions } from '../src/storage/forbund-versions';
import { createMeetings } from '../src/storage/meetings';
import { createReports } from '../src/storage/reports';
import { createRoster } from '../src/storage/roster';
import { createSetupCodes } from '../src/storage/setup-codes';
import { importWorkbook } from '../src/workbook/import';
import { writeWorkbook } from '../src/workbook/write';
import {
    connectorStandIn,
    OUR_ENTRY,
    personalActivity,
    ROOT,
    rssMb,
    START_FLAGS,
    startBotProcess,
    stopBotProcess,
} from './shared';
const FORBUND = Number(process.env.NATIONAL_FORBUND ?? 80);
const CONVERSATIONS = Number(process.env.NATIONAL_CONVERSATIONS ?? 200);
const RATE = Number(process.env.NATIONAL_RATE ?? 100);
const SECONDS = Number(process.env.NATIONAL_SECONDS ?? 180);
const STEP_SECONDS = Number(process.env.NATIONAL_STEP_SECONDS ?? 20);
const P99_LIMIT_MS = 100;

/** A deterministic pseudo-random sequence (mulberry32), so every run generates the same förbund. */
function random(seed: number) {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const rnd = random(20251202);
const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

type Doc = Record<string, unknown> & { insatser: { id: string; name: string }[] };

/** Förbund `n`: the template's invented förbund with 3–8 kommuner and 3–6 insatser, amounts split so the sums hold. */
function generate(n: number): Doc {
    const id = `nat-${String(n).padStart(2, '0')}`;
    const name = `Förbund ${n}`;
    const text = readFileSync(join(ROOT, 'data', 'templates', 'exempel.json'), 'utf8')
        .replaceAll('"exempelby"', '"kommun-1"')
        .replaceAll('"stegvis"', '"insats-1"')
        .replaceAll('"styrgrupp-stegvis"', '"styrgrupp-insats-1"')
        .replaceAll('exempelbygden.example', `${id}.example`)
        .replaceAll('Exempelbygden', name)
        .replaceAll('Exempelby', `Ort ${n}`)
        .replaceAll('Stegvis', `Insats ${n}-1`);
    const doc = JSON.parse(text) as Doc & {
        parter: { id: string; name: string; kind: string; aliases?: string[] }[];
        years: {
            income: { partId: string; amount: number }[];
            posts: { id: string; name: string; amount: number }[];
        }[];
        insatser: { id: string; name: string; aliases?: string[]; postId: string }[];
    };
    doc.id = id;
    const kommuner = between(3, 8);
    const insatser = between(3, 6);
    const kommun = doc.parter.find((p) => p.id === 'kommun-1')!;
    for (let k = 2; k <= kommuner; k++)
        doc.parter.push({ ...kommun, id: `kommun-${k}`, name: `Ort ${n}-${k} kommun`, aliases: [`Ort ${n}-${k}`] });
    const first = doc.insatser[0];
    for (let i = 2; i <= insatser; i++)
        doc.insatser.push({
            ...first,
            id: `insats-${i}`,
            name: `Insats ${n}-${i}`,
            aliases: [],
            postId: `insats-${i}`,
        });
    const split = (total: number, parts: number) =>
        Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i === 0 ? total % parts : 0));
    for (const y of doc.years) {
        const inc = y.income.find((r) => r.partId === 'kommun-1')!;
        const shares = split(inc.amount, kommuner);
        inc.amount = shares[0];
        for (let k = 2; k <= kommuner; k++) y.income.push({ partId: `kommun-${k}`, amount: shares[k - 1] });
        const post = y.posts.find((p) => p.id === 'insats-1')!;
        const amounts = split(post.amount, insatser);
        post.amount = amounts[0];
        for (let i = 2; i <= insatser; i++)
            y.posts.push({ ...post, id: `insats-${i}`, name: `Insats ${n}-${i}`, amount: amounts[i - 1] });
    }
    return doc;
}

const g = (k: number) => ({ kvinnor: k, man: k, annat: 0 });

/** Imports the förbund through the workbook path and adds a year of reports and meetings; returns the ids. */
async function populate(dataDir: string, now: Date): Promise<{ docs: Doc[]; importMs: number }> {
    const db = openDb(join(dataDir, 'finsam.sqlite'));
    const clock = () => now;
    const versions = createForbundVersions(db, clock);
    const roster = createRoster(db, clock);
    const setupCodes = createSetupCodes(db, clock);
    const reports = createReports(db);
    const docs: Doc[] = [];
    const t0 = performance.now();
    for (let n = 1; n <= FORBUND; n++) {
        const doc = generate(n);
        const buf = await writeWorkbook(doc);
        await importWorkbook(
            { versions, roster, setupCodes, transaction: (fn) => db.transaction(fn)(), now: clock },
            buf,
            `${String(doc.id)}.xlsx`,
            { by: 'bench:national', activate: true, from: '2025-01-01' },
        );
        docs.push(doc);
    }
    const importMs = performance.now() - t0;
    const meetings = createMeetings(db, clock);
    const links = createLinks(db, clock);
    db.transaction(() => {
        for (const doc of docs) {
            const id = String(doc.id);
            for (const ins of doc.insatser)
                for (let m = 1; m <= 12; m++)
                    reports.insert({
                        forbundId: id,
                        insatsId: ins.id,
                        report: {
                            month: `2025-${String(m).padStart(2, '0')}`,
                            nya: g(between(0, 4)),
                            avslutade: g(between(0, 3)),
                            pagaende: g(between(5, 20)),
                            utfall: { arbete: between(0, 2), studier: 0, af: 0, rehab: 0, ovrigt: 0 },
                            rem: {},
                            dagar: between(50, 300),
                            ind: {},
                        },
                        submittedBy: 'bench',
                        at: now,
                    });
            const f = parseForbund(doc, id);
            const styrelse = f.bodies.find((b) => b.kind === 'styrelse')!;
            const chef = roster.bySlug(id, 'i-chef');
            for (let m = 1; m <= 10; m++)
                meetings.create(
                    {
                        forbundId: id,
                        bodyId: 'styrelse',
                        createdBy: chef?.id ?? 1,
                        startsAt: new Date(Date.UTC(2025, m, 15, 8)),
                        items: skeleton(f, styrelse, 2025),
                    },
                    'bench',
                );
        }
        for (let c = 0; c < CONVERSATIONS; c++)
            links.link('conversation', `a:nat-${c}`, String(docs[c % docs.length].id), 'bench');
    })();
    db.close();
    return { docs, importMs };
}

async function startBot(dataDir: string, ids: string[]) {
    const bot = await startBotProcess(OUR_ENTRY, START_FLAGS, {
        PORT: '0',
        DATA_DIR: dataDir,
        FORBUND: ids.join(','),
        LOG_LEVEL: 'info',
    });
    return { ...bot, coldMs: bot.startMs };
}

/** The turn mix: Q&A, follow-ups, report reading, agenda, register look-ups (weights by repetition). */
function texts(doc: Doc): string[] {
    const ins = doc.insatser[between(0, doc.insatser.length - 1)].name;
    return [
        'vad är vår prognos för eget kapital?',
        `hur mycket får ${ins} 2026?`,
        'och 2027?',
        'hur stor är budgeten för administration?',
        'och 2026?',
        `hur går det för ${ins}?`,
        'rapportläge',
        'visa dagordningen',
        'visa § 1',
        'hjälp',
    ];
}

type Level = { rate: number; seconds: number };

/** Open loop: turns start on a fixed schedule whatever the replies' pace; latency is start → reply at the connector. */
async function drive(url: string, docs: Doc[], level: Level) {
    const pending = new Map<string, () => void>();
    const connector = await connectorStandIn((id) => pending.get(id)?.());
    const { serviceUrl } = connector;
    const pool = new Pool(new URL(url).origin, { connections: 64, pipelining: 1 });
    const latencies: number[] = [];
    const byText = new Map<string, number[]>();
    let errors = 0;
    const total = Math.round(level.rate * level.seconds);
    const start = performance.now();
    const turns: Promise<void>[] = [];
    const mixes = Array.from({ length: CONVERSATIONS }, (_, c) => texts(docs[c % docs.length]));
    for (let i = 0; i < total; i++) {
        const due = start + (i * 1000) / level.rate;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const c = i % CONVERSATIONS;
        const id = `n${c}-${i}`;
        const text = mixes[c][Math.floor(i / CONVERSATIONS) % mixes[c].length];
        turns.push(
            (async () => {
                const replied = new Promise<boolean>((resolve) => {
                    pending.set(id, () => resolve(true));
                    setTimeout(() => resolve(false), 5000).unref();
                });
                try {
                    const res = await pool.request({
                        path: '/api/messages',
                        method: 'POST',
                        headers: { 'content-type': 'application/json' },
                        body: personalActivity({ id, text, user: `nat-${c}`, serviceUrl }),
                    });
                    await res.body.dump();
                    if (res.statusCode !== 200 || !(await replied)) errors++;
                } catch {
                    errors++;
                }
                pending.delete(id);
                const ms = performance.now() - due;
                latencies.push(ms);
                const key = text.replace(/Insats [\d-]+/, 'Insats …');
                byText.set(key, [...(byText.get(key) ?? []), ms]);
            })(),
        );
    }
    await Promise.all(turns);
    await pool.close();
    connector.close();
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    const slowest = [...byText.entries()]
        .map(([text, ms]) => ({ text, p95: ms.sort((a, b) => a - b)[Math.floor(0.95 * ms.length)] ?? 0 }))
        .sort((a, b) => b.p95 - a.p95)
        .slice(0, 3)
        .map((s) => `"${s.text}" ${s.p95.toFixed(0)} ms`)
        .join(', ');
    return { turns: total, errors, p50: q(0.5), p95: q(0.95), p99: q(0.99), slowest };
}

async function main() {
    console.log(
        `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'finsam-national-'));
    const now = new Date();
    const { docs, importMs } = await populate(dataDir, now);
    const ids = docs.map((d) => String(d.id));
    const dbFile = join(dataDir, 'finsam.sqlite');
    const kommuner = docs.map((d) => (d.parter as { kind: string }[]).filter((p) => p.kind === 'kommun').length);
    console.log(
        `${docs.length} förbund imported as workbooks in ${(importMs / 1000).toFixed(1)} s ` +
            `(kommuner ${Math.min(...kommuner)}–${Math.max(...kommuner)}, insatser ` +
            `${Math.min(...docs.map((d) => d.insatser.length))}–${Math.max(...docs.map((d) => d.insatser.length))}; ` +
            '12 monthly reports per insats, 10 styrelse meetings per förbund)',
    );

    // The reminder tick in this process on the same database: plans every förbund's deadlines (nothing is reachable).
    const app = createApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, FORBUND: ids.join(','), LOG_LEVEL: 'silent' }));
    const tickStart = performance.now();
    const tick = await app.reminders.tick(now);
    const tickMs = performance.now() - tickStart;
    await app.close();
    console.log(`reminder tick over ${ids.length} förbund: ${tickMs.toFixed(0)} ms (${JSON.stringify(tick)})`);

    const bot = await startBot(dataDir, ids);
    console.log(`cold start with ${ids.length} förbund (process start → /healthz 200): ${bot.coldMs.toFixed(0)} ms`);
    await drive(bot.url, docs, { rate: 50, seconds: 3 }); // warm-up
    let peak = rssMb(bot.child.pid!);
    const rssTimer = setInterval(() => (peak = Math.max(peak, rssMb(bot.child.pid!))), 200);
    const main = await drive(bot.url, docs, { rate: RATE, seconds: SECONDS });
    console.log(
        `${CONVERSATIONS} conversations, open loop ${RATE} turns/s for ${SECONDS} s: ${main.turns} turns, ` +
            `p50 ${main.p50.toFixed(1)} / p95 ${main.p95.toFixed(1)} / p99 ${main.p99.toFixed(1)} ms, ` +
            `errors ${main.errors}, slowest texts (p95) ${main.slowest}, peak RSS ${peak.toFixed(0)} MB, database ${(statSync(dbFile).size / 2 ** 20).toFixed(1)} MB`,
    );
    // Capacity: from a quarter of the nominal rate upwards until p99 passes the limit (or a turn fails).
    let capacity = 0;
    for (let rate = RATE / 4; ; rate += rate < RATE ? RATE / 4 : RATE / 2) {
        const r = await drive(bot.url, docs, { rate, seconds: STEP_SECONDS });
        console.log(
            `  ${rate} turns/s: p50 ${r.p50.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}, RSS ${rssMb(bot.child.pid!).toFixed(0)} MB; slowest ${r.slowest}`,
        );
        if (r.p99 > P99_LIMIT_MS || r.errors > 0) break;
        capacity = rate;
    }
    clearInterval(rssTimer);
    await stopBotProcess(bot);
    rmSync(dataDir, { recursive: true, force: true });
    console.log(
        [
            'targets:',
            `p99 ≤ 100 ms at ${RATE} turns/s → ${main.p99.toFixed(1)} ms`,
            `errors 0 → ${main.errors}`,
            `RSS ≤ 400 MB → ${peak.toFixed(0)} MB`,
            `cold start ≤ 3000 ms → ${bot.coldMs.toFixed(0)} ms`,
            `reminder tick ≤ 1000 ms → ${tickMs.toFixed(0)} ms`,
        ].join('\n  '),
    );
    console.log(`capacity (highest rate with p99 ≤ ${P99_LIMIT_MS} ms, step ${STEP_SECONDS} s): ${capacity} turns/s`);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
