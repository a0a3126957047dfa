// A plan's own text (data/forbund/<id>.plan.md, format in docs/plan-text.md) as sections and passages, and the
// numbers it prints (for checking a transcription against its OCR source). Pure: the caller reads the file.

/** One passage: a paragraph, a list or a table row, under the headings that contain it. */
export type Passage = {
    /** Position in the plan, from 0. */
    index: number;
    /** Headings from the section down, without the plan title ("6. Budgetplan …", "Kostnader"). */
    headings: string[];
    text: string;
    kind: 'paragraph' | 'list' | 'table';
};

export type PlanText = {
    title: string;
    passages: Passage[];
    /** Which stored version of the plan document this is; none for a seed plan text. */
    edition?: { sv: string; en: string };
};

const HEADING = /^(#{1,4})\s+(.+?)\s*$/;
const ITEM = /^\s*[-*]\s+/;

/** Splits a plan text into passages: each paragraph, each list (all its items) and each table row, with headings. */
export function parsePlanText(markdown: string): PlanText {
    let title = '';
    const stack: string[] = [];
    const passages: Passage[] = [];
    let block: string[] = [];
    let blockKind: Passage['kind'] = 'paragraph';
    let tableHead: string[] = [];
    const flush = () => {
        const lines = block.map((l) => l.trim()).filter(Boolean);
        block = [];
        if (!lines.length) return;
        if (blockKind === 'table') {
            for (const line of lines) {
                const cells = line
                    .replace(/^\||\|$/g, '')
                    .split('|')
                    .map((c) => c.replace(/\*\*/g, '').trim());
                if (cells.every((c) => /^-*$/.test(c))) continue;
                if (!tableHead.length) {
                    tableHead = cells;
                    continue;
                }
                if (cells.slice(1).every((c) => !c)) continue;
                const values = cells.slice(1).map((c, i) => `${tableHead[i + 1] ?? ''} ${c}`.trim());
                push(`${cells[0]}: ${values.join(', ')}`, 'table');
            }
            tableHead = [];
            return;
        }
        if (blockKind === 'list') {
            const items = lines.map((l) => l.replace(ITEM, '– ')).join('\n');
            push(leadIn ? `${leadIn}\n${items}` : items, 'list');
            leadIn = '';
            return;
        }
        holdLeadIn();
        const text = lines.join(' ');
        // A lead-in ("Mätpunkter:") belongs to the list below it.
        if (text.endsWith(':')) leadIn = text;
        else push(text, 'paragraph');
    };
    let leadIn = '';
    const holdLeadIn = () => {
        if (leadIn) push(leadIn, 'paragraph');
        leadIn = '';
    };
    const push = (text: string, kind: Passage['kind']) =>
        passages.push({ index: passages.length, headings: [...stack], text: text.replace(/\\\*/g, '*'), kind });
    for (const line of markdown.split(/\r?\n/)) {
        const h = HEADING.exec(line);
        if (h) {
            flush();
            holdLeadIn();
            const level = h[1].length;
            if (level === 1) title = h[2];
            else stack.splice(level - 2, stack.length, h[2]);
            continue;
        }
        if (!line.trim()) {
            flush();
            continue;
        }
        const kind: Passage['kind'] = line.trim().startsWith('|') ? 'table' : ITEM.test(line) ? 'list' : 'paragraph';
        if (block.length && kind !== blockKind) flush();
        if (!block.length) blockKind = kind;
        block.push(line);
    }
    flush();
    holdLeadIn();
    return { title, passages };
}

/** "Verksamhetsplan 2025, 3.1.2 Målområde 2 …": the plan title and the passage's deepest heading. */
export function sourceOf(plan: PlanText, p: Passage): string {
    const heading = p.headings[p.headings.length - 1];
    return heading ? `${plan.title}, ${heading}` : plan.title;
}

/**
 * Every number a text prints, as written but normalised: digit groups joined ("1 500 000", "1500 000" →
 * 1500000), a minus sign (−, –, -) before a number kept, any other dash a separator ("16–64" → 16, 64).
 * Digits glued to letters (OCR "5ka" for "öka", "1C") are not numbers. Decimal commas are kept ("20,8").
 */
export function planNumbers(text: string): string[] {
    const joined = text.replace(/(\d)[  ](?=\d{3}(?!\d))/g, '$1');
    const out: string[] = [];
    for (const m of joined.matchAll(/(^|[^\p{L}\p{N}])([-−–]?)(\d+(?:,\d+)?)(?![\p{L}\p{N}])/gu)) {
        const minus = m[2] && (m[1] === '' || /[\s(|]/.test(m[1])) ? '-' : '';
        if (/\p{L}$/u.test(m[1])) continue;
        out.push(`${minus}${m[3]}`);
    }
    return out;
}

/** As `planNumbers`, also every digit group alone: an OCR that drops a column separator still shows its parts. */
export function planNumberParts(text: string): Set<string> {
    const parts = new Set(planNumbers(text));
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])[-−–]?\d+(?:,\d+)?(?![\p{L}\p{N}])/gu))
        parts.add(m[0].replace(/^[−–]/, '-'));
    return parts;
}
