// The child process readWorkbookIsolated forks: reads one workbook it is sent and answers with the model or the issues.
import { readWorkbook } from './read';

const send = (m: unknown) => process.send?.(m, () => process.exit(0));

process.once('message', (raw: unknown) => {
    const { buf, name } = raw as { buf: Uint8Array; name: string };
    readWorkbook(Buffer.from(buf), name).then(
        (d) => send({ ok: true, document: d.document, people: d.people }),
        (e: unknown) =>
            send({
                ok: false,
                issues: (e as { issues?: unknown }).issues,
                message: String((e as Error | undefined)?.message),
            }),
    );
});
