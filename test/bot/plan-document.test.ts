// The plan document sent to the bot over the real endpoint: a Word file previewed and activated (answers then quote
// it), saved as förslag, cancelled; hostile or odd documents (scanned with no OCR, corrupt, oversized, too many
// pages, from someone who may not) refused with a sentence saying what to send instead, changing nothing.
import assert from 'node:assert/strict';
import nock from 'nock';
import { findOcrTools } from '../../src/plandoc/ocr';
import { executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { button, cardOf, textOf } from '../helpers/cards';
import { docx } from '../helpers/docx';
import { manyPagesPdf, planPdf, scannedPdf, scannedPdfOf } from '../helpers/plan-pdf';

const { chef, A } = FRYKSDALEN_STYRELSE;
const members = Object.fromEntries([chef, A].map((p) => [p.id, p]));
const HOST = 'https://fryksdalen-my.sharepoint.com';
const FILE_TYPE = 'application/vnd.microsoft.teams.file.download.info';
const conversation = { id: `a:1on1-${chef.id}`, conversationType: 'personal' };
const QUESTION = 'Vad gör friluftsgruppen?';

const wordPlan = (extra: string) =>
    docx([
        { heading: 1, text: 'Verksamhetsplan 2027' },
        { heading: 2, text: '1. Inledning' },
        { p: 'Planen gäller för år 2027 och beslutas av styrelsen.' },
        { heading: 2, text: '2. Insatser' },
        { heading: 3, text: 'Friluftsgruppen' },
        { p: `Friluftsgruppen ordnar ${extra} i skogen för deltagarna varje tisdag.` },
        {
            table: [
                ['', '2027'],
                ['Friluftsgruppen', '120 000'],
            ],
        },
    ]);

let fileNo = 0;
function withFile(who: User, name: string, body: Buffer | { length: number }) {
    const path = `/personal/chef/_layouts/15/download.aspx?UniqueId=${++fileNo}&tempauth=bearer`;
    const scope =
        body instanceof Buffer
            ? nock(HOST).get(path).reply(200, body)
            : nock(HOST)
                  .get(path)
                  .reply(200, '%PDF-1.7', { 'content-length': String(body.length) });
    return {
        scope,
        activity: {
            ...personalMessage(who, ''),
            attachments: [{ contentType: FILE_TYPE, name, content: { downloadUrl: HOST + path } }],
        },
    };
}

describe('The plan document sent in the 1:1 chat', function () {
    // Each document is read in a child process (a few seconds under tsx).
    this.timeout(60_000);
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const send = async (activity: object) => {
        connector.clear();
        await t.post(activity);
        return connector.messages().at(-1)!;
    };
    const ask = async (q: string) => String((await send(personalMessage(chef, q))).body.text);
    const press = async (card: Record<string, any>, title: string) => {
        const b = button(card, title);
        return JSON.stringify((await t.post(executeAction(chef, b.verb, b.data, conversation))).body);
    };
    const plans = () => t.bot.deps.plans.list('fryksdalen').map((v) => `${v.version}:${v.status}`);

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides: { now: () => new Date('2026-05-20T08:00:00Z'), ocr: false } });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the chef sends the plan as a Word file and activates it, then answers quote the new text and name its version', async () => {
        assert.match(await ask(QUESTION), /Det står inte i planen/);
        const f = withFile(chef, 'Plan 2027.docx', await wordPlan('vandringar'));
        const preview = cardOf(await send(f.activity));
        assert.match(textOf(preview), /Förhandsvisning av planen/);
        assert.match(textOf(preview), /Verksamhetsplan 2027, ur Plan 2027\.docx: 2 avsnitt/);
        assert.match(textOf(preview), /1\. Inledning.*2\. Insatser/);
        assert.match(textOf(preview), /planens text från installationen/);
        assert.match(await ask(QUESTION), /Det står inte i planen/, 'a preview changes nothing');

        assert.match(
            await press(preview, 'Aktivera'),
            /Planen version 1 \(Plan 2027\.docx\) är aktiv från 20 maj 2026/,
        );
        const answer = await ask(QUESTION);
        assert.match(answer, /ordnar vandringar i skogen/);
        assert.match(answer, /Källa: .*Friluftsgruppen – planen version 1 \(Plan 2027\.docx\), aktiv från 20 maj 2026/);
        assert.deepEqual(plans(), ['1:aktiv']);
        const cancel = button(preview, 'Avbryt');
        const stale = await t.post(
            executeAction(
                chef,
                cancel.verb,
                { ...cancel.data, key: cancel.data.key.replace(/\|[^|]+$/, '|freshnonce123') },
                conversation,
            ),
        );
        assert.match(JSON.stringify(stale.body), /inaktuellt/, 'a decided preview is stale');
        assert.deepEqual(plans(), ['1:aktiv']);
    });

    it('When the chef saves a plan as förslag or cancels it, then the plan in force is unchanged', async () => {
        const saved = cardOf(await send(withFile(chef, 'Plan v2.docx', await wordPlan('skidturer')).activity));
        assert.match(textOf(saved), /version 1 \(Plan 2027\.docx\), aktiv från 20 maj 2026/, 'names the plan in force');
        assert.match(await press(saved, 'Spara som förslag'), /sparad som förslag, version 2/);
        const cancelled = cardOf(await send(withFile(chef, 'Plan v3.docx', await wordPlan('simturer')).activity));
        assert.match(await press(cancelled, 'Avbryt'), /Avbrutet\. Inget har ändrats/);
        assert.deepEqual(plans(), ['1:aktiv', '2:förslag']);
        assert.match(await ask(QUESTION), /vandringar/);
    });

    it('When the plan is a scanned PDF and OCR is not installed, then the bot says what to send instead and nothing changes', async () => {
        const msg = await send(withFile(chef, 'skannad.pdf', await scannedPdf()).activity);
        assert.match(msg.body.text, /skannad\.pdf har ingen text att läsa – den ser inskannad ut – och OCR/);
        assert.match(
            msg.body.text,
            /Skicka planen som en PDF med text .* eller som Word-filen \(\.docx\)\. Inget har ändrats/,
        );
        assert.deepEqual(plans(), ['1:aktiv', '2:förslag']);
    });

    it('When the PDF is corrupt, oversized or has thousands of pages, then each is refused and nothing changes', async () => {
        const corrupt = await send(
            withFile(chef, 'trasig.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog')).activity,
        );
        assert.match(corrupt.body.text, /trasig\.pdf kunde inte läsas som PDF eller Word-fil/);
        const big = await send(withFile(chef, 'stor.pdf', { length: 26 * 1024 * 1024 }).activity);
        assert.match(big.body.text, /större än 25 MB/);
        const many = await send(withFile(chef, 'lång.pdf', await manyPagesPdf(401)).activity);
        assert.match(many.body.text, /lång\.pdf har fler än 400 sidor/);
        const flat = await send(
            withFile(
                chef,
                'platt.docx',
                await docx([{ p: 'Bara en lång text utan några rubriker alls, om förbundet.' }]),
            ).activity,
        );
        assert.match(flat.body.text, /hittade inga rubriker i platt\.docx/);
        assert.deepEqual(plans(), ['1:aktiv', '2:förslag']);
        assert.doesNotMatch(JSON.stringify(t.logs), /tempauth/);
    });

    it('When a ledamot sends a plan, then they are refused and nothing is downloaded', async () => {
        const f = withFile(A, 'plan.docx', await wordPlan('vandringar'));
        const msg = await send(f.activity);
        assert.match(textOf(msg.body), /förbundschef/);
        assert.ok(!f.scope.isDone());
        nock.cleanAll();
        connector = nockConnector(members);
    });
});

describe('A scanned plan PDF when OCR is installed', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(async function () {
        const tools = await findOcrTools();
        // .ci/run installs tesseract-ocr, tesseract-ocr-swe and poppler-utils; a machine without them skips this path.
        if (!tools) return this.skip();
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides: { now: () => new Date('2026-05-20T08:00:00Z'), ocr: tools } });
    });
    after(async () => {
        await t?.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the chef sends a scanned plan, then it is read by OCR and the preview says so', async function () {
        this.timeout(180_000);
        const md =
            '# Verksamhetsplan 2027\n\n## 1. Inledning\n\nFörbundet stödjer personer som behöver samordnade insatser.\n\n## 2. Friluftsgruppen\n\nFriluftsgruppen ordnar vandringar i skogen varje tisdag.\n';
        const f = withFile(chef, 'skannad.pdf', await scannedPdfOf(await planPdf(md)));
        connector.clear();
        await t.post(f.activity);
        const msg = connector.messages().at(-1)!;
        assert.match(textOf(msg.body), /Förhandsvisning av planen/);
        assert.match(textOf(msg.body), /läst med OCR ur en inskannad PDF/);
        assert.match(textOf(msg.body), /"Läst med OCR","value":"ja"/);
        assert.match(textOf(msg.body), /Inledning/);
    });
});
