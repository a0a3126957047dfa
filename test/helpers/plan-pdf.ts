// Prints a plan text (docs/plan-text.md markdown) as a PDF the way a word processor would: headings in larger type,
// paragraphs with space after, list items with a dash, tables in columns, a page number at the foot of each page.
// Also a scanned-looking PDF (an image only, no text layer), for the OCR and refusal paths.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { woffToSfnt } from '../../src/bot/decisions/woff';

const font = (weight: 400 | 700) =>
    woffToSfnt(readFileSync(require.resolve(`@fontsource/dejavu-sans/files/dejavu-sans-latin-${weight}-normal.woff`)));
const SIZES: Record<number, number> = { 1: 20, 2: 15, 3: 13, 4: 12 };
const BODY = 10.5;

async function collect(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    build(doc);
    doc.end();
    return done;
}

/** The plan text as a PDF with a text layer. */
export function planPdf(markdown: string): Promise<Buffer> {
    return collect((doc) => {
        doc.registerFont('body', font(400));
        doc.registerFont('bold', font(700));
        const blocks = markdown.split(/\n\s*\n/);
        for (const block of blocks) {
            const lines = block.split('\n').filter((l) => l.trim());
            if (!lines.length) continue;
            const h = /^(#{1,4})\s+(.+)$/.exec(lines[0]);
            if (h) {
                doc.moveDown(0.6).font('bold').fontSize(SIZES[h[1].length]).text(h[2], { paragraphGap: 6 });
                continue;
            }
            doc.font('body').fontSize(BODY);
            if (lines[0].startsWith('|')) {
                const rows = lines
                    .filter((l) => !/^\|[-|\s]+\|$/.test(l))
                    .map((l) =>
                        l
                            .replace(/^\||\|$/g, '')
                            .split('|')
                            .map((c) => c.trim()),
                    );
                for (const r of rows) {
                    if (doc.y + BODY * 1.3 > doc.page.maxY()) doc.addPage();
                    const y = doc.y;
                    const bold = /^\*\*.*\*\*$/.test(r[0]);
                    r.forEach((c, i) => {
                        if (!c) return;
                        doc.font(bold ? 'bold' : 'body').text(
                            c.replace(/\*\*/g, ''),
                            56 + (i === 0 ? 0 : 200 + (i - 1) * 110),
                            y,
                            {
                                lineBreak: false,
                            },
                        );
                    });
                    doc.x = 56;
                    doc.y = y + BODY * 1.25;
                }
                doc.moveDown(0.6);
                continue;
            }
            if (/^\s*-\s+/.test(lines[0])) {
                for (const item of lines) doc.text(`– ${item.replace(/^\s*-\s+/, '')}`, { indent: 0 });
                doc.moveDown(0.6);
                continue;
            }
            doc.text(lines.join(' '), { paragraphGap: 7 });
        }
        const range = doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
            doc.switchToPage(i);
            // Below the bottom margin: pdfkit would otherwise start a new page for the number.
            doc.page.margins.bottom = 0;
            doc.font('body')
                .fontSize(9)
                .text(String(i + 1), 56, 800, { lineBreak: false, align: 'center', width: 483 });
        }
    });
}

/** A one-page PDF with only a picture of text (no text layer), as a scanner makes it. */
export function scannedPdf(): Promise<Buffer> {
    return collect((doc) => {
        // A drawn "page": grey strokes where the lines of text would be; the point is that there is no text layer.
        for (let i = 0; i < 30; i++) doc.rect(56, 80 + i * 20, 300 + ((i * 37) % 150), 8).fill('#333');
    });
}

/** A text PDF's first page as a picture in a PDF of its own (needs poppler's pdftoppm): what a scanner makes of it. */
export async function scannedPdfOf(pdf: Buffer): Promise<Buffer> {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    try {
        writeFileSync(join(dir, 'in.pdf'), pdf);
        execFileSync('pdftoppm', [
            '-r',
            '150',
            '-png',
            '-singlefile',
            '-f',
            '1',
            '-l',
            '1',
            join(dir, 'in.pdf'),
            join(dir, 'p'),
        ]);
        const png = readFileSync(join(dir, 'p.png'));
        return collect((doc) => {
            doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
        });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** A PDF of `pages` pages with a line of text each: more pages than a plan has. */
export function manyPagesPdf(pages: number): Promise<Buffer> {
    return collect((doc) => {
        doc.registerFont('body', font(400));
        for (let i = 0; i < pages; i++) {
            if (i > 0) doc.addPage();
            doc.font('body')
                .fontSize(BODY)
                .text(`Sida ${i + 1} av en mycket lång plan.`);
        }
    });
}
