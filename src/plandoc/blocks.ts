// A plan document's structure, whatever it was read from (PDF text layer, Word, OCR): headings, paragraphs, lists and
// table rows, written out in the plan-text format (docs/plan-text.md) the Q&A reads.
export type Block =
    | { kind: 'heading'; level: number; text: string }
    | { kind: 'paragraph'; text: string }
    | { kind: 'list'; items: string[] }
    | { kind: 'table'; rows: string[][] };

const clean = (s: string) =>
    s
        .replace(/[\u00ad\u200b]/g, '')
        .replace(/\s+/g, ' ')
        .trim();

/**
 * Gives the document exactly one title (`#`) and its other headings levels 2–4 in the order of their depth: a single
 * first top-level heading is the title; otherwise the title is `fallbackTitle` and every level moves down one.
 */
export function normalizeHeadings(blocks: readonly Block[], fallbackTitle: string): Block[] {
    const headings = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
    const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
    const top = levels[0];
    const titled =
        top !== undefined && headings.filter((h) => h.level === top).length === 1 && headings[0].level === top;
    const rank = (level: number) => {
        const i = levels.indexOf(level);
        return Math.min(4, titled ? i + 1 : i + 2);
    };
    const out: Block[] = titled ? [] : [{ kind: 'heading', level: 1, text: clean(fallbackTitle) || 'Plan' }];
    for (const b of blocks) {
        if (b.kind === 'heading') {
            const text = clean(b.text);
            if (text) out.push({ kind: 'heading', level: rank(b.level), text });
            continue;
        }
        out.push(b);
    }
    return out;
}

/** A paragraph that would start with the plan-text format's markup (a heading or a table row) loses that mark. */
const literal = (s: string) => clean(s).replace(/^[#|]+\s*/, '');
const cell = (s: string) => clean(s).replace(/\|/g, '/');

/** The blocks as plan-text markdown: one block per paragraph, lists as `- ` items, tables with a header row. */
export function toMarkdown(blocks: readonly Block[]): string {
    const parts: string[] = [];
    for (const b of blocks) {
        if (b.kind === 'heading') parts.push(`${'#'.repeat(b.level)} ${clean(b.text)}`);
        else if (b.kind === 'paragraph') {
            const text = literal(b.text);
            if (text) parts.push(text);
        } else if (b.kind === 'list') {
            const items = b.items.map(clean).filter(Boolean);
            if (items.length) parts.push(items.map((i) => `- ${i}`).join('\n'));
        } else {
            const width = Math.max(...b.rows.map((r) => r.length));
            const rows = b.rows.map((r) => [...r.map(cell), ...Array<string>(width - r.length).fill('')]);
            if (rows.length < 2 || width < 2) {
                for (const r of rows) parts.push(literal(r.filter(Boolean).join(' ')));
                continue;
            }
            const line = (r: string[]) => `| ${r.join(' | ')} |`;
            parts.push([line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n'));
        }
    }
    return `${parts.join('\n\n')}\n`;
}

/** What the preview card says about a document: its title, its sections (level 2 headings) and the first of them. */
export function outline(blocks: readonly Block[]): { title: string; sections: number; firstHeadings: string[] } {
    const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
    const sections = blocks
        .filter((b) => b.kind === 'heading' && b.level === 2)
        .map((b) => (b as { text: string }).text);
    return {
        title: title?.kind === 'heading' ? title.text : '',
        sections: sections.length,
        firstHeadings: sections.slice(0, 5),
    };
}
