// Q&A follow-ups, computed answers and other sources over the real HTTP endpoint: a follow-up pair in a 1:1 chat,
// the same pair from two members interleaved in one channel, the expiry, a rule question without a year, the
// roster, and a report question answered from submitted reports — in full 1:1, masked in a channel.
import assert from 'node:assert/strict';
import nock from 'nock';
import { channelMessage, executeAction, personalMessage, type User } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const member = (id: string, name: string, email?: string): User & { email?: string } => ({
    id: `29:${id}`,
    name,
    aadObjectId: `aad-${id}`,
    ...(email && { email }),
});
const anna = member('anna', 'Anna Ledamot');
const bo = member('bo', 'Bo Ledamot');
const tomas = member('tomas', 'Tomas Ås', 'tomas.as@example.invalid'); // projektägare Navet (seed roster)
const at = (d: string) => new Date(d);

describe('Chat Q&A follow-ups and sources over HTTP', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let clock = at('2026-11-23T10:00:00+01:00');
    before(isolateNetwork);
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    async function start(forbund: string, now: string) {
        clock = at(now);
        connector = nockConnector({ [tomas.id]: tomas });
        t = await startBot({ forbund: [forbund], overrides: { now: () => clock } });
    }
    const ask = async (activity: object) => {
        connector.clear();
        await t.post(activity);
        return String(connector.texts().at(-1));
    };

    it('When a board member follows up "och 2026?" in a 1:1 chat, then the answer continues the post and says what it took over', async () => {
        await start('nedansiljan', '2026-11-23T10:00:00+01:00');
        assert.match(await ask(personalMessage(anna, 'Vad kostar Rehabilitering & arbete 2025?')), /1 969 tkr/);
        const next = await ask(personalMessage(anna, 'och 2026?'));
        assert.match(next, /Fortsätter på din förra fråga: Rehabilitering & arbete/);
        assert.match(next, /2026: \*\*2 009 tkr\*\*/);
        const why = await ask(personalMessage(anna, 'varför?'));
        assert.match(why, /2026: intäkter 3 286 tkr − kostnader 3 441 tkr = \*\*−155 tkr\*\*/);
    });

    it('When two members interleave follow-ups in one channel, then each continues their own question', async () => {
        await start('fryksdalen', '2026-11-23T10:00:00+01:00');
        assert.match(await ask(channelMessage(anna, 'Vad blir eget kapital 2024?')), /632 234 kr/);
        assert.match(await ask(channelMessage(bo, 'totala kostnader 2024')), /3 506 000 kr/);
        const annas = await ask(channelMessage(anna, 'och 2025?'));
        const bos = await ask(channelMessage(bo, 'och 2025?'));
        assert.match(annas, /Fortsätter på din förra fråga: eget kapital/);
        assert.match(annas, /2025: \*\*170 514 kr\*\*/);
        assert.doesNotMatch(annas, /3 506 000/);
        assert.match(bos, /Fortsätter på din förra fråga: kostnader/);
        assert.match(bos, /3 506 000 kr/);
        assert.doesNotMatch(bos, /170 514/);
    });

    it('When a follow-up comes after the reading expired, then the bot asks for the whole question instead of guessing', async () => {
        await start('fryksdalen', '2026-11-23T10:00:00+01:00');
        await ask(personalMessage(anna, 'Vad blir eget kapital 2024?'));
        clock = at('2026-11-23T10:16:00+01:00');
        const late = await ask(personalMessage(anna, 'och 2026?'));
        assert.match(late, /ingen tidigare fråga från dig/);
        assert.doesNotMatch(late, /291 206/);
    });

    it('When a rule question has no year, then every plan year is answered and the rule named (Fryksdalen 2024 över, 2025 inom)', async () => {
        await start('fryksdalen', '2026-11-23T10:00:00+01:00');
        const text = await ask(personalMessage(anna, 'bryter vi mot 20-procentsregeln?'));
        assert.match(text, /Förbundets regel: eget kapital högst 20 % av tilldelade medel/);
        assert.match(text, /2024: \*\*632 234 kr\*\*.*20,8 % av tilldelade medel – över taket 20 %/);
        assert.match(text, /2025: \*\*170 514 kr\*\*.*5,6 % av tilldelade medel – inom förbundets regel/);
        assert.match(text, /2026: .*NEGATIVT eget kapital/);
    });

    it('When someone asks who the ordförande is, then the roster answers and is named as the source', async () => {
        await start('fryksdalen', '2026-11-23T10:00:00+01:00');
        const text = await ask(personalMessage(anna, 'vem är ordförande?'));
        assert.match(text, /\*\*Eva Björk\*\* – ordförande/);
        assert.match(text, /Källa: förbundets register över styrelse och roller/);
    });

    it('When Navet has submitted reports, then a participant question is answered from them: in full to the projektägare 1:1, masked in a channel', async () => {
        await start('fryksdalen', '2026-03-20T10:00:00+01:00');
        for (const [month, values] of [
            [
                'januari',
                {
                    'nya.kvinnor': 4,
                    'nya.man': 4,
                    'avslutade.kvinnor': 1,
                    'pagaende.kvinnor': 13,
                    'pagaende.man': 12,
                    'utfall.arbete': 1,
                    'rem.torsby': 8,
                    dagar: 120,
                },
            ],
            [
                'februari',
                {
                    'nya.kvinnor': 3,
                    'nya.man': 3,
                    'avslutade.man': 1,
                    'pagaende.kvinnor': 16,
                    'pagaende.man': 14,
                    'utfall.studier': 1,
                    'rem.torsby': 6,
                    dagar: 90,
                },
            ],
        ] as const) {
            connector.clear();
            await t.post(personalMessage(tomas, `rapportera Navet ${month}`));
            const form = connector.messages()[0].body.attachments[0].content;
            const res = await t.post(executeAction(tomas, 'report.submit', submitData(form, values), personal(tomas)));
            assert.equal(res.status, 200);
        }
        const full = await ask(personalMessage(tomas, 'hur många har avslutat Navet i år?'));
        assert.match(full, /\*\*2\*\* har avslutat hittills i år/);
        assert.match(full, /Källa: inlämnade månadsrapporter för Projekt Navet, 2026 till och med februari 2026/);
        const participants = await ask(channelMessage(anna, 'hur många deltagare har Navet haft i år?'));
        assert.match(participants, /\*\*32\*\* deltagare hittills/, '18 at the start of the year + 14 new');
        assert.match(participants, /delad konversation: små antal döljs/);
        assert.doesNotMatch(participants, /2 599 000/, 'never the cost of the insats');
        const shared = await ask(channelMessage(anna, 'hur många har avslutat Navet i år?'));
        assert.match(shared, /döljs i delade samtal/);
        assert.doesNotMatch(shared, /\*\*2\*\*/);
    });
});

const personal = (u: User) => ({ id: `a:1on1-${u.id}`, conversationType: 'personal' });
type Card = { body: any[]; actions?: any[] };
const inputs = (items: any[]): any[] =>
    items.flatMap((i) => (i.type?.startsWith('Input.') ? [i] : inputs(i.items ?? i.columns ?? [])));
/** What Teams sends for a form: the button's data plus every input's value, with `change` applied. */
function submitData(card: Card, change: Record<string, string | number>) {
    const values = Object.fromEntries(
        inputs(card.body).map((i) => [i.id, i.value === null || i.value === undefined ? '' : String(i.value)]),
    );
    return {
        ...card.actions![0].data,
        ...values,
        ...Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)])),
    };
}
