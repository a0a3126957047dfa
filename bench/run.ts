// `npm run bench`: our bot against a teams-ai Application echo bot (the framework alone) and a bare botbuilder echo bot,
// interleaved over three rounds (medians), over real HTTP with a separate load process.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cpuMicros, OUR_ENTRY, ROOT, rssMb, START_FLAGS, startBotProcess } from './shared';

const ECHO_ENTRY = join(ROOT, 'dist', 'bench', 'echo-bot.js');
const TEAMS_AI_ENTRY = join(ROOT, 'dist', 'bench', 'teams-ai-echo-bot.js');
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

async function start(name: string, entry: string, env: NodeJS.ProcessEnv): Promise<Bot & { startMs: number }> {
    // Our bot runs with the node flags `npm start` uses; the baselines with none but --no-deprecation.
    const flags = entry === OUR_ENTRY ? START_FLAGS : ['--no-deprecation'];
    const bot = await startBotProcess(entry, flags, env);
    return { name, ...bot, dataDir: env.DATA_DIR };
}

function runDriver(
    bot: Bot,
    job: object,
    onProgress: (turns: number) => void = () => {},
): Promise<{ result: Result; peakRss: number; cpuPerTurn: number }> {
    let peakRss = rssMb(bot.child.pid!);
    const cpu0 = cpuMicros(bot.child.pid!);
    const timer = setInterval(() => (peakRss = Math.max(peakRss, rssMb(bot.child.pid!))), 200);
    const driver = fork(DRIVER, [], { execArgv: ['--no-deprecation'] });
    driver.send({ botUrl: bot.url, questions: bot.name === 'ours' ? QUESTIONS : ['hej'], ...job });
    return new Promise((resolve) => {
        driver.on('message', (m: { type: string; turns?: number; result?: Result }) => {
            if (m.type === 'progress') onProgress(m.turns!);
            if (m.type === 'result') {
                clearInterval(timer);
                const cpu = cpuMicros(bot.child.pid!) - cpu0;
                resolve({
                    result: m.result!,
                    peakRss: Math.max(peakRss, rssMb(bot.child.pid!)),
                    cpuPerTurn: cpu / Math.max(1, m.result!.turns),
                });
            }
        });
    });
}

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
    const teamsAi = await start('teams-ai', TEAMS_AI_ENTRY, { PORT: '0' });
    const echo = await start('echo', ECHO_ENTRY, { PORT: '0' });
    const bots = [ours, teamsAi, echo];
    for (const bot of bots) await runDriver(bot, { concurrency: 10, seconds: 2 }); // warm-up

    // Interleaved: every round runs each level on every bot in turn, so a slow minute of the shared machine lands on
    // all three; the table shows the median of the rounds.
    const samples = new Map<string, Sample[]>();
    for (let round = 1; round <= ROUNDS; round++) {
        for (const level of LEVELS) {
            for (const bot of bots) {
                const { result, peakRss, cpuPerTurn } = await runDriver(bot, { concurrency: level, seconds: SECONDS });
                const key = `${bot.name}@${level}`;
                samples.set(key, [...(samples.get(key) ?? []), { ...result, peakRss, cpuPerTurn }]);
            }
        }
        console.log(`round ${round} of ${ROUNDS} done`);
    }
    const med = (bot: Bot, level: number) => medianOf(samples.get(`${bot.name}@${level}`) ?? []);

    console.log(
        `\nmedians of ${ROUNDS} interleaved rounds of ${SECONDS} s\n${'bot'.padEnd(9)}${'conc'.padStart(5)}${'turns/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'peakRSS'.padStart(9)}${'cpu µs/turn'.padStart(12)}${'errors'.padStart(7)}`,
    );
    for (const level of LEVELS) {
        for (const bot of bots) {
            const m = med(bot, level);
            console.log(
                `${bot.name.padEnd(9)}${String(level).padStart(5)}${m.turnsPerSecond.toFixed(0).padStart(9)}${m.p50.toFixed(1).padStart(8)}${m.p95.toFixed(1).padStart(8)}${m.p99.toFixed(1).padStart(8)}${m.peakRss.toFixed(0).padStart(7)}MB${m.cpuPerTurn.toFixed(0).padStart(12)}${String(m.errors).padStart(7)}`,
            );
        }
    }
    console.log(
        `\nlargest message with card (serialized activity at the connector): ${(med(ours, 50).largestMessageBytes / 1024).toFixed(1)} KB`,
    );

    const series = new Map<string, number[]>();
    for (const bot of bots) {
        const rss: number[] = [];
        await runDriver(bot, { concurrency: 50, turns: SERIES_TURNS, progressEvery: SERIES_TURNS / 10 }, () =>
            rss.push(rssMb(bot.child.pid!)),
        );
        const last = rss.slice(-5);
        const slope = last.length > 1 ? (last[last.length - 1] - last[0]) / (last.length - 1) : 0;
        console.log(
            `RSS every ${SERIES_TURNS / 10} turns, ${bot.name}: ${rss.map((v) => v.toFixed(0)).join(' ')} MB (trend over last 5: ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB per step)`,
        );
        series.set(bot.name, rss);
    }
    const end = (b: Bot) => series.get(b.name)?.at(-1) ?? 0;
    const vs = (base: Bot, level: number) => med(ours, level).turnsPerSecond / med(base, level).turnsPerSecond;
    const minVsTeamsAi = Math.min(...LEVELS.map((l) => vs(teamsAi, l)));
    const minVsEcho = Math.min(...LEVELS.map((l) => vs(echo, l)));
    const cpuVsTeamsAi = med(ours, 10).cpuPerTurn / med(teamsAi, 10).cpuPerTurn;
    const p99VsTeamsAi = med(ours, 10).p99 / med(teamsAi, 10).p99;
    const ratio = vs(echo, 50);
    console.log(
        [
            '\ntargets:',
            `turns/s ≥ 0.90 × teams-ai echo at 1/10/50 → ${LEVELS.map((l) => vs(teamsAi, l).toFixed(2)).join(' / ')}`,
            `cpu per turn ≤ 1.15 × teams-ai echo at 10 → ${cpuVsTeamsAi.toFixed(2)}`,
            `turns/s ≥ 0.75 × bare echo at 1/10/50 → ${LEVELS.map((l) => vs(echo, l).toFixed(2)).join(' / ')} (min ${minVsEcho.toFixed(2)})`,
            `p99 at 10 ≤ 1.5 × teams-ai echo → ${p99VsTeamsAi.toFixed(2)} ×`,
            `cold start ≤ 2000 ms → ${coldStarts[1].toFixed(0)} ms`,
            `RSS after ${SERIES_TURNS} turns ≤ 1.3 × bare echo → ${(end(ours) / end(echo)).toFixed(2)} ×`,
        ].join('\n  '),
    );

    for (const bot of bots) bot.child.kill('SIGTERM');
    if (ours.dataDir) rmSync(ours.dataDir, { recursive: true, force: true });
    console.log(`min ratio vs teams-ai echo over 1/10/50: ${minVsTeamsAi.toFixed(2)}`);
    console.log(`cpu per turn vs teams-ai echo at 10 concurrent: ${cpuVsTeamsAi.toFixed(2)}`);
    console.log(`ratio vs echo at 50 concurrent: ${ratio.toFixed(2)}`);
}

type Sample = Result & { peakRss: number; cpuPerTurn: number };

/** The median of every figure over the rounds (errors summed: one is one too many). */
function medianOf(runs: Sample[]): Sample {
    const mid = (pick: (r: Sample) => number) => {
        const v = runs.map(pick).sort((a, b) => a - b);
        return v.length ? v[Math.floor(v.length / 2)] : 0;
    };
    return {
        turns: mid((r) => r.turns),
        errors: runs.reduce((n, r) => n + r.errors, 0),
        turnsPerSecond: mid((r) => r.turnsPerSecond),
        p50: mid((r) => r.p50),
        p95: mid((r) => r.p95),
        p99: mid((r) => r.p99),
        largestMessageBytes: mid((r) => r.largestMessageBytes),
        peakRss: mid((r) => r.peakRss),
        cpuPerTurn: mid((r) => r.cpuPerTurn),
    };
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
