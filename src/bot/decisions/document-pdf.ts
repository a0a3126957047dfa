// The protokoll (or an utdrag) as an archive-grade PDF: tagged structure, embedded DejaVu Sans, metadata, PDF/A-2b id.
import { readFileSync } from 'node:fs';
import type { DocModel } from './document-html';
import { woffToSfnt } from './woff';

// Characters above U+00FF that WinAnsi has: the embedded font's latin subset covers them all, and nothing else is sure.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FONT_FILES = {
    body: require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'),
    bold: require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff'),
};
let fonts: { body: Buffer; bold: Buffer } | undefined;
/** The two faces as TrueType, read and unpacked once per process (WOFF through fontkit costs a second per PDF). */
const loadFonts = () =>
    (fonts ??= {
        body: woffToSfnt(readFileSync(FONT_FILES.body)),
        bold: woffToSfnt(readFileSync(FONT_FILES.bold)),
    });

/** Text the embedded font can show: U+2212 minus becomes '-', other missing glyphs '?'. */
export function winAnsi(s: string): string {
    return [...s.replace(/\u2212/g, '-').replace(/\u00a0|\u202f/g, ' ')]
        .map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : '?'))
        .join('');
}

/** Document properties: who issued it and when this version was made (so the file does not change per download). */
export type PdfInfo = { author?: string; subject?: string; created?: Date };

/**
 * Renders the document to an A4 PDF. Every text is in the structure tree (H1, H2, P in Sect) in reading order, the
 * font is embedded as a subset with a Unicode map (text can be extracted), and the document language is sv-SE.
 */
export async function documentPdf(doc: DocModel, info: PdfInfo = {}): Promise<Buffer> {
    // Loaded on first use: pdfkit and its font machinery would add to every start for a rarely asked document.
    const { default: PDFDocument } = await import('pdfkit');
    const pdf = new PDFDocument({
        size: 'A4',
        margin: 56,
        pdfVersion: '1.7',
        subset: 'PDF/A-2b',
        tagged: true,
        lang: 'sv-SE',
        displayTitle: true,
        // pdfkit reads every info value (`valueOf`), so absent ones are left out rather than undefined.
        info: {
            Title: winAnsi(doc.heading),
            Creator: 'Finsam styrelseassistent',
            ...(info.author ? { Author: winAnsi(info.author) } : {}),
            ...(info.subject ? { Subject: winAnsi(info.subject) } : {}),
            ...(info.created ? { CreationDate: info.created } : {}),
        },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
        pdf.on('data', (c: Buffer) => chunks.push(c));
        pdf.on('end', () => resolve(Buffer.concat(chunks)));
        pdf.on('error', reject);
    });
    const face = loadFonts();
    pdf.registerFont('body', face.body);
    pdf.registerFont('bold', face.bold);
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    const text = (tag: 'H1' | 'H2' | 'P', s: string, font: 'body' | 'bold', size: number, gap = 2) =>
        pdf.struct(tag, {}, () => {
            pdf.font(font).fontSize(size).text(winAnsi(s), { paragraphGap: gap });
        });
    root.add(text('H1', doc.heading, 'bold', 16, 6));
    for (const m of doc.meta) root.add(text('P', m, 'body', 10));
    for (const s of doc.sections) {
        const sect = pdf.struct('Sect');
        root.add(sect);
        pdf.moveDown(0.6);
        sect.add(text('H2', s.title, 'bold', 12, 3));
        for (const l of s.lines) sect.add(text('P', l, 'body', 10));
        sect.end();
    }
    root.end();
    pdf.end();
    return done;
}
