// Every bad workbook of part 1 sent as a file in the 1:1 chat (nocked SharePoint download): the chef gets sheet, cell
// and reason in their language and nothing changes; and the workbook preview card in English for an en-* client.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { writeWorkbook } from '../../src/workbook/write';
import { executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { BAD_WORKBOOKS, zipped, type BadWorkbook } from '../helpers/bad-workbooks';
import { dumpDb } from '../helpers/db-dump';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { cardOf, textOf } from '../helpers/cards';

const { chef } = FRYKSDALEN_STYRELSE;
const NOW = new Date('2026-05-20T08:00:00Z');
const HOST = 'https://fryksdalen-my.sharepoint.com';
const PATH = '/personal/chef/_layouts/15/download.aspx?UniqueId=3&tempauth=bearer-secret';
const FILE_TYPE = 'application/vnd.microsoft.teams.file.download.info';

const withFile = (who: User, name: string, lang: 'sv' | 'en') => ({
    ...personalMessage(who, ''),
    ...(lang === 'en' && { locale: 'en-US' }),
    attachments: [{ contentType: FILE_TYPE, name, content: { downloadUrl: HOST + PATH, uniqueId: '3' } }],
});

/** The same errors in English, for the cases the table also sends from an English client. */
const ENGLISH: Record<string, (string | RegExp)[]> = {
    'an amount written as a word': ['Budget!D2: ”tre” is not an amount'],
    'a missing sheet': ['Budget: the sheet “Budget” is missing from the workbook'],
    'a value outside a drop-down list': ['Parter!C3: ”landsting” is not one of: stat, region, kommun'],
    'a zip bomb (a small file that inflates to 45 MB)': [
        'the workbook: the workbook unpacks to 46 MB, more than 40 MB (a zip bomb?) and is not opened',
    ],
};

/**
 * Where Teams differs from the command line. A file of zeros is no workbook by its content (the CLI is told it is one
 * by the command), so the oversized case sends a real workbook padded past 5 MB; and a CSV cannot say what it is
 * meant to be, so the bot asks, and the chef's "budget" answer gets the workbook's error.
 */
const TEAMS: Record<string, Partial<BadWorkbook> & { choose?: string }> = {
    'an oversized file': {
        make: () =>
            zipped((zip) => void zip.file('xl/media/big.bin', randomBytes(6 * 1024 * 1024), { compression: 'STORE' })),
        errors: [/^arbetsboken: filen är \d MB, mer än de 5 MB en arbetsbok får vara$/],
    },
    'a file that is no workbook at all': { choose: 'Budgeten' },
};

describe('Bad workbooks sent to the bot in the 1:1 chat', function () {
    // Every file is read in a child process.
    this.timeout(60_000);
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const sendFile = async (buf: Buffer, name: string, lang: 'sv' | 'en') => {
        nock(HOST).get(PATH).reply(200, buf);
        connector.clear();
        await t.post(withFile(chef, name, lang));
        return connector.messages().at(-1)!;
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector({ [chef.id]: chef });
        t = await startBot({ overrides: { now: () => NOW } });
        connector.clear();
        await t.post(personalMessage(chef, 'hej'));
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    for (const base of BAD_WORKBOOKS) {
        const c = { ...base, ...TEAMS[base.what] };
        const langs: ('sv' | 'en')[] = ENGLISH[c.what] ? ['sv', 'en'] : ['sv'];
        for (const lang of langs)
            it(`When the chef (${lang}) sends a workbook with ${c.what}, then the answer names sheet, cell and reason and nothing changes`, async () => {
                const buf = await c.make();
                const before = dumpDb(t.bot.db);
                const msg = await sendFile(buf, c.file ?? 'plan.xlsx', lang);
                let text = String(msg.body.text);
                if (c.choose) {
                    const card = cardOf(msg);
                    const button = card.actions.find((a: { title: string }) => a.title === c.choose);
                    const conversation = { id: `a:1on1-${chef.id}`, conversationType: 'personal' };
                    const res = await t.post(executeAction(chef, 'file.kind', button.data, conversation));
                    text = (res.body.value.body as { text?: string }[]).flatMap((b) => b.text ?? []).join('\n');
                }
                const lines = text.split('\n').map((l) => l.replace(/^- /, ''));
                for (const e of lang === 'en' ? ENGLISH[c.what] : c.errors)
                    assert.ok(
                        lines.some((l) => (typeof e === 'string' ? l === e : e.test(l))),
                        `expected ${String(e)} in:\n${text}`,
                    );
                assert.match(text, lang === 'en' ? /Nothing was changed/ : /Inget har ändrats/);
                const after = dumpDb(t.bot.db);
                if (c.choose) {
                    // Only the question row, decided, and the press's nonce are new.
                    assert.equal(after.file_readings.length, before.file_readings.length + 1);
                    after.file_readings = before.file_readings;
                    after.action_keys = before.action_keys;
                }
                assert.deepEqual(after, before);
            });
    }

    it('When an English client sends a good workbook, then the preview card says its findings and differences in English', async () => {
        const doc = t.bot.deps.forbundVersions.document('fryksdalen', 1) as Record<string, unknown>;
        const card = cardOf(await sendFile(await writeWorkbook(doc), 'budget.xlsx', 'en'));
        const text = textOf(card);
        assert.match(text, /Workbook preview/);
        assert.match(text, /income [\d ]+ kr, costs [\d ]+ kr, result/);
        assert.match(text, /of allotted funds/);
        assert.match(text, /The same amounts as the version in force\./);
        assert.doesNotMatch(text, /intäkter|kostnader|tryckt|beräknat|Samma belopp|av tilldelade|Inga avvikelser/);
    });
});
