import assert from 'node:assert/strict';
import { join } from 'node:path';
import nock from 'nock';
import { openDb } from '../../src/storage/db';
import { createRoster } from '../../src/storage/roster';
import { personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

describe('identity cache and a roster change by another process', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    const nora = { id: '29:nora', name: 'Nora Ny', aadObjectId: 'aad-nora' };
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector({ [nora.id]: { ...nora, email: 'nora.ny@example.invalid' } });
        t = await startBot();
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When another process adds a person the bot just missed, then their next message finds them at once', async () => {
        await t.post(personalMessage(nora, 'vem är jag?'));
        assert.match(connector.texts().at(-1)!, /Jag hittar dig inte/);
        const other = openDb(join(t.dataDir, 'finsam.sqlite'));
        try {
            createRoster(other, () => new Date()).addRole(
                'fryksdalen',
                'import',
                { name: 'Nora Ny', email: 'nora.ny@example.invalid' },
                { role: 'beredningsgrupp' },
            );
        } finally {
            other.close();
        }
        await t.post(personalMessage(nora, 'vem är jag?'));
        assert.match(connector.texts().at(-1)!, /^Nora Ny: beredningsgrupp/);
    });
});
