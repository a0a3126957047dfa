import assert from 'node:assert/strict';
import nock from 'nock';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { executeAction, groupMessage, personalMessage, personalWithMentions } from '../fixtures/activities';

// Sample roster people from data/forbund/fryksdalen.json, as Teams users.
const chef = { id: '29:helena', name: 'Helena Vik', aadObjectId: 'aad-helena' };
const ledamot = { id: '29:anders', name: 'Anders Berg', aadObjectId: 'aad-anders' };
const stranger = { id: '29:stranger', name: 'Okänd Person', aadObjectId: 'aad-stranger' };
const newcomer = { id: '29:new', name: 'Nora Ny', aadObjectId: 'aad-new' };
const members = {
    [chef.id]: { ...chef, email: 'helena.vik@example.invalid' },
    [ledamot.id]: { ...ledamot, email: 'anders.berg@example.invalid' },
    [newcomer.id]: { ...newcomer, email: 'nora.ny@example.invalid' },
};
const count = (t: TestBot, table: string) =>
    (t.bot.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('Roster, roles and onboarding', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector(members);
        t = await startBot();
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When the bot starts the first time, then the roster is seeded once and survives a restart unchanged', async () => {
        const people = t.bot.deps.roster.list('fryksdalen');
        assert.equal(people.filter((p) => p.roles.some((r) => r.role === 'ledamot')).length, 6);
        assert.equal(people.filter((p) => p.roles.some((r) => r.role === 'ersättare')).length, 6);
        assert.ok(people.every((p) => p.sample));
        await t.post(personalWithMentions(chef, 'lägg till Nora Ny som projektägare för Navet', [newcomer]));
        const before = count(t, 'people');
        await t.close(true);
        t = await startBot({ dataDir: t.dataDir });
        assert.equal(count(t, 'people'), before, 'no re-seed on restart');
        assert.ok(t.bot.deps.roster.list('fryksdalen').some((p) => p.name === 'Nora Ny'));
        assert.equal(t.setupCode('fryksdalen'), undefined, 'the setup code is shown only on first start');
    });

    it('When the chef adds an @mentioned person as projektägare, then the person and role are stored with audit rows', async () => {
        await t.post(personalWithMentions(chef, 'lägg till Nora Ny som projektägare för Navet', [newcomer]));
        assert.match(connector.texts().at(-1)!, /Nora Ny är nu projektägare för Projekt Navet/);
        const nora = t.bot.deps.roster.list('fryksdalen').find((p) => p.name === 'Nora Ny')!;
        assert.equal(nora.teamsUserId, newcomer.id);
        assert.equal(nora.email, 'nora.ny@example.invalid');
        assert.deepEqual(nora.roles, [{ role: 'projektägare', partId: undefined, insatsId: 'navet' }]);
        const audit = t.bot.deps.roster.auditRows('fryksdalen').map((r) => r.action);
        assert.deepEqual(audit.slice(-2), ['person.add', 'role.add']);
        assert.match(t.bot.deps.roster.auditRows('fryksdalen').at(-1)!.actor, /helena-vik/);
    });

    it('When the chef removes a role, then it is gone; removing it again changes nothing', async () => {
        await t.post(personalMessage(chef, 'ta bort Anders Berg som ledamot för Kils kommun'));
        assert.match(connector.texts().at(-1)!, /Anders Berg är inte längre ledamot för Kils kommun/);
        const audits = count(t, 'audit_log');
        await t.post(personalMessage(chef, 'ta bort Anders Berg som ledamot för Kil'));
        assert.match(connector.texts().at(-1)!, /har inte rollen/);
        assert.equal(count(t, 'audit_log'), audits);
    });

    const refusals: [string, typeof chef, string][] = [
        ['a ledamot', ledamot, 'lägg till Nora Ny som ordförande'],
        ['someone not on the roster', stranger, 'lägg till Nora Ny som ordförande'],
        ['a ledamot (English)', ledamot, 'add Nora Ny as chair'],
    ];
    for (const [who, user, text] of refusals) {
        it(`When ${who} tries to change roles, then the bot refuses and the database does not change`, async () => {
            const before = [count(t, 'people'), count(t, 'person_roles'), count(t, 'audit_log')];
            await t.post(personalWithMentions(user, text, [newcomer]));
            assert.match(connector.texts().at(-1)!, /förbundschef/);
            assert.match(connector.texts().at(-1)!, /Inget har ändrats|Nothing was changed/);
            assert.deepEqual([count(t, 'people'), count(t, 'person_roles'), count(t, 'audit_log')], before);
        });
    }

    it('When a role phrase names an unknown part, then the bot says which parts exist and changes nothing', async () => {
        const before = count(t, 'person_roles');
        await t.post(personalMessage(chef, 'lägg till Anders Berg som ledamot för Mora kommun'));
        assert.match(connector.texts().at(-1)!, /Torsby kommun/);
        assert.equal(count(t, 'person_roles'), before);
    });

    it('When anyone asks "visa roller", then the roster is listed with sample people marked', async () => {
        await t.post(personalMessage(stranger, 'visa roller'));
        const [reply] = connector.messages();
        assert.match(reply.body.text, /Helena Vik \(exempelperson\): förbundschef/);
        assert.equal(reply.body.attachments[0].content.body[1].type, 'FactSet');
    });

    it('When the setup code is written in a 1:1 chat, then the writer becomes förbundschef, once', async () => {
        const code = t.setupCode('fryksdalen');
        assert.ok(code, 'a setup code was logged on first start');
        await t.post(personalMessage(stranger, `jag är förbundschef ${code}`));
        assert.match(connector.texts().at(-1)!, /Du är nu förbundschef för Fryksdalens samordningsförbund/);
        const p = t.bot.deps.roster.byTeamsUserId(stranger.id)[0];
        assert.deepEqual(
            p.roles.map((r) => r.role),
            ['förbundschef'],
        );

        await t.post(personalMessage(newcomer, `jag är förbundschef ${code}`));
        assert.match(connector.texts().at(-1)!, /redan använd/);
        assert.equal(t.bot.deps.roster.byTeamsUserId(newcomer.id).length, 0);

        // The new chef may now change roles.
        await t.post(personalWithMentions(stranger, 'lägg till Nora Ny som beredningsgrupp', [newcomer]));
        assert.match(connector.texts().at(-1)!, /Nora Ny är nu beredningsgrupp/);
    });

    it('When the setup code is written in a group chat, then it is not redeemed', async () => {
        const code = t.setupCode('fryksdalen')!;
        await t.post(groupMessage(stranger, `jag är förbundschef ${code}`));
        assert.match(connector.texts().at(-1)!, /1:1-chatt/);
        assert.equal(t.bot.deps.roster.byTeamsUserId(stranger.id).length, 0);
    });

    it('When a roster person writes for the first time, then they are matched by e-mail and their Teams ids are stored', async () => {
        await t.post(personalMessage(ledamot, 'vem är jag?'));
        assert.match(connector.texts().at(-1)!, /Anders Berg: ledamot för Kils kommun/);
        const anders = t.bot.deps.roster.bySlug('fryksdalen', 'anders-berg');
        assert.equal(anders.teamsUserId, ledamot.id);
        assert.equal(anders.entraId, ledamot.aadObjectId);
    });
});

describe('Several förbund in one deployment', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    before(isolateNetwork);
    beforeEach(async () => {
        connector = nockConnector(members);
        t = await startBot({ forbund: ['fryksdalen', 'nedansiljan'] });
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    const chat = { id: '19:group-chat-1@thread.v2', conversationType: 'groupChat' };

    it('When an unlinked group chat asks anything, then it only gets the link prompt', async () => {
        await t.post(groupMessage(ledamot, 'vad är vår prognos för eget kapital?'));
        await t.post(groupMessage(ledamot, 'hjälp'));
        await t.post(groupMessage(ledamot, 'visa roller'));
        const replies = connector.messages();
        assert.equal(replies.length, 3);
        for (const r of replies) {
            assert.match(r.body.text, /inte kopplat till något samordningsförbund/);
            const actions = r.body.attachments[0].content.actions;
            assert.deepEqual(
                actions.map((a: { title: string }) => a.title),
                ['Koppla till Fryksdalens samordningsförbund', 'Koppla till Nedansiljans samordningsförbund'],
            );
            assert.doesNotMatch(r.body.text, /Anders Berg|kr\b/);
        }
    });

    it('When a ledamot presses the link button, then it is refused; when the chef presses it twice, it is applied once', async () => {
        await t.post(groupMessage(ledamot, 'hjälp'));
        const button = connector.messages()[0].body.attachments[0].content.actions[0];
        const refused = await t.post(executeAction(ledamot, button.verb, button.data, chat));
        assert.match(JSON.stringify(refused.body), /förbundschef/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), undefined);

        const first = await t.post(executeAction(chef, button.verb, button.data, chat));
        assert.equal(first.status, 200);
        assert.match(JSON.stringify(first.body.value), /hör nu till Fryksdalens samordningsförbund/);
        const audits = count(t, 'audit_log');
        const second = await t.post(executeAction(chef, button.verb, button.data, chat));
        assert.deepEqual(second.body.value, first.body.value, 'a repeat gets the same card');
        assert.equal(count(t, 'audit_log'), audits, 'applied once');
        assert.equal(t.bot.deps.links.forbundOf(chat.id), 'fryksdalen');

        // The same (now stale) card pressed by the chef from another device with a new nonce is refused.
        const stale = { ...button.data, key: button.data.key.replace(/\|[^|]+$/, '|AAAAAAAAAAAA') };
        const res = await t.post(executeAction(chef, button.verb, stale, chat));
        assert.match(JSON.stringify(res.body.value), /inaktuellt/);

        connector.clear();
        await t.post(groupMessage(ledamot, 'hjälp'));
        assert.match(connector.texts()[0], /Fryksdalens samordningsförbund/);
        assert.doesNotMatch(connector.texts()[0], /inte kopplat/);
    });

    it('When the chef writes "koppla till Nedansiljan" in a chat, then a ledamot of Fryksdalen could not, and the chef of Nedansiljan can', async () => {
        await t.post(groupMessage(chef, 'koppla till Nedansiljan'));
        assert.match(connector.texts().at(-1)!, /annat förbund|förbundschef/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), undefined);
        const nedChef = t.bot.deps.roster
            .list('nedansiljan')
            .find((p) => p.roles.some((r) => r.role === 'förbundschef'))!;
        t.bot.deps.roster.bindIdentity(nedChef.id, { teamsUserId: '29:ned-chef' });
        await t.post(groupMessage({ id: '29:ned-chef', name: nedChef.name }, 'koppla till Nedansiljan'));
        assert.match(connector.texts().at(-1)!, /hör nu till Nedansiljans samordningsförbund/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), 'nedansiljan');
    });

    it("When another förbund's chef presses a link button in a chat that belongs to Fryksdalen, then it stays Fryksdalen's", async () => {
        await t.post(groupMessage(chef, 'koppla till Fryksdalen'));
        assert.equal(t.bot.deps.links.forbundOf(chat.id), 'fryksdalen');
        const nedChef = t.bot.deps.roster
            .list('nedansiljan')
            .find((p) => p.roles.some((r) => r.role === 'förbundschef'))!;
        t.bot.deps.roster.bindIdentity(nedChef.id, { teamsUserId: '29:ned-chef' });
        const forged = { forbundId: 'nedansiljan', key: `link:${chat.id}|1|AAAAAAAAAAAA` };
        const res = await t.post(
            executeAction({ id: '29:ned-chef', name: nedChef.name }, 'conversation.link', forged, chat),
        );
        assert.match(JSON.stringify(res.body.value), /Inget har ändrats/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), 'fryksdalen');
    });

    it('When a card action comes from a user of another förbund, then it is refused and nothing changes', async () => {
        await t.post(groupMessage(ledamot, 'hjälp'));
        const nedansiljanButton = connector.messages()[0].body.attachments[0].content.actions[1];
        const res = await t.post(executeAction(chef, nedansiljanButton.verb, nedansiljanButton.data, chat));
        assert.match(JSON.stringify(res.body.value), /Inget har ändrats/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), undefined);
    });

    it('When a card submit is malformed, then it is refused with a clear message', async () => {
        const res = await t.post(
            executeAction(chef, 'conversation.link', { forbundId: 'fryksdalen', key: 'nonsense' }, chat),
        );
        assert.match(JSON.stringify(res.body.value), /kunde inte läsas/);
        assert.equal(t.bot.deps.links.forbundOf(chat.id), undefined);
    });
});
