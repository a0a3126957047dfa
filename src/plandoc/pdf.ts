// A PDF's text layer, read with pdf.js, as plan blocks: text lines grouped by position, headings told by a font size
// above the body text's, paragraphs by the space between lines, list items by their bullet, table rows by wide gaps.
import type { Block } from './blocks';

/** One text run pdf.js reports (`transform` is the text matrix: [a, b, c, d, x, y]). */
type Item = { str: string; transform: number[]; width: number; height: number };
type Run = { str: string; x: number; y: number; size: number; width: number };
type Line = { text: string; cells: string[]; x: number; y: number; size: number; page: number };

export type PdfText = { pages: number; lines: Line[]; chars: number };

/** Page count limit: a plan is tens of pages; a file with thousands is refused rather than read. */
export const MAX_PDF_PAGES = 400;

export class PdfUnreadable extends Error {}
export class PdfTooManyPages extends Error {}

const round = (n: number) => Math.round(n * 2) / 2;

function linesOf(runs: Run[], page: number): Line[] {
    // Whitespace runs are dropped: pdf.js stretches one over a column gap, which would hide it; gaps make the spaces.
    const sorted = runs.filter((r) => r.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
    const rows: Run[][] = [];
    for (const r of sorted) {
        const row = rows.at(-1);
        if (row && Math.abs(row[0].y - r.y) <= Math.max(row[0].size, r.size) * 0.4) row.push(r);
        else rows.push([r]);
    }
    const out: Line[] = [];
    for (const row of rows) {
        row.sort((a, b) => a.x - b.x);
        const cells: string[] = [];
        let text = '';
        let cellText = '';
        let end: number | undefined;
        const size = Math.max(...row.map((r) => r.size));
        for (const r of row) {
            const gap = end === undefined ? 0 : r.x - end;
            if (end !== undefined && gap > size * 1.5) {
                cells.push(cellText.trim());
                cellText = '';
                text += ' ';
            } else if (end !== undefined && gap > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(r.str)) {
                text += ' ';
                cellText += ' ';
            }
            text += r.str;
            cellText += r.str;
            end = r.x + r.width;
        }
        cells.push(cellText.trim());
        const t = text.replace(/\s+/g, ' ').trim();
        if (t) out.push({ text: t, cells: cells.filter(Boolean), x: row[0].x, y: row[0].y, size: round(size), page });
    }
    return out;
}

/** Reads the text layer of every page; throws PdfUnreadable for a file pdf.js cannot open. */
export async function readPdfText(buf: Buffer): Promise<PdfText> {
    // pdf.js 5 ships as ES modules only.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let doc;
    try {
        doc = await pdfjs.getDocument({
            data: new Uint8Array(buf),
            useSystemFonts: false,
            isEvalSupported: false,
            disableFontFace: true,
            stopAtErrors: false,
            verbosity: 0,
        }).promise;
    } catch {
        throw new PdfUnreadable('pdf.js could not open the file');
    }
    if (doc.numPages > MAX_PDF_PAGES) throw new PdfTooManyPages(`${doc.numPages} pages`);
    const lines: Line[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        const runs = (content.items as Item[])
            .filter((it) => typeof it.str === 'string' && Array.isArray(it.transform))
            .map((it) => ({
                str: it.str,
                x: it.transform[4],
                y: it.transform[5],
                size: Math.hypot(it.transform[2], it.transform[3]) || it.height,
                width: it.width,
            }));
        lines.push(...linesOf(runs, i));
        page.cleanup();
    }
    const pages = doc.numPages;
    await doc.destroy();
    return { pages, lines, chars: lines.reduce((n, l) => n + l.text.length, 0) };
}

/** The size most of the text is set in (by characters). */
function bodySize(lines: readonly Line[]): number {
    const bySize = new Map<number, number>();
    for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
    return [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Lines printed at the same place on many pages (running heads, page numbers) are no part of the text. */
function furniture(lines: readonly Line[], pages: number): (l: Line) => boolean {
    const seen = new Map<string, Set<number>>();
    for (const l of lines) {
        const key = `${l.text.replace(/\d+/g, '#')}@${Math.round(l.y)}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(l.page));
    }
    return (l) =>
        /^(sid(an)?\s*)?\d{1,4}(\s*(\/|av)\s*\d{1,4})?$/i.test(l.text) ||
        (pages >= 3 && (seen.get(`${l.text.replace(/\d+/g, '#')}@${Math.round(l.y)}`)?.size ?? 0) >= pages / 2);
}

const BULLET = /^[-–•▪●◦*]\s+/;

/** The PDF's lines as blocks; headings get levels 1–4 by font size (largest first), the caller normalises them. */
export function pdfBlocks(text: PdfText): Block[] {
    const skip = furniture(text.lines, text.pages);
    const lines = text.lines.filter((l) => !skip(l));
    const body = bodySize(lines);
    const headingSizes = [...new Set(lines.map((l) => l.size))].filter((s) => s > body * 1.1).sort((a, b) => b - a);
    const blocks: Block[] = [];
    let prev: Line | undefined;
    const last = () => blocks.at(-1);
    for (const l of lines) {
        const gap = prev && prev.page === l.page ? prev.y - l.y - l.size : undefined;
        const joins = gap !== undefined && gap < l.size * 0.45;
        const level = headingSizes.indexOf(l.size);
        const b = last();
        if (level >= 0) {
            if (b?.kind === 'heading' && b.level === level + 1 && joins) b.text += ` ${l.text}`;
            else blocks.push({ kind: 'heading', level: level + 1, text: l.text });
        } else if (l.cells.length >= 2) {
            const row = l.cells;
            if (b?.kind === 'table') b.rows.push(row);
            else blocks.push({ kind: 'table', rows: [row] });
        } else if (BULLET.test(l.text)) {
            const item = l.text.replace(BULLET, '');
            if (b?.kind === 'list' && (joins || gap === undefined)) b.items.push(item);
            else blocks.push({ kind: 'list', items: [item] });
        } else if (b?.kind === 'list' && joins && prev && l.x > prev.x - 1) {
            b.items[b.items.length - 1] = joinLines(b.items.at(-1)!, l.text);
        } else if (b?.kind === 'table' && joins && prev?.cells.length && prev.cells.length >= 2) {
            // A section row inside a table ("Kostnader" with empty cells).
            b.rows.push([l.text]);
        } else if (b?.kind === 'paragraph' && (joins || continuesOnNextPage(prev, l))) {
            b.text = joinLines(b.text, l.text);
        } else blocks.push({ kind: 'paragraph', text: l.text });
        prev = l;
    }
    return blocks.map((b) => (b.kind === 'table' && b.rows.length > 0 ? { ...b, rows: padHeader(b.rows) } : b));
}

/** A table's header row often leaves the first (row label) column empty: it gets an empty first cell. */
function padHeader(rows: string[][]): string[][] {
    const width = Math.max(...rows.map((r) => r.length));
    return rows.map((r, i) => (i === 0 && r.length < width ? [...Array<string>(width - r.length).fill(''), ...r] : r));
}

/** A sentence cut by a page break goes on: the page's last line ends without a full stop. */
const continuesOnNextPage = (prev: Line | undefined, l: Line) =>
    prev !== undefined && prev.page !== l.page && !/[.:!?]$/.test(prev.text);

/** Joins a wrapped line: a word hyphenated at the line end is joined again. */
const joinLines = (a: string, b: string) =>
    /\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b) ? a.slice(0, -1) + b : `${a} ${b}`;
