// The child process runIsolated forks: does the one job it is sent (child-jobs.ts) and answers; isolated.ts and
// ledger-isolated.ts check the answer with zod.
import { isOurWorkbook, type ChildJob } from './child-jobs';
import type { WorkbookIssue } from './errors';
import { ledgerJob } from './ledger-isolated';
import { readWorkbook } from './read';

const send = (m: unknown) => process.send?.(m, () => process.exit(0));

const workbookJob = (buf: Uint8Array, name: string) =>
    readWorkbook(Buffer.from(buf), name).then(
        (d) => ({ ok: true as const, document: d.document, people: d.people }),
        (e: unknown) => ({
            ok: false as const,
            issues: (e as { issues?: WorkbookIssue[] }).issues,
            message: String((e as Error | undefined)?.message),
        }),
    );

async function run(job: ChildJob): Promise<unknown> {
    switch (job.job) {
        case 'workbook':
            return workbookJob(job.buf, job.name);
        case 'ledger':
            return ledgerJob(job.buf, job.forbund, job.now);
        case 'every': {
            const workbook = await workbookJob(job.buf, job.name);
            if (workbook.ok || isOurWorkbook(workbook.issues ?? [])) return { workbook };
            return { workbook, ledger: await ledgerJob(job.buf, job.forbund, job.now) };
        }
    }
}

process.once('message', (raw: unknown) => {
    run(raw as ChildJob).then(send, (e: unknown) => send({ ok: false, message: String((e as Error)?.message) }));
});
