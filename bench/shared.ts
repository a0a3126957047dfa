// What both benches share: the bot processes they start, the connector stand-in that receives the replies, the
// Teams-shaped activity they post, and the /proc readings (RSS, CPU time) they take of a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = join(__dirname, '..', '..');
export const OUR_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
/** The node flags `npm start` uses, read from package.json so a bench and production cannot drift apart. */
export const START_FLAGS = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
    .split(' ')
    .filter((w) => w.startsWith('--'));

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const CLK_TCK = 100;

/** Resident set size of a process now, in MB. */
export const rssMb = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** CPU time (user + system, all threads) the process has used so far, in microseconds. */
export function cpuMicros(pid: number): number {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are fixed: utime is the 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLK_TCK) * 1e6;
}

export type BotProcess = { child: ChildProcess; url: string; startMs: number };

/** Starts a bot and resolves once /healthz answers 200; `startMs` is process start → that answer. */
export async function startBotProcess(
    entry: string,
    flags: readonly string[],
    env: NodeJS.ProcessEnv,
): Promise<BotProcess> {
    const t0 = performance.now();
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
        child.on('exit', (code) => reject(new Error(`${entry} exited ${code}: ${out.slice(-500)}`)));
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
    return { child, url, startMs: performance.now() - t0 };
}

/** Stops a bot started by `startBotProcess` and waits for it to exit. */
export async function stopBotProcess(bot: { child: ChildProcess }): Promise<void> {
    if (bot.child.exitCode !== null) return;
    bot.child.kill('SIGTERM');
    await new Promise((r) => bot.child.on('exit', r));
}

/**
 * The Bot Connector's stand-in: answers every call 200 and reports each message activity the bot sends by the
 * activity id it replies to (the last segment of the path), with the body's size.
 */
export async function connectorStandIn(
    onMessage: (replyToId: string, bytes: number) => void,
): Promise<{ serviceUrl: string; close: () => void; server: Server }> {
    const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const body = Buffer.concat(chunks);
            if (req.method === 'POST' && body.length) {
                const type = (JSON.parse(body.toString('utf8')) as { type?: string }).type;
                if (type === 'message') onMessage(decodeURIComponent(req.url!.split('/').pop() ?? ''), body.length);
            }
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"id":"r"}');
        });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    return { serviceUrl, close: () => server.close(), server };
}

/** A Teams 1:1 activity as the benches post it: a message with text, or a card submit with `value`. */
export function personalActivity(a: {
    id: string;
    user: string;
    serviceUrl: string;
    text?: string;
    value?: unknown;
}): string {
    return JSON.stringify({
        type: 'message',
        id: a.id,
        ...(a.text !== undefined ? { text: a.text } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
        channelId: 'msteams',
        serviceUrl: a.serviceUrl,
        from: { id: `29:${a.user}`, name: `Bench ${a.user}` },
        recipient: { id: '28:bot', name: 'Finsam' },
        conversation: { id: `a:${a.user}`, conversationType: 'personal', tenantId: 'bench' },
        channelData: { tenant: { id: 'bench' } },
    });
}
