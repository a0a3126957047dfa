// Reads a plan document sent over Teams in a child process with a heap limit and a time limit, as the workbook is
// read (src/workbook/isolated.ts): a hostile PDF or Word file ends the child, not the bot.
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { z } from 'zod';
import type { OcrTools } from './ocr';
import { PlanDocumentError, type PlanDocument, type PlanRefusal } from './document';

/** OCR takes seconds a page, so a scanned document gets longer than one with a text layer. */
export const PLAN_LIMITS = { heapMb: 384, timeoutMs: 30_000, ocrTimeoutMs: 300_000 };

const REFUSALS = ['unreadable', 'no-text', 'no-structure', 'too-many-pages', 'too-big', 'ocr-failed'] as const;
const answer = z.discriminatedUnion('ok', [
    z.object({
        ok: z.literal(true),
        doc: z.object({
            markdown: z.string().min(1),
            pages: z.number().int().min(0),
            ocr: z.boolean(),
            title: z.string(),
            sections: z.number().int().min(0),
            firstHeadings: z.array(z.string()),
            passages: z.number().int().min(0),
        }),
    }),
    z.object({ ok: z.literal(false), reason: z.enum(REFUSALS) satisfies z.ZodType<PlanRefusal> }),
]);

/** Reads `buf` in a child; rejects with PlanDocumentError (the reason) when refused, over the limits or crashed. */
export function readPlanIsolated(
    buf: Buffer,
    fileName: string,
    ocr: OcrTools | undefined,
    limits = PLAN_LIMITS,
): Promise<PlanDocument> {
    // Under tsx (tests, npm run) the child registers tsx itself; built, it runs read-child.js.
    const ext = extname(__filename);
    const child = fork(join(__dirname, `read-child${ext}`), [], {
        execArgv: [...(ext === '.ts' ? ['--require', 'tsx/cjs'] : []), `--max-old-space-size=${limits.heapMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new Promise<PlanDocument>((resolve, reject) => {
        let settled = false;
        const settle = (f: () => PlanDocument) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            child.kill('SIGKILL');
            try {
                resolve(f());
            } catch (err) {
                reject(err instanceof Error ? err : new Error(String(err)));
            }
        };
        const refuse = (reason: PlanRefusal) => () => {
            throw new PlanDocumentError(reason);
        };
        const timer = setTimeout(settle, ocr ? limits.ocrTimeoutMs : limits.timeoutMs, refuse('too-big'));
        child.once('message', (raw: unknown) =>
            settle(() => {
                const r = answer.safeParse(raw);
                if (!r.success) throw new PlanDocumentError('unreadable');
                if (!r.data.ok) throw new PlanDocumentError(r.data.reason);
                return r.data.doc;
            }),
        );
        child.once('error', () => settle(refuse('unreadable')));
        // Exit before an answer: the heap limit (or a crash) ended the child.
        child.once('exit', () => settle(refuse('too-big')));
        child.send({ buf, name: fileName, ocr });
    });
}
