// Load generator and connector stand-in in one process (apart from the bots): sends turns, times replies.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

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
    const connector = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const body = Buffer.concat(chunks);
            const id = decodeURIComponent(req.url!.split('/').pop() ?? '');
            const type =
                req.method === 'POST' && body.length
                    ? (JSON.parse(body.toString('utf8')) as { type?: string }).type
                    : undefined;
            if (type === 'message') {
                largest = Math.max(largest, body.length);
                pending.get(id)?.(body.length);
            }
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"id":"r"}');
        });
    });
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;
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
                body: JSON.stringify({
                    type: 'message',
                    id,
                    text,
                    channelId: 'msteams',
                    serviceUrl,
                    from: { id: `29:bench-${w}`, name: `Bench ${w}` },
                    recipient: { id: '28:bot', name: 'Finsam' },
                    conversation: { id: `a:bench-${w}`, conversationType: 'personal', tenantId: 'bench' },
                    channelData: { tenant: { id: 'bench' } },
                }),
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
