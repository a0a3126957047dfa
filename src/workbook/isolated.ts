// Reads a workbook sent over Teams in a child process with a heap limit and a time limit, so a hostile file (a zip
// bomb the guard missed, a sheet with millions of cells) ends the child, not the bot. A child process rather than a
// worker thread: a worker reaching its heap limit can still abort the whole process on Node 20.
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { parseForbund } from '../domain';
import { refuse, WorkbookError } from './errors';
import type { WorkbookData } from './read';

export const ISOLATED_LIMITS = { heapMb: 256, timeoutMs: 20_000 };

/** A Roster sheet row (RosterRow) as it crosses a process boundary or comes back from the database. */
export const rosterRowSchema = z.object({
    slug: z.string(),
    name: z.string(),
    email: z.string().optional(),
    role: z.object({ role: z.string(), partId: z.string().optional(), insatsId: z.string().optional() }),
    from: z.string().optional(),
    to: z.string().optional(),
    at: z.string(),
});

const answer = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), document: z.record(z.unknown()), people: z.array(rosterRowSchema) }),
    z.object({
        ok: z.literal(false),
        issues: z.array(z.object({ where: z.string(), reason: z.string() })).optional(),
        message: z.string(),
    }),
]);

export function readWorkbookIsolated(buf: Buffer, fileName: string, limits = ISOLATED_LIMITS): Promise<WorkbookData> {
    // Under tsx (tests, npm run) the child registers tsx itself; built, it runs read-child.js.
    const ext = extname(__filename);
    const child = fork(join(__dirname, `read-child${ext}`), [], {
        execArgv: [...(ext === '.ts' ? ['--require', 'tsx/cjs'] : []), `--max-old-space-size=${limits.heapMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new Promise<WorkbookData>((resolve, reject) => {
        let settled = false;
        const settle = (f: () => WorkbookData) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            child.kill();
            try {
                resolve(f());
            } catch (err) {
                reject(err instanceof Error ? err : new Error(String(err)));
            }
        };
        const timer = setTimeout(
            () => settle(() => refuse('arbetsboken tog för lång tid att läsa och öppnas inte')),
            limits.timeoutMs,
        );
        child.once('message', (raw: unknown) =>
            settle(() => {
                const r = answer.safeParse(raw);
                if (!r.success) refuse('arbetsboken kunde inte läsas');
                if (!r.data.ok) {
                    if (r.data.issues) throw new WorkbookError(r.data.issues);
                    throw new Error(r.data.message);
                }
                const doc = r.data.document;
                return {
                    document: doc,
                    forbund: parseForbund(doc, fileName),
                    people: r.data.people,
                };
            }),
        );
        child.once('error', () => settle(() => refuse('arbetsboken kunde inte läsas')));
        // Exit before an answer: the heap limit (or a crash) ended the child.
        child.once('exit', () =>
            settle(() => refuse('arbetsboken kräver mer minne än tillåtet att läsa och öppnas inte')),
        );
        child.send({ buf, name: fileName });
    });
}
