// OCR of a scanned PDF with Debian's tools when they are installed: poppler's pdftoppm renders each page, tesseract
// reads it with Swedish data. Which tools exist is found once at start and injected, so tests choose either path.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { Block } from './blocks';

const run = promisify(execFile);

/** Where the OCR tools are; undefined (no OCR) when either is missing or tesseract has no Swedish data. */
export type OcrTools = { pdftoppm: string; tesseract: string };

/** Pages OCR reads at most: a scanned plan is tens of pages, and each page takes seconds. */
export const MAX_OCR_PAGES = 60;

const onPath = (name: string, path = process.env.PATH ?? '') =>
    path
        .split(delimiter)
        .map((dir) => join(dir, name))
        .find((file) => existsSync(file));

/** Finds pdftoppm and tesseract (with the `swe` language) on PATH. */
export async function findOcrTools(): Promise<OcrTools | undefined> {
    const pdftoppm = onPath('pdftoppm');
    const tesseract = onPath('tesseract');
    if (!pdftoppm || !tesseract) return undefined;
    try {
        const { stdout, stderr } = await run(tesseract, ['--list-langs'], { timeout: 10_000 });
        return /^swe$/m.test(`${stdout}\n${stderr}`) ? { pdftoppm, tesseract } : undefined;
    } catch {
        return undefined;
    }
}

/** The text of each page of a scanned PDF, as tesseract reads it. */
export async function ocrPdf(tools: OcrTools, buf: Buffer, pages: number): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'finsam-ocr-'));
    try {
        const pdf = join(dir, 'in.pdf');
        writeFileSync(pdf, buf);
        const last = Math.min(pages, MAX_OCR_PAGES);
        await run(tools.pdftoppm, ['-r', '200', '-gray', '-png', '-f', '1', '-l', String(last), pdf, join(dir, 'p')], {
            timeout: 120_000,
        });
        const images = readdirSync(dir)
            .filter((f) => /^p-\d+\.png$/.test(f))
            .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
        const texts: string[] = [];
        for (const img of images) {
            const { stdout } = await run(tools.tesseract, [join(dir, img), 'stdout', '-l', 'swe', '--psm', '3'], {
                timeout: 120_000,
                maxBuffer: 16 * 1024 * 1024,
            });
            texts.push(stdout);
        }
        return texts;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const NUMBERED = /^(\d+(?:\.\d+){0,2})\.?\s+\p{Lu}/u;
const BULLET = /^[-–•▪●◦*]\s+/;

/**
 * OCR text as blocks: paragraphs split at blank lines; a short line alone that starts with a section number
 * ("3.1 Styrelsen") a heading at the depth of its number; the first short line the title; bullets lists.
 */
export function ocrBlocks(pages: readonly string[]): Block[] {
    const blocks: Block[] = [];
    for (const page of pages) {
        for (const chunk of page.split(/\n\s*\n/)) {
            const lines = chunk
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean);
            if (!lines.length) continue;
            if (lines.length === 1 && /^\d{1,4}$/.test(lines[0])) continue; // a page number
            const one = lines.length === 1 && lines[0].length <= 90 && !/[.,;]$/.test(lines[0]);
            const numbered = one ? NUMBERED.exec(lines[0]) : null;
            if (numbered) {
                blocks.push({ kind: 'heading', level: numbered[1].split('.').length + 1, text: lines[0] });
                continue;
            }
            if (one && blocks.length === 0) {
                blocks.push({ kind: 'heading', level: 1, text: lines[0] });
                continue;
            }
            if (BULLET.test(lines[0])) {
                const items: string[] = [];
                for (const l of lines)
                    if (BULLET.test(l)) items.push(l.replace(BULLET, ''));
                    else items[items.length - 1] += ` ${l}`;
                blocks.push({ kind: 'list', items });
                continue;
            }
            blocks.push({ kind: 'paragraph', text: lines.join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1$2') });
        }
    }
    return blocks;
}
