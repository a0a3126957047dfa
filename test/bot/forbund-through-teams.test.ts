// Issue 20's "Done when": the third förbund set up from nothing through Teams — invited on the command line, the
// code redeemed in the 1:1 chat, the workbook and then the plan PDF sent as files (nocked SharePoint downloads),
// previewed, activated — and its own corpus asked through the endpoint, scored by the eval's own checker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { forbundCommand } from '../../src/cli/forbund';
import { readCorpus } from '../../src/qa/corpus-files';
import { evaluate, type Case } from '../../src/qa/eval';
import { loadPlanText } from '../../src/storage/forbund-files';
import { writeWorkbook } from '../../src/workbook/write';
import { executeAction, personalMessage, type User } from '../fixtures/activities';
import { FIXTURE_DIR, forbund, rawForbund } from '../domain/load';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { button, cardOf, textOf } from '../helpers/cards';
import { planPdf } from '../helpers/plan-pdf';

const ID = 'norrskogen';
const chef: User = { id: '29:norrskogen-chef', name: 'Stina Skog', aadObjectId: 'aad-stina' };
const HOST = 'https://norrskogen.sharepoint.com';
const FILE_TYPE = 'application/vnd.microsoft.teams.file.download.info';
const conversation = { id: `a:1on1-${chef.id}`, conversationType: 'personal' };
const SETUP_DAY = new Date('2025-01-15T09:00:00Z');

let fileNo = 0;
/** A file message, its download nocked once on a SharePoint host (the URL carries a bearer token). */
function sendFile(name: string, body: Buffer) {
    const path = `/personal/stina/_layouts/15/download.aspx?UniqueId=${++fileNo}&tempauth=secret-${fileNo}`;
    const scope = nock(HOST).get(path).reply(200, body);
    return {
        scope,
        activity: {
            ...personalMessage(chef, ''),
            attachments: [{ contentType: FILE_TYPE, name, content: { downloadUrl: HOST + path, uniqueId: '1' } }],
        },
    };
}

describe('A förbund set up from nothing through Teams (the third förbund)', function () {
    // Two files read in child processes and 110 questions over HTTP.
    this.timeout(180_000);
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let clock = SETUP_DAY;
    const post = async (activity: object) => {
        connector.clear();
        const res = await t.post(activity);
        return { res, messages: connector.messages(), text: connector.texts().join('\n') };
    };
    const press = async (card: Record<string, any>, title: string) => {
        const b = button(card, title);
        const res = await t.post(executeAction(chef, b.verb, b.data, conversation));
        return JSON.stringify(res.body);
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector({ [chef.id]: { ...chef, email: 'stina.skog@norrskogen.example' } });
        t = await startBot({ overrides: { now: () => clock, ocr: false } });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the operator invites it, the chef redeems the code, sends the workbook and the plan PDF and activates both, then its corpus is answered as the eval scores it', async () => {
        // 1. Invited with no data: a one-time code.
        const out: string[] = [];
        const code = await forbundCommand(
            ['new', ID],
            { out: (s) => out.push(s), err: (s) => out.push(s) },
            {
                DATA_DIR: t.dataDir,
            },
        );
        assert.equal(code, 0, out.join(''));
        const setup = /jag är förbundschef ([A-Z0-9]{8})/.exec(out.join(''))?.[1];
        assert.ok(setup, out.join(''));
        assert.equal(await forbundCommand(['new', ID], { out: () => {}, err: () => {} }, { DATA_DIR: t.dataDir }), 1);
        const bad: string[] = [];
        assert.equal(
            await forbundCommand(
                ['new', 'Norr Skogen'],
                { out: () => {}, err: (s) => bad.push(s) },
                { DATA_DIR: t.dataDir },
            ),
            2,
        );
        assert.match(bad.join(''), /duger inte som id/);

        // 2. Redeemed in the 1:1 chat: chef of a förbund with no data, told to send the workbook.
        const welcome = await post(personalMessage(chef, `jag är förbundschef ${setup}`));
        assert.match(welcome.text, /Du är nu förbundschef för norrskogen, som inte har några uppgifter/);
        assert.match(welcome.text, /Skicka förbundets arbetsbok/);
        const empty = await post(personalMessage(chef, 'hur mycket eget kapital har vi?'));
        assert.match(empty.text, /Inga uppgifter ännu/);
        assert.match(empty.text, /skickar förbundets arbetsbok/);

        // 3. "mall": a signed link to the template, served by the bot.
        const mall = await post(personalMessage(chef, 'mall'));
        const url = /\((http:\/\/127\.0\.0\.1:\d+\/files\/workbook-template\/[^)]+)\)/.exec(mall.text)?.[1];
        assert.ok(url, mall.text);
        const download = await fetch(url);
        assert.equal(download.status, 200);
        assert.deepEqual(
            Buffer.from(await download.arrayBuffer()),
            readFileSync(join(__dirname, '..', '..', 'data', 'templates', 'forbund-mall.xlsx')),
        );

        // 4. Another förbund's workbook is refused; nothing is stored.
        const other = sendFile('fel.xlsx', await writeWorkbook(rawForbund('fryksdalen')));
        const wrong = await post(other.activity);
        assert.ok(other.scope.isDone());
        assert.match(wrong.text, /Arbetsboken gäller .*\(fryksdalen\), inte norrskogen\. Inget har ändrats/);
        assert.deepEqual(t.bot.deps.forbundVersions.list(ID), []);

        // 5. Its own workbook: preview, then activate.
        const wb = sendFile('norrskogen 2026.xlsx', await writeWorkbook(rawForbund(ID, FIXTURE_DIR)));
        const preview = await post(wb.activity);
        const card = cardOf(preview.messages.at(-1)!);
        assert.match(textOf(card), /Förhandsvisning av arbetsboken/);
        assert.match(textOf(card), /Ingen version gäller ännu/);
        assert.deepEqual(t.bot.deps.forbundVersions.list(ID), [], 'a preview stores nothing');
        assert.match(await press(card, 'Aktivera'), /version 1 är aktiv från 2025-01-15/);
        assert.equal(t.bot.deps.forbund.get(ID)?.name, forbund(ID, FIXTURE_DIR).name);

        // 6. The plan as a PDF: preview (sections, first headings), then activate.
        const markdown = readFileSync(join(FIXTURE_DIR, `${ID}.plan.md`), 'utf8');
        const pdf = sendFile('Verksamhetsplan 2026-2027.pdf', await planPdf(markdown));
        const planPreview = await post(pdf.activity);
        const planCard = cardOf(planPreview.messages.at(-1)!);
        assert.match(textOf(planCard), /Förhandsvisning av planen/);
        assert.match(
            planPreview.text,
            /Verksamhetsplan och budget 2026–2027, ur Verksamhetsplan 2026-2027\.pdf: 6 avsnitt/,
        );
        assert.match(textOf(planCard), /1\. Om förbundet.*2\. Organisation/);
        assert.match(textOf(planCard), /"Läst med OCR","value":"nej"/);
        assert.equal(t.bot.deps.plans.active(ID), undefined, 'a preview puts nothing in force');
        assert.match(await press(planCard, 'Aktivera'), /Planen version 1 \(Verksamhetsplan 2026-2027\.pdf\) är aktiv/);
        const again = button(planCard, 'Spara som förslag');
        const stale = await t.post(
            executeAction(
                chef,
                again.verb,
                { ...again.data, key: again.data.key.replace(/\|[^|]+$/, '|freshnonce123') },
                conversation,
            ),
        );
        assert.match(JSON.stringify(stale.body), /inaktuellt/, 'a decided preview is stale');
        assert.equal(t.bot.deps.plans.list(ID).length, 1);

        // 7. Its corpus through the endpoint: each reply is the answer the eval scores for the same data and plan,
        // and the scores equal the eval's on the fixture files (the plan read from the PDF answers as the .plan.md).
        const corpus = readCorpus(join(__dirname, '..', 'qa')).filter((c) => c.forbund === ID);
        assert.ok(corpus.length >= 100, `${corpus.length} cases`);
        const live = t.bot.deps.forbund.get(ID)!;
        const livePlan = t.bot.deps.forbund.planText(ID)!;
        const fromFiles = evaluate(corpus, new Map([[ID, forbund(ID, FIXTURE_DIR)]]), () => ({
            plan: loadPlanText(FIXTURE_DIR, ID),
        }));
        const pending: string[] = [];
        let hits = 0;
        for (const [i, c] of corpus.entries()) {
            // 16 minutes apart: no question is read as a follow-up of the one before (the eval asks each alone).
            clock = new Date(new Date(`${c.now}T06:00:00Z`).getTime() + i * 16 * 60_000);
            const [r] = evaluate([c], new Map([[ID, live]]), () => ({ plan: livePlan }));
            const reply = await post(personalMessage(chef, c.q));
            assert.equal(reply.text, r.a.text, `"${c.q}": the endpoint answers as respond() does`);
            assert.notEqual(r.verdict, 'misread', `"${c.q}" misread: ${r.miss}`);
            const file = fromFiles[i];
            assert.equal(r.miss === undefined, file.miss === undefined, `"${c.q}": ${r.miss} / files: ${file.miss}`);
            if (r.miss) {
                assert.ok(c.pending, `"${c.q}" misses (${r.miss}) and is not marked pending`);
                pending.push(c.q);
            } else hits++;
        }
        assert.equal(hits + pending.length, corpus.length);
        assert.equal(pending.length, corpus.filter((c: Case) => c.pending).length, 'every pending case still pending');
        assert.ok(hits >= 97, `${hits} hits`);

        // 8. The source lines name the version: the data's and the plan's.
        clock = new Date('2026-05-10T09:00:00Z');
        const ek = await post(personalMessage(chef, 'Hur mycket eget kapital har vi vid utgången av 2026?'));
        assert.match(ek.text, /Källa: .* – version 1 \(norrskogen 2026\.xlsx\), aktiv från 15 januari 2025/);
        const quote = await post(personalMessage(chef, 'Hur ofta sammanträder styrelsen?'));
        assert.match(
            quote.text,
            /Källa: .*Styrelsen – planen version 1 \(Verksamhetsplan 2026-2027\.pdf\), aktiv från 15 januari 2025/,
        );
        const en = await post(personalMessage(chef, 'What does the preparatory group do?'));
        assert.match(en.text, /Source: .*Ledningsgruppen – the plan version 1 \(.*\), in force from 15 January 2025/);

        // 9. Nothing failed on the way, and the download links never reached the log.
        assert.deepEqual(
            t.logs.filter((l) => l.level === 'error' || l.level === 50),
            [],
        );
        assert.doesNotMatch(JSON.stringify(t.logs), /tempauth|secret-\d/);
        await t.bot.reminders.tick(new Date('2026-05-11T07:00:00Z'));
    });
});
