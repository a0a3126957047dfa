// Reads a PDF as a reader would, through pdf.js: its text in reading order, metadata, tagging and embedded fonts.

type TextItem = { str: string; hasEOL?: boolean };
type StructNode = { role?: string; children?: StructNode[] };

/** The PDF's text per page in content order (line ends as spaces), its info dictionary, structure roles and fonts. */
export async function readPdf(buf: Buffer) {
    // pdf.js 5 ships as ES modules only.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false }).promise;
    const pages: string[] = [];
    const roles = new Set<string>();
    const walk = (n: StructNode | null | undefined) => {
        if (!n) return;
        if (n.role) roles.add(n.role);
        n.children?.forEach(walk);
    };
    for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        const text = (content.items as TextItem[]).map((it) => `${it.str}${it.hasEOL ? ' ' : ''}`).join('');
        pages.push(text.replace(/\s+/g, ' '));
        walk((await page.getStructTree()) as StructNode | null);
    }
    const meta = await doc.getMetadata();
    const raw = buf.toString('latin1');
    return {
        pages,
        text: pages.join(' '),
        info: meta.info as Record<string, unknown>,
        xmp: meta.metadata?.getRaw() ?? '',
        marked: (await doc.getMarkInfo())?.Marked === true,
        roles,
        /** Every font program is embedded (FontFile2), none is a bare reference to a standard font. */
        fontsEmbedded: /\/FontFile2/.test(raw) && !/\/BaseFont \/Helvetica/.test(raw),
    };
}
