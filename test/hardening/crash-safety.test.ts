import assert from 'node:assert/strict';
import nock from 'nock';
import { executeAction, groupMessage, personalMessage, personalWithMentions } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { dumpDb } from '../helpers/db-dump';

const chef = { id: '29:helena', name: 'Helena Vik', aadObjectId: 'aad-helena' };
const newcomer = { id: '29:new', name: 'Nora Ny', aadObjectId: 'aad-new' };
const members = {
    [chef.id]: { ...chef, email: 'helena.vik@example.invalid' },
    [newcomer.id]: { ...newcomer, email: 'nora.ny@example.invalid' },
};

/** A real fault inside the write's transaction: the last insert of every write (audit or action key) raises. */
function failInsertsInto(t: TestBot, table: string) {
    t.bot.db.exec(
        `CREATE TRIGGER fault_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`,
    );
    return () => t.bot.db.exec(`DROP TRIGGER fault_${table}`);
}

describe('a write that fails half-way', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector(members);
        t = await startBot({ forbund: ['fryksdalen', 'nedansiljan'] });
        const helena = t.bot.deps.roster.bySlug('fryksdalen', 'helena-vik');
        t.bot.deps.roster.bindIdentity(helena.id, { teamsUserId: chef.id, entraId: chef.aadObjectId });
        t.bot.deps.links.link('conversation', `a:1on1-${chef.id}`, 'fryksdalen', 'test');
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    const cases: [string, string, () => object][] = [
        [
            'a role change (person, role, then audit row)',
            'audit_log',
            () => personalWithMentions(chef, 'lägg till Nora Ny som projektägare för Navet', [newcomer]),
        ],
        [
            'a new meeting with its agenda (meeting, items, then audit row)',
            'audit_log',
            () => personalMessage(chef, 'nytt styrelsemöte 12 december 13:00'),
        ],
    ];
    for (const [what, table, activity] of cases) {
        it(`When ${what} fails at its last insert, then the database is as before and the user is told`, async () => {
            const before = dumpDb(t.bot.db);
            const heal = failInsertsInto(t, table);
            const res = await t.post(activity());
            assert.equal(res.status, 200);
            assert.match(connector.texts().at(-1)!, /Något gick fel/);
            assert.deepEqual(dumpDb(t.bot.db), before);
            heal();
            await t.post(activity());
            assert.notDeepEqual(dumpDb(t.bot.db), before, 'without the fault the same write goes through');
        });
    }

    it('When a card action fails while recording its action key, then the link it made is rolled back', async () => {
        const chat = { id: '19:group-chat-1@thread.v2', conversationType: 'groupChat' };
        await t.post(groupMessage(chef, 'hjälp'));
        const button = connector.messages()[0].body.attachments[0].content.actions[0];
        const before = dumpDb(t.bot.db);
        const heal = failInsertsInto(t, 'action_keys');
        const res = await t.post(executeAction(chef, button.verb, button.data, chat));
        assert.equal(res.status, 200);
        assert.match(JSON.stringify(res.body.value), /Något gick fel hos mig, och inget har sparats/);
        assert.doesNotMatch(JSON.stringify(res.body), /disk on fire|at \w+ \(/);
        assert.deepEqual(dumpDb(t.bot.db), before);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), undefined);
        heal();
        const again = await t.post(executeAction(chef, button.verb, button.data, chat));
        assert.equal(again.status, 200);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), 'fryksdalen');
    });
});
