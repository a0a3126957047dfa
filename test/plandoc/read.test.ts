// Plan documents read into the plan-text format: a PDF printed from the third förbund's plan text reads back to the
// same passages; a Word file's heading styles become sections; no text layer, no headings or no file are refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../../src/domain';
import { PlanDocumentError, planFormat } from '../../src/plandoc/document';
import { readPlanDocument } from '../../src/plandoc/read';
import { FIXTURE_DIR } from '../domain/load';
import { docx } from '../helpers/docx';
import { planPdf, scannedPdf } from '../helpers/plan-pdf';

const refusedWith = (reason: string) => (err: unknown) => err instanceof PlanDocumentError && err.reason === reason;

describe('plandoc/read', () => {
    it("When the third förbund's plan is printed as a PDF and read, then every passage and heading comes back", async () => {
        const md = readFileSync(join(FIXTURE_DIR, 'norrskogen.plan.md'), 'utf8');
        const doc = await readPlanDocument(await planPdf(md), 'plan.pdf');
        const want = parsePlanText(md);
        const got = parsePlanText(doc.markdown);
        assert.equal(got.title, want.title);
        assert.deepEqual(
            got.passages.map((p) => [p.headings.join(' > '), p.text]),
            want.passages.map((p) => [p.headings.join(' > '), p.text]),
        );
        assert.equal(doc.sections, 6);
        assert.deepEqual(doc.firstHeadings.slice(0, 2), ['1. Om förbundet', '2. Organisation']);
        assert.equal(doc.ocr, false);
        assert.ok(doc.pages >= 2, `${doc.pages} pages`);
    });

    it('When a Word file is read, then its heading styles are the sections and its table rows passages', async () => {
        const buf = await docx([
            { heading: 1, text: 'Verksamhetsplan 2027' },
            { heading: 2, text: '1. Styrelsen' },
            { p: 'Styrelsen sammanträder sex gånger per år.' },
            { heading: 3, text: 'Arvoden' },
            {
                table: [
                    ['', '2027'],
                    ['Arvoden', '110 000'],
                ],
            },
        ]);
        assert.equal(planFormat(buf), 'docx');
        const doc = await readPlanDocument(buf, 'plan.docx');
        assert.equal(
            doc.markdown,
            '# Verksamhetsplan 2027\n\n## 1. Styrelsen\n\nStyrelsen sammanträder sex gånger per år.\n\n### Arvoden\n\n| | 2027 |\n| --- | --- |\n| Arvoden | 110 000 |\n'.replace(
                '| | 2027 |',
                '|  | 2027 |',
            ),
        );
        assert.deepEqual(
            parsePlanText(doc.markdown).passages.map((p) => p.text),
            ['Styrelsen sammanträder sex gånger per år.', 'Arvoden: 2027 110 000'],
        );
    });

    it('When a document has no single title, then the file name is the title and its headings move down a level', async () => {
        const doc = await readPlanDocument(
            await docx([
                { heading: 1, text: '1. Om oss' },
                { p: 'Text.' },
                { heading: 1, text: '2. Mål' },
                { p: 'Mer.' },
            ]),
            'Plan 2027.docx',
        );
        assert.match(doc.markdown, /^# Plan 2027\n\n## 1\. Om oss\n\nText\.\n\n## 2\. Mål/);
    });

    it('When a PDF has no text layer, has no headings, or is no PDF at all, then it is refused with the reason', async () => {
        await assert.rejects(readPlanDocument(await scannedPdf(), 'scan.pdf'), refusedWith('no-text'));
        await assert.rejects(
            readPlanDocument(
                await planPdf('Bara löptext utan rubriker, men lång nog för att vara en text.\n'),
                'x.pdf',
            ),
            refusedWith('no-structure'),
        );
        await assert.rejects(readPlanDocument(Buffer.from('%PDF-1.4\ngarbage'), 'x.pdf'), refusedWith('unreadable'));
        await assert.rejects(
            readPlanDocument(Buffer.from('PK\x03\x04word/document.xml'), 'x.docx'),
            refusedWith('unreadable'),
        );
        assert.equal(planFormat(Buffer.from('hello')), undefined);
    });
});
