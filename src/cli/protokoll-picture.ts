// `npm run protokoll-picture`: the sample world's closed meeting as the protokoll PDF the bot serves, and a picture of
// its first page (docs/protokoll/), rasterised with pdf.js on @napi-rs/canvas (both dev-only, like the card pictures).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentPdf } from '../bot/decisions/document-pdf';
import { documentModel } from '../bot/decisions/documents';
import { must } from '../domain/must';
import { ROOT } from '../paths';
import { withCardWorld } from './card-world';

const OUT = join(ROOT, 'docs', 'protokoll');

async function main(): Promise<void> {
    const { doc, info } = withCardWorld((w) => ({
        doc: must(documentModel(w.dd, w.closed), 'the closed meeting has a protokoll'),
        info: { author: w.f.name, created: w.closed.protokoll?.createdAt },
    }));
    const pdf = await documentPdf(doc, info);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'protokoll-sample.pdf'), pdf);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { createCanvas } = await import('@napi-rs/canvas');
    const file = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
    const page = await file.getPage(1);
    const viewport = page.getViewport({ scale: 1.5 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    writeFileSync(join(OUT, 'protokoll-page-1.png'), canvas.toBuffer('image/png'));
    process.stdout.write(`protokoll-sample.pdf and protokoll-page-1.png in ${OUT}\n`);
}

if (require.main === module)
    main().catch((error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
    });
