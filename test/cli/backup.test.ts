import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import nock from 'nock';
import { join } from 'node:path';
import { backupDatabase } from '../../src/cli/backup';
import { personalWithMentions } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot } from '../helpers/bot';

describe('online backup', () => {
    before(isolateNetwork);
    after(() => {
        nock.cleanAll();
        nock.enableNetConnect();
    });

    it('When the database is backed up while the bot runs, then the copy opens and holds the latest writes', async () => {
        const chef = { id: '29:helena', name: 'Helena Vik' };
        nockConnector({ [chef.id]: { ...chef, email: 'helena.vik@example.invalid' } });
        const t = await startBot();
        try {
            await t.post(
                personalWithMentions(chef, 'lägg till Nora Ny (nora.ny@example.invalid) som beredningsgrupp', []),
            );
            const target = join(t.dataDir, 'copy.sqlite');
            assert.ok((await backupDatabase(join(t.dataDir, 'finsam.sqlite'), target)) > 0);
            const copy = new Database(target, { readonly: true });
            const names = copy.prepare('SELECT name FROM people').pluck().all();
            copy.close();
            assert.ok(names.includes('Nora Ny'));
        } finally {
            await t.close();
        }
    });

    it('When there is no database, then the backup says so', async () => {
        await assert.rejects(backupDatabase('/nonexistent/finsam.sqlite', '/tmp/x.sqlite'), /no database at/);
    });
});
