// The protokoll (or an utdrag) as a PDF through pdfkit with its built-in Helvetica (WinAnsi glyphs only).
import type { DocModel } from './document-html';

// Characters above U+00FF that WinAnsi (and so the built-in Helvetica) has; anything else would print as garbage.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the built-in font can show: U+2212 minus becomes '-', other missing glyphs '?'. */
export function winAnsi(s: string): string {
    return [...s.replace(/\u2212/g, '-').replace(/\u00a0|\u202f/g, ' ')]
        .map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : '?'))
        .join('');
}

/** Renders the document to a PDF buffer (A4). */
export async function documentPdf(doc: DocModel): Promise<Buffer> {
    // Loaded on first use: pdfkit and its font machinery would add to every start for a rarely asked document.
    const { default: PDFDocument } = await import('pdfkit');
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: winAnsi(doc.heading) } });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
        pdf.on('data', (c: Buffer) => chunks.push(c));
        pdf.on('end', () => resolve(Buffer.concat(chunks)));
        pdf.on('error', reject);
    });
    pdf.font('Helvetica-Bold').fontSize(16).text(winAnsi(doc.heading));
    pdf.moveDown(0.5).font('Helvetica').fontSize(10);
    for (const m of doc.meta) pdf.text(winAnsi(m));
    for (const s of doc.sections) {
        pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(winAnsi(s.title));
        pdf.font('Helvetica').fontSize(10);
        for (const l of s.lines) pdf.text(winAnsi(l), { paragraphGap: 2 });
    }
    pdf.end();
    return done;
}
