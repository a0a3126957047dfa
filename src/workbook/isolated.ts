// Reads a file sent over Teams in a child process with a heap limit and a time limit, so a hostile file (a zip bomb
// the guard missed, a sheet with millions of cells, an SIE file of endless lines) ends the child, not the bot. A child
// process rather than a worker thread: a worker reaching its heap limit can still abort the whole process on Node 20.
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { parseForbund } from '../domain';
import type { ChildJob } from './child-jobs';
import { refuse, WorkbookError } from './errors';
import type { WorkbookData } from './read';

export const ISOLATED_LIMITS = { heapMb: 256, timeoutMs: 20_000 };

/** Why the child gave no answer: it ran out of time, its heap limit (or a crash) ended it, or it could not start. */
export type IsolatedFailure = 'timeout' | 'memory' | 'unreadable';
export class IsolatedError extends Error {
    override readonly name = 'IsolatedError';
    constructor(readonly reason: IsolatedFailure) {
        super(`the reading child process failed: ${reason}`);
    }
}

/** Runs one job in a fresh child process and resolves with its answer, unparsed: the caller checks it with zod. */
export function runIsolated(job: ChildJob, limits = ISOLATED_LIMITS): Promise<unknown> {
    // Under tsx (tests, npm run) the child registers tsx itself; built, it runs read-child.js.
    const ext = extname(__filename);
    const child = fork(join(__dirname, `read-child${ext}`), [], {
        execArgv: [...(ext === '.ts' ? ['--require', 'tsx/cjs'] : []), `--max-old-space-size=${limits.heapMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new Promise<unknown>((resolve, reject) => {
        let settled = false;
        const settle = (f: () => unknown) => {
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
        const fail = (reason: IsolatedFailure) => () => {
            throw new IsolatedError(reason);
        };
        const timer = setTimeout(() => settle(fail('timeout')), limits.timeoutMs);
        child.once('message', (raw: unknown) => settle(() => raw));
        child.once('error', () => settle(fail('unreadable')));
        // Exit before an answer: the heap limit (or a crash) ended the child.
        child.once('exit', () => settle(fail('memory')));
        child.send(job);
    });
}

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

export const workbookAnswer = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), document: z.record(z.unknown()), people: z.array(rosterRowSchema) }),
    z.object({
        ok: z.literal(false),
        issues: z.array(z.object({ where: z.string(), reason: z.string() })).optional(),
        message: z.string(),
    }),
]);

const ISOLATED_TEXT: Record<IsolatedFailure, string> = {
    timeout: 'arbetsboken tog för lång tid att läsa och öppnas inte',
    memory: 'arbetsboken kräver mer minne än tillåtet att läsa och öppnas inte',
    unreadable: 'arbetsboken kunde inte läsas',
};

/** The child's workbook answer as workbook data; throws WorkbookError for a refused workbook. */
export function workbookFromAnswer(raw: unknown, fileName: string): WorkbookData {
    const r = workbookAnswer.safeParse(raw);
    if (!r.success) refuse('arbetsboken kunde inte läsas');
    if (!r.data.ok) {
        if (r.data.issues) throw new WorkbookError(r.data.issues);
        throw new Error(r.data.message);
    }
    return { document: r.data.document, forbund: parseForbund(r.data.document, fileName), people: r.data.people };
}

/** Swedish refusal for a child that gave no answer (workbook errors are Swedish; see issue-text.ts for English). */
export function refuseIsolated(err: unknown): never {
    if (err instanceof IsolatedError) refuse(ISOLATED_TEXT[err.reason]);
    throw err;
}

export async function readWorkbookIsolated(
    buf: Buffer,
    fileName: string,
    limits = ISOLATED_LIMITS,
): Promise<WorkbookData> {
    const raw = await runIsolated({ job: 'workbook', buf, name: fileName }, limits).catch(refuseIsolated);
    return workbookFromAnswer(raw, fileName);
}
