// Load generator and connector stand-in in one process (apart from the bots): sends turns, times replies.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { connectorStandIn, personalActivity } from './shared';

type Job = {
    botUrl: string;
    concurrency: number;
    seconds?: number;
    turns?: number;
    questions: string[];
    progressEvery?: number;
};

/** Runs one load level and returns its figures; progress is reported through `onProgress`. */
export async function drive(job: Job, onProgress: (turns: number) => void = () => {}) {
    const pending = new Map<string, (size: number) => void>();
    let largest = 0;
    const connector = await connectorStandIn((id, bytes) => {
        largest = Math.max(largest, bytes);
        pending.get(id)?.(bytes);
    });
    const { serviceUrl } = connector;
    const pool = new Pool(new URL(job.botUrl).origin, { connections: job.concurrency, pipelining: 1 });
    const latencies: number[] = [];
    let turns = 0;
    let errors = 0;
    const start = performance.now();
    const deadline = job.seconds ? start + job.seconds * 1000 : Infinity;
    const maxTurns = job.turns ?? Infinity;

    const worker = async (w: number) => {
        for (let i = 0; performance.now() < deadline && turns < maxTurns; i++) {
            const id = `b${w}-${i}`;
            const text = job.questions[(w + i) % job.questions.length];
            const replied = new Promise<number>((resolve) => pending.set(id, resolve));
            const t0 = performance.now();
            const res = await pool.request({
                path: '/api/messages',
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: personalActivity({ id, text, user: `bench-${w}`, serviceUrl }),
            });
            await res.body.dump();
            if (res.statusCode !== 200) errors++;
            await Promise.race([replied, new Promise((r) => setTimeout(r, 5000))]);
            pending.delete(id);
            latencies.push(performance.now() - t0);
            turns++;
            if (job.progressEvery && turns % job.progressEvery === 0) onProgress(turns);
        }
    };
    await Promise.all(Array.from({ length: job.concurrency }, (_, w) => worker(w)));
    const elapsed = (performance.now() - start) / 1000;
    await pool.close();
    connector.close();
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    return {
        turns,
        errors,
        seconds: elapsed,
        turnsPerSecond: turns / elapsed,
        p50: q(0.5),
        p95: q(0.95),
        p99: q(0.99),
        largestMessageBytes: largest,
    };
}

// As a forked child: one job from the parent, progress and the result back over IPC.
if (require.main === module && process.send) {
    process.once('message', (job: Job) => {
        void drive(job, (turns) => process.send!({ type: 'progress', turns })).then((result) => {
            process.send!({ type: 'result', result }, () => process.exit(0));
        });
    });
}
