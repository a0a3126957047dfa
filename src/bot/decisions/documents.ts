// The 'protokoll' download provider: `<meetingId>.html|pdf` (whole protokoll) and `<meetingId>-<itemId>.…` (utdrag).
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import { z } from 'zod';
import { protokollSections, signers, type Signature } from '../../domain/protokoll';
import type { Download } from '../../http/downloads';
import { documentHtml, type DocModel } from './document-html';
import { documentPdf } from './document-pdf';
import { loadDecisionState, type DecisionState } from './state';
import { justeringText, notesStatus } from './words';

const docId = z
    .string()
    .regex(/^\d{1,12}(?:-\d{1,12})?\.(?:html|pdf)$/)
    .transform((s) => {
        const [name, format] = s.split('.') as [string, 'html' | 'pdf'];
        const [meeting, item] = name.split('-');
        return { meetingId: Number(meeting), itemId: item ? Number(item) : undefined, format };
    });

/** The protokoll's status line in Swedish (the document's language). */
export function documentStatus(st: DecisionState): string {
    if (st.protokoll?.data.notes) return notesStatus('sv');
    return justeringText(st.justering, 'sv', (ids) => ids.map((id) => st.people.get(id)?.name ?? '?').join(', '));
}

/** The justering block: the ordförande and each justerare with the time and text hash of their justering. */
export function signatures(dd: BotDeps, st: DecisionState): Signature[] {
    const p = st.protokoll;
    if (!p) return [];
    const events = dd.protokoll.events(st.meeting.id).filter((e) => e.version === p.version && e.action === 'justerat');
    return signers(p.data).map((s) => {
        const e = events.find((x) => x.personId === s.personId);
        return { role: s.role, name: s.name, at: e?.at, sha256: e?.sha256 };
    });
}

/** The whole protokoll, or the utdrag of one § (with the meeting, the justerare and the status); undefined if none. */
export function documentModel(dd: BotDeps, st: DecisionState, itemId?: number): DocModel | undefined {
    if (!st.protokoll) return undefined;
    const full = protokollSections(st.protokoll.data, documentStatus(st), signatures(dd, st));
    if (itemId === undefined) return full;
    const i = st.protokoll.data.paragraphs.findIndex((p) => p.itemId === itemId);
    if (i < 0) return undefined;
    return {
        heading: `Protokollsutdrag – ${st.protokoll.data.body}, ${st.protokoll.data.forbund}`,
        meta: full.meta,
        sections: [
            full.sections[full.sections.length - 1 - st.protokoll.data.paragraphs.length + i],
            must(full.sections.at(-1), 'the justering section'),
        ],
    };
}

/** Serves protokoll documents; unknown ids, meetings without a protokoll and unknown §§ are undefined (404). */
export function protokollProvider(dd: BotDeps) {
    return async (id: string): Promise<Download | undefined> => {
        const parsed = docId.safeParse(id);
        if (!parsed.success) return undefined;
        const { meetingId, itemId, format } = parsed.data;
        const st = loadDecisionState(dd, meetingId);
        const doc = st && documentModel(dd, st, itemId);
        if (!st || !doc) return undefined;
        const name = `protokoll-${st.body.id}-${meetingId}${itemId ? `-utdrag-${itemId}` : ''}`;
        return format === 'html'
            ? { contentType: 'text/html; charset=utf-8', filename: `${name}.html`, body: documentHtml(doc) }
            : {
                  contentType: 'application/pdf',
                  filename: `${name}.pdf`,
                  body: await documentPdf(doc, {
                      author: st.f.name,
                      subject: `${doc.heading}, version ${st.protokoll?.version ?? 1}`,
                      created: st.protokoll?.createdAt,
                  }),
              };
    };
}
