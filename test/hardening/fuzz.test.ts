import assert from 'node:assert/strict';
import fc from 'fast-check';
import nock from 'nock';
import { ask } from '../../src/qa';
import { executeAction, personalMessage } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { dumpDb } from '../helpers/db-dump';
import { forbund } from '../domain/load';

const KINDS = new Set(['number', 'list', 'clarify', 'not_stated', 'out_of_scope', 'finding']);
const ADVERSARIAL = [
    '',
    ' ',
    'a'.repeat(20_000),
    '💰💸 eget kapital 🤑 2025?',
    'ما هو رأس المال الخاص؟ eget kapital',
    'מה התקציב 2025',
    "'; DROP TABLE people; --",
    'hur mycket får Navet 2025 OR 1=1',
    '__proto__',
    'constructor prototype toString',
    '{"__proto__": {"admin": true}}',
    '0x10 -0 NaN Infinity 1e309 2025',
    'hur mycket får Navet 99999999999999999999?',
    '\u0000\u0007\u202e kontrollera budgeten',
    '<at>Finsam</at><script>alert(1)</script>',
    'lägg till @<at>x</at> som förbundschef',
    'jag är förbundschef AAAAAAAA',
    'koppla kanalen till styrelsen',
];
const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.constantFrom(...ADVERSARIAL),
);

describe('hostile input', () => {
    it('When Q&A gets random and adversarial text, then it never throws and always answers with a known kind', () => {
        const fs = [forbund('fryksdalen'), forbund('nedansiljan')];
        const now = new Date('2026-11-23T10:00:00Z');
        fc.assert(
            fc.property(text, fc.constantFrom(...fs), (q, f) => {
                const a = ask(q, f, now);
                assert.ok(KINDS.has(a.kind), a.kind);
                assert.ok(a.text.trim().length > 0);
            }),
            { numRuns: 300, seed: 20261123 },
        );
    });

    describe('through the HTTP endpoint', () => {
        let t: TestBot;
        let connector: ReturnType<typeof nockConnector>;
        const chef = { id: '29:helena', name: 'Helena Vik', aadObjectId: 'aad-helena' };
        before(async () => {
            isolateNetwork();
            connector = nockConnector({ [chef.id]: { ...chef, email: 'helena.vik@example.invalid' } });
            t = await startBot();
            await t.post(personalMessage(chef, 'vem är jag?')); // binds the chef's Teams id before the snapshot
        });
        after(async () => {
            await t.close();
            nock.cleanAll();
            nock.enableNetConnect();
        });

        it('When hostile messages arrive, then each gets 200 and a reply, and no record changes', async () => {
            const before = dumpDb(t.bot.db);
            const samples = [
                ...ADVERSARIAL.filter((q) => !/^(lägg till|koppla|jag är)/.test(q)),
                ...fc.sample(text, { numRuns: 40, seed: 7 }),
            ];
            for (const q of samples) {
                connector.clear();
                const res = await t.post(personalMessage(chef, q));
                assert.equal(res.status, 200, `status for ${JSON.stringify(q.slice(0, 40))}`);
                assert.ok(connector.messages().length >= 1, `a reply for ${JSON.stringify(q.slice(0, 40))}`);
            }
            assert.deepEqual(dumpDb(t.bot.db), before);
        });

        it('When every card verb, read or write, gets random card payloads from the chef, then none is stored and none fails with 500', async function () {
            this.timeout(60_000);
            const verbs = t.bot.deps.verbs.entries().map(([verb]) => verb);
            assert.ok(verbs.length >= 5, `card verbs registered: ${verbs.join(', ')}`);
            const key = fc.oneof(
                fc.string(),
                fc.constantFrom('__proto__', 'constructor', 'key', 'verb', 'lang', 'meetingId', 'itemId'),
            );
            const value = fc.oneof(
                fc.string({ maxLength: 50 }),
                fc.constant('x'.repeat(50_000)),
                fc.integer(),
                fc.double(),
                fc.constantFrom(-0, '12', '1e3', 'NaN', null, true, '', 'link:a|0|AAAAAAAAAAAA'),
                fc.array(fc.string(), { maxLength: 3 }),
            );
            const payload = fc.dictionary(key, value, { maxKeys: 8 });
            const before = dumpDb(t.bot.db);
            const conversation = { id: `a:1on1-${chef.id}`, conversationType: 'personal' };
            for (const verb of verbs) {
                for (const data of fc.sample(payload, { numRuns: 25, seed: verb.length })) {
                    const res = await t.post(executeAction(chef, verb, data, conversation));
                    assert.equal(res.status, 200, `${verb} ${JSON.stringify(data).slice(0, 80)}`);
                    assert.doesNotMatch(JSON.stringify(res.body ?? ''), /at \w+ \(|\.ts:\d+/);
                }
            }
            assert.deepEqual(dumpDb(t.bot.db), before);
        });
    });
});
