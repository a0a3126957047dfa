// A new förbundschef's first hour: the template filled in for an unseen förbund, imported beside the running bot,
// the printed setup code redeemed in Teams, and the first questions answered from the workbook.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { join } from 'node:path';
import { forbundCommand } from '../../src/cli/forbund';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { personalMessage } from '../fixtures/activities';

const chef = { id: '29:ny-chef', name: 'Rut Ny', aadObjectId: 'aad-rut' };

describe('Setting up a förbund nobody here has seen, from the template', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const now = () => new Date('2026-03-02T09:00:00Z');
    const cli = async (...args: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await forbundCommand(
            args,
            { out: (s) => out.push(s), err: (s) => err.push(s) },
            { DATA_DIR: t.dataDir },
            now,
        );
        return { code, out: out.join(''), err: err.join('') };
    };
    before(async () => {
        isolateNetwork();
        connector = nockConnector({ [chef.id]: { ...chef, email: 'rut.ny@alvbygden.example' } });
        t = await startBot({ overrides: { now } });
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the chef fills in the template, imports it and writes the printed code, then the bot answers about the new förbund', async () => {
        const file = join(t.dataDir, 'alvbygden.xlsx');
        assert.equal((await cli('template', file)).code, 0);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const f = wb.getWorksheet('Förbund')!;
        f.getCell('B2').value = 'alvbygden';
        f.getCell('B3').value = 'Älvbygdens samordningsförbund';
        f.getCell('B4').value = 'Älvbygden';
        f.getCell('B5').value = 'Älvbygden';
        f.getCell('B7').value = 'Verksamhetsplan och budget 2026, Älvbygdens samordningsförbund';
        wb.getWorksheet('Tryckta belopp')!.getCell('D5').value = 412000; // ingående eget kapital 2026
        wb.getWorksheet('Bokslut')!.spliceRows(2, 1); // no bokslut yet
        // A first try with a typo: refused, nothing stored.
        wb.getWorksheet('Budget')!.getCell('D2').value = '1,5 milj';
        await wb.xlsx.writeFile(file);
        const refused = await cli('import', file, '--activate');
        assert.equal(refused.code, 1);
        assert.match(refused.err, /Budget!D2: ”1,5 milj” är inte ett belopp/);
        assert.deepEqual(t.bot.deps.forbund.ids(), ['fryksdalen']);

        wb.getWorksheet('Budget')!.getCell('D2').value = 1500000;
        await wb.xlsx.writeFile(file);
        const done = await cli('import', file, '--activate');
        assert.equal(done.code, 0, done.err);
        const code = /jag är förbundschef ([A-Z0-9]{8})/.exec(done.out)?.[1];
        assert.ok(code, done.out);
        assert.deepEqual(t.bot.deps.forbund.ids(), ['fryksdalen', 'alvbygden'], 'the running bot sees the import');

        await t.post(personalMessage(chef, `jag är förbundschef ${code}`));
        assert.match(connector.texts().at(-1)!, /Du är nu förbundschef för Älvbygdens samordningsförbund/);
        connector.clear();
        await t.post(personalMessage(chef, 'vad är ingående eget kapital 2026?'));
        const answer = connector.texts().join('\n');
        assert.match(answer, /412 000 kr/);
        assert.match(answer, /Källa: Verksamhetsplan och budget 2026, Älvbygdens samordningsförbund/);
    });
});
