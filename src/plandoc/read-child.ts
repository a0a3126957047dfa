// The child process readPlanIsolated forks: reads one plan document it is sent and answers with the text or a refusal.
import { PlanDocumentError } from './document';
import { readPlanDocument } from './read';
import type { OcrTools } from './ocr';

const send = (m: unknown) => process.send?.(m, () => process.exit(0));

process.once('message', (raw: unknown) => {
    const { buf, name, ocr } = raw as { buf: Uint8Array; name: string; ocr?: OcrTools };
    readPlanDocument(Buffer.from(buf), name, ocr).then(
        (doc) => send({ ok: true, doc }),
        (e: unknown) => send({ ok: false, reason: e instanceof PlanDocumentError ? e.reason : 'unreadable' }),
    );
});
