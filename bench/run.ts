// `npm run bench`: our bot vs a bare botbuilder echo bot, side by side, over real HTTP with a separate load process.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const OUR_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
// Our bot runs with the node flags `npm start` uses (read from package.json, so the two cannot drift apart).
const START_FLAGS = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
    .split(' ')
    .filter((w) => w.startsWith('--'));
const ECHO_ENTRY = join(ROOT, 'dist', 'bench', 'echo-bot.js');
const DRIVER = join(ROOT, 'dist', 'bench', 'driver.js');
const QUESTIONS = [
    'vad är vår prognos för eget kapital?',
    'hur mycket får Navet 2025?',
    'hur många deltagare ska Navet ha?',
    'hjälp',
    'vem vann melodifestivalen?',
];
const LEVELS = [1, 10, 50];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SERIES_TURNS = Number(process.env.BENCH_SERIES_TURNS ?? 100_000);

type Bot = { name: string; child: ChildProcess; url: string; dataDir?: string };
type Result = {
    turns: number;
    errors: number;
    turnsPerSecond: number;
    p50: number;
    p95: number;
    p99: number;
    largestMessageBytes: number;
};

const rssMb = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function start(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<Bot & { startMs: number }> {
    const t0 = performance.now();
    const flags = entry === OUR_ENTRY ? START_FLAGS : ['--no-deprecation'];
    const child = spawn(process.execPath, [...flags, entry], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
            out += d;
            const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
            if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`${name} exited ${code}`)));
    });
    child.stdout.resume();
    for (;;) {
        const ok = await fetch(`${url}/healthz`).then(
            (r) => r.ok,
            () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 5));
    }
    return { name, child, url, dataDir: env.DATA_DIR, startMs: performance.now() - t0 };
}

function runDriver(
    bot: Bot,
    job: object,
    onProgress: (turns: number) => void = () => {},
): Promise<{ result: Result; peakRss: number }> {
    let peakRss = rssMb(bot.child.pid!);
    const timer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(bot.child.pid!))), 200);
    const driver = fork(DRIVER, [], { execArgv: ['--no-deprecation'] });
    driver.send({ botUrl: bot.url, questions: bot.name === 'ours' ? QUESTIONS : ['hej'], ...job });
    return new Promise((resolve) => {
        driver.on('message', (m: { type: string; turns?: number; result?: Result }) => {
            if (m.type === 'progress') onProgress(m.turns!);
            if (m.type === 'result') {
                clearInterval(timer);
                resolve({ result: m.result!, peakRss: Math.max(peakRss, rssMb(bot.child.pid!)) });
            }
        });
    });
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(8);
const tempData = () => mkdtempSync(join(tmpdir(), 'finsam-bench-'));

async function main() {
    console.log(
        `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );

    const coldStarts: number[] = [];
    for (let i = 0; i < 3; i++) {
        const dataDir = tempData();
        const b = await start('ours', OUR_ENTRY, {
            PORT: '0',
            DATA_DIR: dataDir,
            FORBUND: 'fryksdalen',
            LOG_LEVEL: 'info',
        });
        coldStarts.push(b.startMs);
        b.child.kill('SIGTERM');
        await new Promise((r) => b.child.on('exit', r));
        rmSync(dataDir, { recursive: true, force: true });
    }
    coldStarts.sort((a, b) => a - b);
    console.log(
        `cold start (process start → /healthz 200, fresh database), median of 3: ${coldStarts[1].toFixed(0)} ms`,
    );

    const ours = await start('ours', OUR_ENTRY, {
        PORT: '0',
        DATA_DIR: tempData(),
        FORBUND: 'fryksdalen',
        LOG_LEVEL: 'info',
    });
    const echo = await start('echo', ECHO_ENTRY, { PORT: '0' });
    const bots = [ours, echo];
    const table: Record<string, Record<number, Result & { peakRss: number }>> = { ours: {}, echo: {} };
    await runDriver(ours, { concurrency: 10, seconds: 2 }); // warm-up both
    await runDriver(echo, { concurrency: 10, seconds: 2 });

    console.log(
        `\n${'bot'.padEnd(6)}${'conc'.padStart(6)}${'turns/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'peakRSS'.padStart(9)}${'errors'.padStart(8)}`,
    );
    for (const level of LEVELS) {
        for (const bot of bots) {
            const { result, peakRss } = await runDriver(bot, { concurrency: level, seconds: SECONDS });
            table[bot.name][level] = { ...result, peakRss };
            console.log(
                `${bot.name.padEnd(6)}${String(level).padStart(6)}${fmt(result.turnsPerSecond, 0).padStart(10)}${fmt(result.p50, 1).slice(-9).padStart(9)}${fmt(result.p95, 1).padStart(9)}${fmt(result.p99, 1).padStart(9)}${fmt(peakRss, 0).padStart(7)}MB${String(result.errors).padStart(8)}`,
            );
        }
    }
    console.log(
        `\nlargest message with card (serialized activity at the connector): ${(table.ours[50].largestMessageBytes / 1024).toFixed(1)} KB`,
    );

    for (const bot of bots) {
        const series: number[] = [];
        await runDriver(bot, { concurrency: 50, turns: SERIES_TURNS, progressEvery: SERIES_TURNS / 10 }, () =>
            series.push(rssMb(bot.child.pid!)),
        );
        const last = series.slice(-5);
        const slope = last.length > 1 ? (last[last.length - 1] - last[0]) / (last.length - 1) : 0;
        console.log(
            `RSS every ${SERIES_TURNS / 10} turns, ${bot.name}: ${series.map((v) => v.toFixed(0)).join(' ')} MB (trend over last 5: ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB per step)`,
        );
        (bot as Bot & { series?: number[] }).series = series;
    }
    const end = (b: Bot) => ((b as Bot & { series?: number[] }).series ?? []).at(-1) ?? 0;
    const ratio = table.ours[50].turnsPerSecond / table.echo[50].turnsPerSecond;
    console.log(
        `\ntargets: ratio ≥ 0.70 → ${ratio.toFixed(2)}; p99 at 10 ≤ 1.5 × echo → ${(table.ours[10].p99 / table.echo[10].p99).toFixed(2)} ×; cold start ≤ 2000 ms → ${coldStarts[1].toFixed(0)} ms; RSS after ${SERIES_TURNS} turns ≤ 1.3 × echo → ${(end(ours) / end(echo)).toFixed(2)} ×`,
    );

    for (const bot of bots) bot.child.kill('SIGTERM');
    if (ours.dataDir) rmSync(ours.dataDir, { recursive: true, force: true });
    console.log(`ratio vs echo at 50 concurrent: ${ratio.toFixed(2)}`);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
