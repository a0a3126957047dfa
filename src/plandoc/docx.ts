// A Word file (.docx) as plan blocks: mammoth turns its paragraphs into HTML by their styles (Heading 1–4 → h1–h4,
// lists, tables); htmlparser2 reads that HTML. Images are dropped (mammoth would inline them as data URLs).
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import type { Block } from './blocks';

export class DocxUnreadable extends Error {}

type Node = ReturnType<typeof parseDocument>['children'][number];

const text = (n: Node) => DomUtils.textContent(n).replace(/\s+/g, ' ').trim();
const tag = (n: Node) => (DomUtils.isTag(n) ? n.name.toLowerCase() : '');
const kids = (n: Node) => (DomUtils.hasChildren(n) ? n.children : []);

function tableRows(table: Node): string[][] {
    return DomUtils.findAll((e) => e.name === 'tr', kids(table)).map((tr) =>
        tr.children.filter((c) => ['td', 'th'].includes(tag(c))).map(text),
    );
}

function walk(nodes: readonly Node[], out: Block[]): void {
    for (const n of nodes) {
        const name = tag(n);
        const h = /^h([1-6])$/.exec(name);
        if (h) out.push({ kind: 'heading', level: Number(h[1]), text: text(n) });
        else if (name === 'p') {
            const t = text(n);
            if (t) out.push({ kind: 'paragraph', text: t });
        } else if (name === 'ul' || name === 'ol') {
            const items = kids(n)
                .filter((c) => tag(c) === 'li')
                .map(text)
                .filter(Boolean);
            if (items.length) out.push({ kind: 'list', items });
        } else if (name === 'table') out.push({ kind: 'table', rows: tableRows(n) });
        else walk(kids(n), out);
    }
}

/** Reads a .docx; throws DocxUnreadable when it is no Word document mammoth can read. */
export async function docxBlocks(buf: Buffer): Promise<Block[]> {
    let html: string;
    try {
        const r = await mammoth.convertToHtml(
            { buffer: buf },
            // No images in the text, and no external file is ever read (mammoth ≥ 1.11 refuses those by default).
            { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
        );
        html = r.value;
    } catch {
        throw new DocxUnreadable('mammoth could not read the file');
    }
    const out: Block[] = [];
    walk(parseDocument(html).children, out);
    return out;
}
