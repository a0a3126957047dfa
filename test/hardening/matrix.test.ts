// Every write tried by every role that must not do it (and by Nedansiljan's chef) in a two-förbund deployment: refused
// in the caller's language with the database unchanged; then the allowed role does it. Plus concurrent submits.
import assert from 'node:assert/strict';
import nock from 'nock';
import { channelMessage, executeAction, groupMessage, personalMessage, type User } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { dumpDb } from '../helpers/db-dump';
import {
    ACTORS,
    MEMBERS,
    OTHERS,
    assertRefusal,
    button,
    cardOf,
    formSubmit,
    textOf,
    wrongActors,
    WHO,
    type Actor,
    type Card,
    type RoleKey,
} from './matrix-setup';

const CHANNEL = '19:styrelse-channel@thread.tacv2';
const channel = { id: CHANNEL, conversationType: 'channel' };
const CHAT = '19:matrix-chat@thread.v2';
const NED_CHAT = '19:nedansiljan-chat@thread.v2';
/** Only what Teams sends about the caller (the actor's role and language are the test's own notes). */
const teamsUser = ({ id, name, aadObjectId }: User): User => ({ id, name, aadObjectId });
const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
const BASE = Date.parse('2025-11-20T10:00:00Z');
const MEETING = Date.parse('2025-12-12T12:00:00Z');
const { förbundschef: chef, ordförande: ordf, ledamot, projektägare: tomas, otherChef } = ACTORS;
const { lena, ingrid, leif, maria } = OTHERS;

const CHEF_OR_ORDF = ['förbundschef', 'ordförande'] as const;

describe('Access matrix: every write as every role that must not do it (Fryksdalen and Nedansiljan in one deployment)', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };
    const db = () => t.bot.deps.db;
    const one = <T>(sql: string, ...args: unknown[]) =>
        db()
            .prepare(sql)
            .pluck()
            .get(...args) as T;
    const personId = (p: User) => t.bot.deps.roster.bySlug('fryksdalen', p.id.slice(3))!.id;

    /** A chat message; resolves with everything (text and cards) the bot sent meanwhile, as JSON. */
    const write = async (actor: User, text: string, where: 'channel' | 'personal' | { chat: string } = 'channel') => {
        connector.clear();
        const who = teamsUser(actor);
        const activity =
            where === 'channel'
                ? channelMessage(who, text)
                : where === 'personal'
                  ? personalMessage(who, text)
                  : groupMessage(who, text, where.chat);
        assert.equal((await t.post(activity)).status, 200);
        return connector
            .messages()
            .map((m) => textOf(m.body))
            .join('\n');
    };
    /** The card the bot sent last in a 1:1 chat message reply. */
    const cardReply = async (who: User, text: string) => {
        await write(who, text, 'personal');
        return cardOf(connector.messages().at(-1)!);
    };
    /** An Action.Execute as `who` sends it (an English client sends its language); resolves with the returned card. */
    const press = async (who: User, b: { verb: string; data: object }, conv: object = channel, extra: object = {}) => {
        const en = (who as Actor).lang === 'en';
        const activity = executeAction(
            teamsUser(who),
            b.verb,
            { ...b.data, ...extra, ...(en ? { lang: 'en' } : {}) },
            conv as never,
        );
        const res = await t.post(en ? { ...activity, locale: 'en-US' } : activity);
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const toUser = (p: User) =>
        connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`)));
    const postedPut = () => cardOf(connector.sent.filter((s) => s.method === 'PUT').at(-1)!);
    /**
     * Runs `n` submits so that all of them have passed the card's version check and looked the caller up before any
     * of them writes: the identity lookup (the await inside every write's access check) waits until all have arrived.
     */
    const allInFlight = async <T>(n: number, run: () => Promise<T>): Promise<T> => {
        const identity = t.bot.deps.identity;
        const real = identity.resolve;
        let arrived = 0;
        let open!: () => void;
        let timedOut = false;
        const gate = new Promise<void>((r) => (open = r));
        // A safety net so a serialised server fails the assertion below instead of hanging.
        const timer = setTimeout(() => ((timedOut = true), open()), 3000);
        identity.resolve = async function (this: typeof identity, ...args: Parameters<typeof real>) {
            const person = await real.apply(this, args);
            if (++arrived === n) open();
            await gate;
            return person;
        };
        try {
            const result = await run();
            assert.ok(!timedOut, `all ${n} submits were in flight together (${arrived} arrived)`);
            return result;
        } finally {
            clearTimeout(timer);
            identity.resolve = real;
        }
    };

    type Row = {
        /** The write, as read in test names ("create a meeting by chat"). */
        write: string;
        /** Roles that may do it; every other matrix actor (and `alsoWrong`) is tried. */
        allowed: readonly RoleKey[];
        alsoWrong?: Actor[];
        /** How the refusal names who may do it. */
        who: (typeof WHO)[keyof typeof WHO];
        /** Tries the write as `a` with the same payload as the allowed role's; resolves with the reply text. */
        attempt: (a: Actor) => Promise<string>;
        /** The allowed role doing it, which must change the database (so the refusals above were not vacuous). */
        allowedDoes?: { who: string; run: () => Promise<string>; says: RegExp };
        /** Builds the state and cards the write needs, as the allowed role, before the row's tests. */
        setup?: () => Promise<void>;
    };
    /** Registers a describe with one test per wrong actor and one for the allowed role. */
    const matrix = (row: Row) =>
        describe(row.write, () => {
            if (row.setup) before(row.setup);
            rows(row);
        });
    const rows = (row: Row) => {
        for (const a of [...wrongActors(row.allowed), ...(row.alsoWrong ?? [])]) {
            it(`When ${a.role} tries to ${row.write}, then it is refused and the database does not change`, async () => {
                const before = dumpDb(db());
                const reply = await row.attempt(a);
                assertRefusal(reply, a, row.who);
                assert.deepEqual(dumpDb(db()), before);
            });
        }
        if (row.allowedDoes) {
            const does = row.allowedDoes;
            it(`When ${does.who} does it (${row.write}), then it is stored`, async () => {
                const before = dumpDb(db());
                assert.match(await does.run(), does.says);
                assert.notDeepEqual(dumpDb(db()), before);
            });
        }
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector(MEMBERS);
        t = await startBot({ forbund: ['fryksdalen', 'nedansiljan'], overrides });
        // The team is Fryksdalen's; Nedansiljan's chef links a chat of her own (which binds her Teams ids there).
        assert.match(await write(chef, 'koppla till Fryksdalen'), /hör nu till Fryksdalens samordningsförbund/);
        assert.match(
            await write(otherChef, 'koppla till Nedansiljan', { chat: NED_CHAT }),
            /hör nu till Nedansiljans samordningsförbund/,
        );
        // Every Fryksdalen person writes once in the channel and 1:1, so identity binding is not mistaken for a write.
        for (const p of [...Object.values(ACTORS), ...Object.values(OTHERS)]) {
            if (p === otherChef || p === ACTORS.stranger) continue;
            assert.match(await write(p, 'vem är jag?'), new RegExp(p.name));
            await write(p, 'vem är jag?', 'personal');
        }
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });

    describe('conversation link', () => {
        let prompt: { verb: string; data: Record<string, any> };
        const PROMPT_CHAT = { id: '19:matrix-prompt@thread.v2', conversationType: 'groupChat' };
        before(async () => {
            await t.post(groupMessage(ledamot, 'hjälp', PROMPT_CHAT.id));
            prompt = button(cardOf(connector.messages().at(-1)!), 'Koppla till Fryksdalens samordningsförbund');
        });
        matrix({
            write: 'link an unlinked chat to Fryksdalen by chat',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) =>
                write(a, a.lang === 'en' ? 'link this chat to Fryksdalen' : 'koppla till Fryksdalen', { chat: CHAT }),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'koppla till Fryksdalen', { chat: CHAT }),
                says: /Det här samtalet hör nu till Fryksdalens samordningsförbund/,
            },
        });
        matrix({
            write: 'press "Koppla till Fryksdalen" on the link prompt',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: async (a) => textOf(await press(a, prompt, PROMPT_CHAT)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf(await press(chef, prompt, PROMPT_CHAT)),
                says: /hör nu till Fryksdalens samordningsförbund/,
            },
        });
        matrix({
            write: 'link the channel to the styrelse',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) =>
                write(a, a.lang === 'en' ? 'link this channel to the board' : 'koppla kanalen till styrelsen'),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'koppla kanalen till styrelsen'),
                says: /Den här kanalen är nu kanal för Styrelsen/,
            },
        });
    });

    describe('roster change', () => {
        matrix({
            write: 'add a role',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) => write(a, a.lang === 'en' ? 'add Mats Ek as chair' : 'lägg till Mats Ek som ordförande'),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'lägg till Mats Ek som beredningsgrupp'),
                says: /Mats Ek är nu beredningsgrupp/,
            },
        });
        matrix({
            write: 'remove a role',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) =>
                write(a, a.lang === 'en' ? 'remove Mats Ek as beredningsgrupp' : 'ta bort Mats Ek som beredningsgrupp'),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'ta bort Mats Ek som beredningsgrupp'),
                says: /Mats Ek är inte längre beredningsgrupp/,
            },
        });
    });

    describe('deadline change', () => {
        matrix({
            write: 'add a one-off deadline',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) =>
                write(
                    a,
                    a.lang === 'en'
                        ? 'remind me about the audit meeting 3 March'
                        : 'påminn mig om revisionsmötet 3 mars',
                ),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'påminn mig om revisionsmötet 3 mars'),
                says: /Sparat: \*\*revisionsmötet\*\*/,
            },
        });
        matrix({
            write: 'mark a deadline done',
            allowed: ['förbundschef'],
            who: WHO.chef,
            attempt: (a) => write(a, a.lang === 'en' ? 'the budget is adopted' : 'klar: årsredovisning'),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'klar: årsredovisning'),
                says: /Noterat: \*\*Årsredovisning 2025 upprättad\*\*/,
            },
        });
    });

    // The meeting story: created, edited, posted, answered, decided, closed, justerat; every step first tried wrongly.
    let editor: Card;
    let kallelse: Card;
    let agenda: Card;
    const meetingId = () => one<number>("SELECT id FROM meetings WHERE body_id = 'styrelse'");
    const itemId = (title: string) =>
        one<number>('SELECT id FROM agenda_items WHERE title = ? AND meeting_id = ?', title, meetingId());
    const version = () => one<number>('SELECT version FROM meetings WHERE id = ?', meetingId());
    const openEditor = async () => {
        editor = await cardReply(chef, 'redigera dagordningen');
    };
    const BUDGET = 'Verksamhetsplan och budget 2026';

    describe('agenda create', () => {
        matrix({
            write: 'create a meeting by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) =>
                write(
                    a,
                    a.lang === 'en'
                        ? 'new board meeting 12 December 2025 at 13:00'
                        : 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne',
                ),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => write(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne'),
                says: /Mötet är skapat/,
            },
        });
        let form: Card;
        const values = { bodyId: 'beredningsgrupp', date: '2026-01-20', time: '09:30', place: 'Torsby' };
        matrix({
            write: 'create a meeting on the form card',
            setup: async () => {
                form = await cardReply(chef, 'ny dagordning');
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(form, 'Skapa mötet'), channel, values)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf(await press(chef, button(form, 'Skapa mötet'), oneOnOne(chef), values)),
                says: /Mötet är skapat/,
            },
        });
    });

    describe('agenda edit', () => {
        let form: Card;
        const item = { title: BUDGET, kind: 'beslut', proposal: 'Att godkänna verksamhetsplan och budget 2026' };
        matrix({
            write: 'add an agenda item',
            setup: async () => {
                await openEditor();
                form = await press(chef, button(editor, 'Lägg till punkt'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(form, 'Spara'), channel, item)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await press(chef, button(form, 'Spara'), oneOnOne(chef), item))),
                says: /Punkt \d+ är sparad/,
            },
        });
        const revised = { ...item, details: 'Underlag bifogas.' };
        matrix({
            write: 'change an agenda item',
            setup: async () => {
                form = await press(chef, button(editor, 'Ändra'), oneOnOne(chef), { itemId: itemId(BUDGET) });
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(form, 'Spara'), channel, revised)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await press(chef, button(form, 'Spara'), oneOnOne(chef), revised))),
                says: /Punkt \d+ är sparad/,
            },
        });

        describe('concurrent edits of one agenda item', () => {
            it('When the förbundschef and the ordförande save the same agenda item at the same moment, then one wins, the other is told, and no update is lost', async () => {
                const id = itemId(BUDGET);
                const forms = await Promise.all(
                    [chef, ordf].map((p) => press(p, button(editor, 'Ändra'), oneOnOne(p), { itemId: id })),
                );
                const titles = [
                    'Verksamhetsplan och budget 2026 (chefens)',
                    'Verksamhetsplan och budget 2026 (ordförandens)',
                ];
                const v = version();
                const replies = await allInFlight(2, () =>
                    Promise.all(
                        [chef, ordf].map((p, k) =>
                            press(p, button(forms[k], 'Spara'), channel, { ...item, title: titles[k] }),
                        ),
                    ),
                );
                const won = replies.map((r) => /Punkt \d+ är sparad/.test(textOf(r)));
                assert.equal(won.filter(Boolean).length, 1, `exactly one wins: ${replies.map(textOf).join('\n')}`);
                const loser = replies[won.indexOf(false)];
                assert.match(textOf(loser), /Kortet är inaktuellt.*Inget har ändrats; öppna det senaste kortet/);
                const winner = titles[won.indexOf(true)];
                assert.equal(one('SELECT title FROM agenda_items WHERE id = ?', id), winner, 'the winner is stored');
                assert.equal(version(), v + 1, 'one update applied');
                // Back to the plain title (the decision below names it), from a fresh editor card.
                await openEditor();
                const again = await press(chef, button(editor, 'Ändra'), oneOnOne(chef), { itemId: id });
                editor = await press(chef, button(again, 'Spara'), oneOnOne(chef), item);
                assert.equal(one('SELECT title FROM agenda_items WHERE id = ?', id), BUDGET);
            });
        });

        const firstMovable = () =>
            one<number>(
                "SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'information' ORDER BY position LIMIT 1 OFFSET 1",
                meetingId(),
            );
        matrix({
            write: 'move an agenda item',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await press(a, button(editor, 'Flytta ned'), channel, { itemId: firstMovable() })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(
                        (editor = await press(chef, button(editor, 'Flytta ned'), oneOnOne(chef), {
                            itemId: firstMovable(),
                        })),
                    ),
                says: /Flyttad till punkt \d+/,
            },
        });
        const LOKAL = 'Lokalfrågor';
        matrix({
            write: 'remove an agenda item',
            setup: async () => {
                const add = await press(chef, button(editor, 'Lägg till punkt'), oneOnOne(chef));
                editor = await press(chef, button(add, 'Spara'), oneOnOne(chef), { title: LOKAL, kind: 'information' });
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(editor, 'Ta bort'), channel, { itemId: itemId(LOKAL) })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(
                        (editor = await press(chef, button(editor, 'Ta bort'), oneOnOne(chef), {
                            itemId: itemId(LOKAL),
                        })),
                    ),
                says: /Lokalfrågor.{1,3} är borttagen/,
            },
        });
        const details = { date: '2025-12-12', time: '13:00', place: 'Stadshuset, Torsby' };
        matrix({
            write: 'change the time and place',
            setup: async () => {
                form = await press(chef, button(editor, 'Tid och plats'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(form, 'Spara'), channel, details)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await press(chef, button(form, 'Spara'), oneOnOne(chef), details))),
                says: /Tid och plats sparade/,
            },
        });
    });

    describe('agenda post', () => {
        matrix({
            write: 'send the kallelse from the editor card',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(editor, 'Skicka kallelse'), channel)),
        });
        matrix({
            write: 'send the kallelse by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) => write(a, a.lang === 'en' ? 'send the notice' : 'skicka kallelse'),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    const reply = await write(chef, 'skicka kallelse', 'personal');
                    kallelse = cardOf(
                        connector.sent.find(
                            (s) => s.method === 'POST' && s.path.includes(encodeURIComponent(CHANNEL)),
                        )!,
                    );
                    return reply;
                },
                says: /postad i kanalen/,
            },
        });
    });

    matrix({
        write: 'answer "Jag kommer" to the styrelse meeting',
        allowed: ['ordförande', 'vice', 'ledamot', 'ersättare'],
        who: WHO.member,
        attempt: async (a) => textOf(await press(a, button(kallelse, 'Jag kommer'), channel)),
        allowedDoes: {
            who: 'a ledamot',
            run: async () => textOf(await press(ledamot, button(kallelse, 'Jag kommer'), channel)),
            says: /Ditt svar är sparat: Jag kommer/,
        },
    });

    let beredning: Card;
    matrix({
        write: 'answer "Jag kommer" to the beredningsgrupp meeting',
        setup: async () => {
            beredning = await cardReply(ACTORS.beredningsgrupp, 'visa dagordningen för beredningsgruppen');
        },
        allowed: ['beredningsgrupp'],
        who: WHO.beredning,
        attempt: async (a) => textOf(await press(a, button(beredning, 'Jag kommer'), channel)),
        allowedDoes: {
            who: 'a beredningsgrupp member',
            run: async () => textOf(await press(ACTORS.beredningsgrupp, button(beredning, 'Jag kommer'), channel)),
            says: /Ditt svar är sparat: Jag kommer/,
        },
    });

    let form: Card;
    matrix({
        write: 'choose the justerare',
        setup: async () => {
            for (const p of [lena, ingrid, ordf, leif]) await press(p, button(kallelse, 'Jag kommer'), channel);
            await openEditor();
            form = await press(chef, button(editor, 'Justerare'), oneOnOne(chef));
        },
        allowed: CHEF_OR_ORDF,
        who: WHO.writer,
        attempt: async (a) =>
            textOf(
                await press(a, button(form, 'Spara'), channel, { justerare: `${personId(lena)},${personId(ingrid)}` }),
            ),
        allowedDoes: {
            who: 'the förbundschef',
            run: async () => {
                connector.clear();
                const card = await press(chef, button(form, 'Spara'), oneOnOne(chef), {
                    justerare: `${personId(lena)},${personId(ingrid)}`,
                });
                agenda = postedPut();
                offset = MEETING + 30 * 60_000 - BASE; // the meeting has begun: decisions and closing are possible
                return textOf(card);
            },
            says: /Justerare: Lena Strand och Ingrid Fors/,
        },
    });

    describe('decision', () => {
        const bifall = (title: string) => button(agenda, 'Bifall enligt förslaget', itemId(title));
        matrix({
            write: 'record a decision with one click',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, bifall('Val av justerare'), channel)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    connector.clear();
                    const card = await press(chef, bifall('Val av justerare'), channel);
                    agenda = postedPut();
                    return textOf(card);
                },
                says: /Beslutet på punkt \d+ är registrerat/,
            },
        });

        describe('concurrent recordings of one decision', () => {
            it('When the ordförande and the förbundschef record the same item at the same moment, then one decision is stored and the other is told', async () => {
                // decisions.test.ts covers the same race one press after the other; here both are in flight together.
                const item = itemId('Godkännande av dagordning');
                const b = bifall('Godkännande av dagordning');
                connector.clear();
                const replies = await allInFlight(2, () => Promise.all([ordf, chef].map((p) => press(p, b, channel))));
                const won = replies.map((r) => /Beslutet på punkt \d+ är registrerat/.test(textOf(r)));
                assert.equal(won.filter(Boolean).length, 1, `exactly one wins: ${replies.map(textOf).join('\n')}`);
                const winner = [ordf, chef][won.indexOf(true)];
                assert.match(
                    textOf(replies[won.indexOf(false)]),
                    new RegExp(`${winner.name} registrerade just ett beslut på punkt \\d+; ditt beslut sparades inte`),
                );
                assert.equal(one('SELECT count(*) FROM decisions WHERE item_id = ?', item), 1);
                assert.equal(one('SELECT recorded_by FROM decisions WHERE item_id = ?', item), personId(winner));
                agenda = postedPut();
            });
        });

        let decisionForm: Card;
        matrix({
            write: 'record a decision on the decision form',
            setup: async () => {
                decisionForm = await press(chef, button(agenda, 'Annat beslut, jäv…', itemId(BUDGET)), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await press(a, button(decisionForm, 'Registrera beslutet'), channel, { outcome: 'bifall' })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    connector.clear();
                    const b = button(decisionForm, 'Registrera beslutet');
                    const card = await press(chef, b, oneOnOne(chef), { outcome: 'bifall' });
                    agenda = postedPut();
                    return textOf(card);
                },
                says: /Beslutet på punkt \d+ är registrerat/,
            },
        });
    });

    let lenaCard: Card;
    let ingridCard: Card;
    let chefNotice: Card;
    describe('close meeting', () => {
        matrix({
            write: 'close the meeting by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) => write(a, a.lang === 'en' ? 'close the meeting' : 'avsluta mötet'),
        });
        matrix({
            write: 'press "Avsluta mötet"',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(agenda, 'Avsluta mötet'), channel)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    connector.clear();
                    const card = await press(chef, button(agenda, 'Avsluta mötet'), channel);
                    lenaCard = cardOf(toUser(lena).at(-1)!);
                    ingridCard = cardOf(toUser(ingrid).at(-1)!);
                    return textOf(card);
                },
                says: /Mötet är avslutat: § 1–\d+\/2025/,
            },
        });
    });

    describe('justering', () => {
        matrix({
            write: 'justera the protokoll',
            allowed: [],
            who: WHO.justerare,
            attempt: async (a) => textOf(await press(a, button(lenaCard, 'Justera'), channel)),
            allowedDoes: {
                who: 'a chosen justerare',
                run: async () => textOf(await press(lena, button(lenaCard, 'Justera'), oneOnOne(lena))),
                says: /Du har justerat protokollet/,
            },
        });
        const comment = { comment: '§ 2 ska nämna att justeringen sker digitalt.' };
        matrix({
            write: 'ask for a change to the protokoll',
            allowed: [],
            who: WHO.justerare,
            attempt: async (a) => textOf(await press(a, button(ingridCard, 'Begär ändring'), channel, comment)),
            allowedDoes: {
                who: 'a chosen justerare',
                run: async () => {
                    connector.clear();
                    const card = await press(ingrid, button(ingridCard, 'Begär ändring'), oneOnOne(ingrid), comment);
                    chefNotice = cardOf(toUser(chef).at(-1)!);
                    return textOf(card);
                },
                says: /Din begäran är skickad till förbundschefen/,
            },
        });
        let editForm: Card;
        const edited = () => ({
            [`t${itemId('Val av justerare')}`]:
                'Styrelsen utser Lena Strand och Ingrid Fors att justera protokollet digitalt.',
        });
        matrix({
            write: 'edit the protokoll after a change request',
            setup: async () => {
                editForm = await press(chef, button(chefNotice, 'Ändra protokollet'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.editor,
            attempt: async (a) => textOf(await press(a, button(editForm, 'Spara ny version'), channel, edited())),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(await press(chef, button(editForm, 'Spara ny version'), oneOnOne(chef), edited())),
                says: /Version 2 är sparad; justeringen börjar om/,
            },
        });
    });

    describe('per capsulam', () => {
        let pcForm: Card;
        let pcCard: Card;
        const proposal = () => ({
            title: 'Samverkansavtal 2026',
            proposal: 'Att godkänna samverkansavtal 2026',
            date: '2025-12-19',
            time: '12:00',
            unavailable: String(personId(leif)),
        });
        matrix({
            write: 'send a per capsulam proposal',
            setup: async () => {
                pcForm = await cardReply(chef, 'nytt per capsulam-beslut');
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await press(a, button(pcForm, 'Skicka till styrelsen'), channel, proposal())),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    connector.clear();
                    const b = button(pcForm, 'Skicka till styrelsen');
                    const card = await press(chef, b, oneOnOne(chef), proposal());
                    pcCard = cardOf(
                        connector.sent.find(
                            (s) => s.method === 'POST' && s.path.includes(encodeURIComponent(CHANNEL)),
                        )!,
                    );
                    return textOf(card);
                },
                says: /Förslaget är skickat till kanalen/,
            },
        });
        matrix({
            write: 'vote on the per capsulam proposal',
            // One voter per part: the ledamot, or the ersättare when the ledamot is marked unavailable (Leif → Maria).
            allowed: ['ordförande', 'vice', 'ledamot'],
            alsoWrong: [leif],
            who: WHO.voter,
            attempt: async (a) => textOf(await press(a, button(pcCard, 'Ja'), channel)),
            allowedDoes: {
                who: 'the ersättare voting for her unavailable ledamot',
                run: async () => textOf(await press(maria, button(pcCard, 'Ja'), channel)),
                says: /Ditt svar är sparat: Ja/,
            },
        });
    });

    describe('report', () => {
        const OCT = {
            'nya.kvinnor': 2,
            'nya.man': 1,
            'avslutade.kvinnor': 1,
            'avslutade.man': 1,
            'pagaende.kvinnor': 6,
            'pagaende.man': 4,
            'utfall.arbete': 1,
            'utfall.af': 1,
            'rem.torsby': 2,
            'rem.kil': 1,
            dagar: 200,
        };
        let data: Record<string, string>;
        matrix({
            write: 'submit the monthly report of Navet',
            setup: async () => {
                data = formSubmit(await cardReply(tomas, 'rapportera Navet oktober 2025'), OCT);
            },
            allowed: ['projektägare'],
            who: WHO.owner,
            attempt: async (a) => textOf(await press(a, { verb: 'report.submit', data }, channel)),
            allowedDoes: {
                who: 'the projektägare',
                run: async () => textOf(await press(tomas, { verb: 'report.submit', data }, oneOnOne(tomas))),
                says: /Rapporten är sparad/,
            },
        });

        describe('concurrent submits of one monthly report', () => {
            it('When the projektägare sends the same month from two open forms at the same moment, then one version is stored and the other form is told it is out of date', async () => {
                // Two open forms (two devices): the same version, each with its own nonce.
                const forms = [
                    await cardReply(tomas, 'rapportera Navet oktober 2025'),
                    await cardReply(tomas, 'rapportera Navet oktober 2025'),
                ];
                assert.notEqual(forms[0].actions![0].data.key, forms[1].actions![0].data.key);
                const before = one<number>('SELECT count(*) FROM report_versions');
                const replies = await allInFlight(2, () =>
                    Promise.all(
                        forms.map((f, k) =>
                            press(
                                tomas,
                                { verb: 'report.submit', data: formSubmit(f, { ...OCT, dagar: 210 + k }) },
                                channel,
                            ),
                        ),
                    ),
                );
                const won = replies.map((r) => /Rapporten är sparad/.test(textOf(r)));
                assert.equal(won.filter(Boolean).length, 1, `exactly one wins: ${replies.map(textOf).join('\n')}`);
                assert.match(textOf(replies[won.indexOf(false)]), /Kortet är inaktuellt/);
                assert.equal(one<number>('SELECT count(*) FROM report_versions'), before + 1);
            });
        });
    });

    describe('conversation link across förbund', () => {
        // Found by this matrix (reported to the lead): linkForbund in src/bot/admin/linking.ts authorizes the caller only
        // in the förbund being linked TO, so another förbund's chef can take over a conversation already linked here.
        it('When Nedansiljan\'s förbundschef writes "koppla till Nedansiljan" in a chat linked to Fryksdalen, then it is refused and the database does not change', async () => {
            const before = dumpDb(db());
            const reply = await write(otherChef, 'koppla till Nedansiljan', { chat: CHAT });
            assert.equal(
                t.bot.deps.links.forbundOf(CHAT),
                'fryksdalen',
                `still Fryksdalen's chat (bot said: ${reply})`,
            );
            assertRefusal(reply, otherChef, WHO.chef);
            assert.deepEqual(dumpDb(db()), before);
        });
    });
});
