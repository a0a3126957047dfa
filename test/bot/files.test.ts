// Files sent to the bot over the real endpoint: the chef's workbook (nocked SharePoint download) → preview → activate.
import assert from 'node:assert/strict';
import nock from 'nock';
import { writeWorkbook } from '../../src/workbook/write';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { cardOf, textOf } from '../helpers/cards';

const { chef, A } = FRYKSDALEN_STYRELSE;
const members = Object.fromEntries([chef, A].map((p) => [p.id, p]));
const NOW = new Date('2026-05-20T08:00:00Z');
const HOST = 'https://fryksdalen-my.sharepoint.com';
const PATH = '/personal/chef/_layouts/15/download.aspx?UniqueId=1&tempauth=bearer-secret';
const FILE_TYPE = 'application/vnd.microsoft.teams.file.download.info';

const withFile = (who: User, name: string, url = HOST + PATH) => ({
    ...personalMessage(who, ''),
    attachments: [{ contentType: FILE_TYPE, name, content: { downloadUrl: url, uniqueId: '1', fileType: 'xlsx' } }],
});

describe('Files sent to the bot in the 1:1 chat', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let workbook: Buffer;
    const send = async (activity: object) => {
        connector.clear();
        await t.post(activity);
        return connector.messages().at(-1)!;
    };
    const versions = () => t.bot.deps.forbundVersions.list('fryksdalen').map((v) => `${v.version}:${v.status}`);

    before(async () => {
        isolateNetwork();
        connector = nockConnector(members);
        t = await startBot({ overrides: { now: () => NOW } });
        const doc = t.bot.deps.forbundVersions.document('fryksdalen', 1) as {
            claims: { kind: string; value: object }[];
        };
        doc.claims.find((c) => c.kind === 'ek-opening')!.value = { kr: 1_200_000 };
        workbook = await writeWorkbook(doc);
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When a ledamot sends a file, then they are refused and nothing is downloaded', async () => {
        const download = nock(HOST).get(PATH).reply(200, workbook);
        const msg = await send(withFile(A, 'budget.xlsx'));
        assert.match(textOf(msg.body), /förbundschef/);
        assert.ok(!download.isDone());
        nock.cleanAll();
        connector = nockConnector(members);
    });

    it('When a file is posted in a channel, then the bot says files there never reach it', async () => {
        const msg = await send({
            ...channelMessage(chef, 'här är budgeten'),
            attachments: [{ contentType: 'reference', name: 'budget.xlsx', contentUrl: HOST + PATH }],
        });
        assert.match(textOf(msg.body), /Filer i kanaler och gruppchattar når aldrig boten/);
    });

    it('When the download redirects to a foreign host, then it is refused and nothing changes', async () => {
        nock(HOST).get(PATH).reply(302, '', { location: 'https://evil.example/x' });
        const evil = nock('https://evil.example').get('/x').reply(200, workbook);
        const msg = await send(withFile(chef, 'budget.xlsx'));
        assert.match(textOf(msg.body), /ligger inte hos Teams\/OneDrive\/SharePoint.*Inget har ändrats/);
        assert.ok(!evil.isDone());
        assert.doesNotMatch(JSON.stringify(t.logs), /bearer-secret/);
        assert.deepEqual(versions(), ['1:aktiv']);
    });

    it('When the file is larger than 25 MB, then it is refused and nothing changes', async () => {
        nock(HOST)
            .get(PATH)
            .reply(200, 'x', { 'content-length': String(26 * 1024 * 1024) });
        const msg = await send(withFile(chef, 'budget.xlsx'));
        assert.match(textOf(msg.body), /större än 25 MB/);
        assert.deepEqual(versions(), ['1:aktiv']);
    });

    it('When the file is no workbook, then the bot says what to send and nothing changes', async () => {
        // A picture: neither a workbook, a plan document, a ledger nor a table that could be one.
        nock(HOST).get(PATH).reply(200, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
        const msg = await send(withFile(chef, 'budget.xlsx'));
        assert.match(textOf(msg.body), /känner inte igen budget\.xlsx/);
        assert.deepEqual(versions(), ['1:aktiv']);
    });

    it('When the chef sends the workbook, then a preview shows and only activate puts it in force', async () => {
        nock(HOST).get(PATH).reply(200, workbook);
        const preview = await send(withFile(chef, 'budget 2026.xlsx'));
        const card = cardOf(preview);
        assert.match(textOf(card), /Förhandsvisning av arbetsboken/);
        assert.match(textOf(card), /Eget kapital/);
        assert.deepEqual(versions(), ['1:aktiv'], 'a preview changes nothing');
        const before = await send(personalMessage(chef, 'vad är ingående eget kapital 2024?'));
        assert.match(textOf(before.body), /1 093 954 kr/);

        const activate = card.actions.find((a: { title: string }) => a.title === 'Aktivera');
        const conversation = { id: `a:1on1-${chef.id}`, conversationType: 'personal' };
        const res = await t.post(executeAction(chef, 'workbook.decide', activate.data, conversation));
        assert.match(JSON.stringify(res.body), /version 2 är aktiv från 2026-05-20/);
        assert.deepEqual(versions(), ['1:ersatt', '2:aktiv']);

        const after = await send(personalMessage(chef, 'vad är ingående eget kapital 2024?'));
        assert.match(textOf(after.body), /1 200 000 kr/);

        const again = await t.post(
            executeAction(
                chef,
                'workbook.decide',
                { ...activate.data, key: activate.data.key.replace(/\|[^|]+$/, '|freshnonce123') },
                conversation,
            ),
        );
        assert.match(JSON.stringify(again.body), /inaktuellt/);
        assert.deepEqual(versions(), ['1:ersatt', '2:aktiv']);
    });
});
