// The protokoll (or an utdrag) as a standalone HTML page; every text from users is escaped.
import type { Section } from '../../domain/protokoll';

/** A document: heading, meta lines and headed sections (see protokollSections). */
export type DocModel = { heading: string; meta: string[]; sections: Section[] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The HTML page for a document, in Swedish, with print-friendly styling. */
export function documentHtml(doc: DocModel): string {
    const sections = doc.sections
        .map(
            (s) =>
                `<section><h2>${escapeHtml(s.title)}</h2>${s.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</section>`,
        )
        .join('\n');
    return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.heading)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45}h2{font-size:1.1rem;margin-top:1.5rem}p{margin:.3rem 0}.meta{color:#555}</style>
</head>
<body>
<h1>${escapeHtml(doc.heading)}</h1>
${doc.meta.map((m) => `<p class="meta">${escapeHtml(m)}</p>`).join('\n')}
${sections}
</body>
</html>
`;
}
