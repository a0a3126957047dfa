// A year with a fake clock: next year's budget imported as förslag, the budget decision justerat, in force on 1 January,
// a new roster taking over that day while the old protokoll keeps its members, then bokslut and "utfall" answers.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { join } from 'node:path';
import { forbundCommand } from '../../src/cli/forbund';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../fixtures/people';
import { button, buttons, cardOf, textOf, type Card } from '../helpers/cards';

const { chef, A, B, C, D, Dx, E, F, Fx } = FRYKSDALEN_STYRELSE; // Dx, Fx: ersättare who do not answer
const everyone = [chef, A, B, C, D, Dx, E, F, Fx];
const CHANNEL = '19:styrelse-channel@thread.tacv2';
const channel = { id: CHANNEL, conversationType: 'channel' };
const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
const NEW_TITLE = 'Verksamhetsplan och budget 2026 (förslag i november 2025)';

describe('The year’s cycle and the mandate period, walked with a fake clock', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let clock = new Date('2025-11-03T09:00:00Z');
    const now = () => clock;
    const cli = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await forbundCommand(
            args,
            { out: (s) => out.push(s), err: (s) => err.push(s) },
            { DATA_DIR: t.dataDir },
            now,
        );
        assert.equal(code, 0, err.join(''));
        return out.join('');
    };
    /** The bot's current export with `edit` applied, saved for an import. */
    const workbook = async (name: string, edit: (wb: ExcelJS.Workbook) => void) => {
        const file = join(t.dataDir, name);
        await cli('export', 'fryksdalen', file);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        edit(wb);
        await wb.xlsx.writeFile(file);
        return file;
    };
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.texts().join('\n');
    };
    const press = async (user: User, card: Card, title: string, conv: object, extra: object = {}, item?: number) => {
        const b = button(card, title, item);
        const res = await t.post(executeAction(user, b.verb, { ...b.data, ...extra }, conv as never));
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const toUser = (p: User) =>
        connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`)));
    const posted = () => cardOf(connector.sent.filter((s) => s.method === 'PUT').at(-1)!);
    const personId = (p: User) => t.bot.deps.roster.bySlug('fryksdalen', p.id.slice(3)).id;

    before(async () => {
        isolateNetwork();
        connector = nockConnector(Object.fromEntries(everyone.map((p) => [p.id, p])));
        t = await startBot({ overrides: { now, sleep: async (ms) => void (clock = new Date(clock.getTime() + ms)) } });
        for (const p of [chef, B, C, E]) await t.post(personalMessage(p, 'vem är jag?'));
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When next year’s budget is imported in November, then it is a förslag and answers still come from the plan in force', async () => {
        const file = await workbook('forslag-2026.xlsx', (wb) => {
            wb.getWorksheet('Förbund')!.getCell('B7').value = NEW_TITLE;
        });
        assert.match(await cli('import', file), /version 2 sparad som förslag/);
        assert.doesNotMatch(await say(A, 'hur mycket eget kapital har vi 2026?'), /förslag i november/);
    });

    it('When the styrelse’s decision to fastställa budget 2026 is justerat, then that förslag is in force from 1 January', async () => {
        await t.post(channelMessage(chef, 'koppla kanalen till styrelsen'));
        connector.clear();
        await t.post(personalMessage(chef, 'nytt styrelsemöte 25 november 13:00 i Kommunhuset'));
        let card = cardOf(connector.messages().at(-1)!);
        card = await press(chef, card, 'Redigera', oneOnOne(chef));
        const form = await press(chef, card, 'Lägg till punkt', oneOnOne(chef));
        await press(chef, form, 'Spara', oneOnOne(chef), {
            title: 'Budget 2026',
            kind: 'beslut',
            proposal: 'Att fastställa budget 2026 för förbundet',
        });
        assert.match(await say(chef, 'skicka kallelse'), /postad i kanalen/);
        const kallelse = cardOf(
            connector.sent.find((s) => s.method === 'POST' && s.path.includes('styrelse-channel'))!,
        );
        for (const p of [A, B, C, D, E, F]) await press(p, kallelse, 'Jag kommer', channel);
        const editor = await press(chef, kallelse, 'Redigera', channel);
        const jform = await press(chef, editor, 'Justerare', channel);
        await press(chef, jform, 'Spara', channel, { justerare: `${personId(B)},${personId(C)}` });

        clock = new Date('2025-11-25T12:30:00Z');
        let agenda = posted();
        const items = t.bot.db.prepare("SELECT id FROM agenda_items WHERE kind = 'beslut'").pluck().all() as number[];
        for (const item of items) {
            const b = buttons(agenda).find((x) => x.title === 'Bifall enligt förslaget' && x.data?.itemId === item);
            if (!b) continue;
            await t.post(executeAction(chef, b.verb, b.data, channel));
            agenda = posted();
        }
        const closed = await press(chef, agenda, 'Avsluta mötet', channel);
        assert.match(textOf(closed), /Mötet är avslutat/);
        clock = new Date('2025-11-27T09:00:00Z');
        // The ordförande (E) justerar together with the two justerare.
        for (const p of [E, B, C]) await press(p, cardOf(toUser(p).at(-1)!), 'Justera', oneOnOne(p));
        assert.match(
            toUser(chef).at(-1)!.body.text,
            /Version 2 av förbundets uppgifter \(forslag-2026\.xlsx\) gäller från 2026-01-01/,
        );
        const v = t.bot.deps.forbundVersions.list('fryksdalen');
        assert.deepEqual(
            v.map((x) => [x.version, x.status, x.activeFrom]),
            [
                [1, 'aktiv', '0001-01-01'],
                [2, 'aktiv', '2026-01-01'],
            ],
        );
        assert.doesNotMatch(await say(A, 'hur mycket eget kapital har vi 2026?'), /förslag i november/);
        assert.match(await say(A, 'är budgeten 2026 fastställd?'), /2026: \*\*fastställd\*\*/);
    });

    it('When a new roster is imported in December for a term from 1 January, then it takes over that day and the old protokoll keeps its members', async () => {
        const ledamoter = t.bot.deps.roster.list('fryksdalen').filter((p) => p.roles.some((r) => r.role === 'ledamot'));
        const anders = ledamoter.find((p) => p.name === 'Anders Berg')!;
        const part = anders.roles.find((r) => r.role === 'ledamot')!.partId!;
        clock = new Date('2025-12-10T09:00:00Z');
        // The chef removes the outgoing member's row and adds the new one, from the first day of the term.
        const file = await workbook('roster-2026.xlsx', (wb) => {
            const ws = wb.getWorksheet('Roster')!;
            ws.eachRow((row) => {
                if (row.getCell(1).value === anders.slug && row.getCell(5).value === 'ledamot')
                    ws.spliceRows(row.number, 1);
            });
            ws.getRow(ws.actualRowCount + 1).values = [
                'nils-ny',
                'Nils Ny',
                'nils.ny@example.invalid',
                'nej',
                'ledamot',
                part,
                undefined,
                '2026-01-01',
                '2029-12-31',
            ];
        });
        assert.match(await cli('import', file, '--activate'), /Roster: 1 roller inlagda, 1 tidigare roller avslutade/);
        const ledamotOf = (on?: Date) =>
            t.bot.deps.roster
                .list('fryksdalen', on)
                .filter((p) => p.roles.some((r) => r.role === 'ledamot' && r.partId === part))
                .map((p) => p.name);
        assert.deepEqual(ledamotOf(), ['Anders Berg'], 'the old term until 31 December');
        clock = new Date('2025-12-31T23:00:00Z'); // 1 January 2026, 00:00 in Stockholm
        assert.deepEqual(ledamotOf(), ['Nils Ny']);
        assert.deepEqual(ledamotOf(new Date('2025-11-25T12:00:00Z')), ['Anders Berg'], 'the meeting day’s roster');
        assert.match(await say(A, 'protokollsutdrag § 7/2025'), /Status: Justerat[\s\S]*§ 7\/2025 Budget 2026/);
        const html = t.bot.deps.protokoll.latest(1);
        assert.match(JSON.stringify(html?.data.present), /Anders Berg/);
    });

    it('When 1 January comes, then the budget förslag is the plan in force; earlier years stay answerable', async () => {
        assert.match(await say(A, 'hur mycket eget kapital har vi 2026?'), /förslag i november/);
        assert.match(await say(A, 'totala kostnader 2024'), /2024/);
    });

    it('When the chef enters the bokslut for 2025, then the EK forecast rolls forward from it and answers say "utfall 2025"', async () => {
        clock = new Date('2026-02-20T09:00:00Z');
        const file = await workbook('bokslut-2025.xlsx', (wb) => {
            wb.getWorksheet('Bokslut')!.getRow(2).values = [2025, -120000, 900000, 'kr', 'Årsredovisning 2025'];
        });
        const imported = await cli('import', file, '--activate');
        assert.match(imported, /version 4 sparad som aktiv, gäller från 2026-02-20/);
        assert.doesNotMatch(imported, /Roster:/, 'the exported roster imports back unchanged');
        assert.deepEqual(
            t.bot.deps.roster
                .list('fryksdalen')
                .filter((p) => p.roles.some((r) => r.role === 'ledamot'))
                .map((p) => p.name)
                .sort(),
            ['Eva Björk', 'Ingrid Fors', 'Karin Ekberg', 'Leif Sand', 'Lena Strand', 'Nils Ny'],
        );
        const closing = await say(A, 'eget kapital vid slutet av 2025');
        assert.match(closing, /900 000 kr/);
        assert.match(closing, /utfall 2025/);
        const opening = await say(A, 'ingående eget kapital 2026');
        assert.match(opening, /900 000 kr[\s\S]*utfall 2025/);
    });
});
