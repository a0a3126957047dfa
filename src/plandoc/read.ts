// Reads a plan document (PDF or Word) into the plan-text format: the text layer of a PDF, OCR when a PDF has none
// and the tools are there, or the paragraphs of a .docx; refused with a reason when there is no usable text.
import { parsePlanText } from '../domain';
import { normalizeHeadings, outline, toMarkdown, type Block } from './blocks';
import { docxBlocks, DocxUnreadable } from './docx';
import { ocrBlocks, ocrPdf, type OcrTools } from './ocr';
import { pdfBlocks, PdfTooManyPages, PdfUnreadable, readPdfText } from './pdf';
import { planFormat, PlanDocumentError, type PlanDocument } from './document';

/** Fewer characters per page than this and a PDF counts as scanned (no text layer to speak of). */
const MIN_CHARS_PER_PAGE = 40;

async function pdfDocumentBlocks(
    buf: Buffer,
    ocr: OcrTools | undefined,
): Promise<{ blocks: Block[]; pages: number; ocr: boolean }> {
    let text;
    try {
        text = await readPdfText(buf);
    } catch (err) {
        if (err instanceof PdfTooManyPages) throw new PlanDocumentError('too-many-pages');
        if (err instanceof PdfUnreadable) throw new PlanDocumentError('unreadable');
        throw err;
    }
    if (text.chars >= MIN_CHARS_PER_PAGE * text.pages)
        return { blocks: pdfBlocks(text), pages: text.pages, ocr: false };
    if (!ocr) throw new PlanDocumentError('no-text');
    let pages: string[];
    try {
        pages = await ocrPdf(ocr, buf, text.pages);
    } catch {
        throw new PlanDocumentError('ocr-failed');
    }
    return { blocks: ocrBlocks(pages), pages: text.pages, ocr: true };
}

/** Reads `buf` (a PDF or .docx; `name` gives a title when the document has no single one); throws PlanDocumentError. */
export async function readPlanDocument(buf: Buffer, name: string, ocr?: OcrTools): Promise<PlanDocument> {
    const format = planFormat(buf);
    if (!format) throw new PlanDocumentError('unreadable');
    let read: { blocks: Block[]; pages: number; ocr: boolean };
    if (format === 'pdf') read = await pdfDocumentBlocks(buf, ocr);
    else {
        try {
            read = { blocks: await docxBlocks(buf), pages: 0, ocr: false };
        } catch (err) {
            if (err instanceof DocxUnreadable) throw new PlanDocumentError('unreadable');
            throw err;
        }
    }
    const blocks = normalizeHeadings(read.blocks, name.replace(/\.[^.]+$/, ''));
    const markdown = toMarkdown(blocks);
    const plan = parsePlanText(markdown);
    const o = outline(blocks);
    if (!plan.title || plan.passages.length === 0) throw new PlanDocumentError(read.ocr ? 'ocr-failed' : 'no-text');
    if (o.sections === 0) throw new PlanDocumentError('no-structure');
    return { markdown, pages: read.pages, ocr: read.ocr, ...o, passages: plan.passages.length };
}
