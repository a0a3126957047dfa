// The access matrix's shared set-up: roster roles as Teams users, a two-förbund bot driven over HTTP, card buttons and
// form submits, the matrix row runner, and the checks that a refusal says why and shows nothing of the record.
import assert from 'node:assert/strict';
import nock from 'nock';
import { channelMessage, executeAction, groupMessage, personalMessage, type User } from '../fixtures/activities';
import { teamsUser } from '../fixtures/people';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';
import { button as cardButton, cardOf, textOf, type Card } from '../helpers/cards';
import { dumpDb } from '../helpers/db-dump';

export { cardOf, textOf, type Card };

export type Lang = 'sv' | 'en';
export type Actor = User & { email: string; role: string; lang: Lang };

/** A roster person (or a tenant user) as Teams sends them; ids and e-mail follow the sample data. */
const person = (slug: string, name: string, role: string, lang: Lang = 'sv'): Actor => ({
    ...teamsUser(slug, name),
    role,
    lang,
});

/** One actor per roster role of Fryksdalen (data/forbund/fryksdalen.json), plus outsiders; keys name the role. */
export const ACTORS = {
    ordförande: person('eva-bjork', 'Eva Björk', 'the ordförande (also ledamot)'),
    vice: person('karin-ekberg', 'Karin Ekberg', 'the vice ordförande (also ledamot)'),
    ledamot: person('anders-berg', 'Anders Berg', 'a ledamot'),
    ersättare: person('sofia-dahl', 'Sofia Dahl', 'an ersättare'),
    förbundschef: person('helena-vik', 'Helena Vik', 'the förbundschef'),
    projektägare: person('tomas-as', 'Tomas Ås', 'the projektägare of Navet (also styrgrupp)'),
    beredningsgrupp: person('bjorn-hed', 'Björn Hed', 'a beredningsgrupp member'),
    styrgrupp: person('erik-mo', 'Erik Mo', 'a styrgrupp member of Navet'),
    // Writes in English (message text in English, card invokes from an English client): refusals come in English.
    stranger: person('okand-person', 'Okänd Person', 'a Teams user not on the roster (in English)', 'en'),
    otherChef: person('malin-sjoberg', 'Malin Sjöberg', 'the förbundschef of Nedansiljan'),
} as const;
export type RoleKey = keyof typeof ACTORS;

/** Fryksdalen people who act in the story but are not matrix actors (attendance, justerare, voters). */
export const OTHERS = {
    lena: person('lena-strand', 'Lena Strand', 'a ledamot (justerare)'),
    ingrid: person('ingrid-fors', 'Ingrid Fors', 'a ledamot (justerare)'),
    leif: person('leif-sand', 'Leif Sand', 'a ledamot marked unavailable for the per capsulam'),
    maria: person('maria-holm', 'Maria Holm', 'an ersättare voting for her part'),
};

/** Nedansiljan's styrelse ledamöter (data/forbund/nedansiljan.json), for the other förbund's own records. */
export const NEDANSILJAN = {
    birgitta: person('birgitta-norell', 'Birgitta Norell', 'the ordförande of Nedansiljan'),
    marie: person('marie-sten', 'Marie Sten', 'a ledamot of Nedansiljan'),
    ulla: person('ulla-back', 'Ulla Bäck', 'a ledamot of Nedansiljan (justerare)'),
    sara: person('sara-nord', 'Sara Nord', 'a ledamot of Nedansiljan (justerare)'),
    camilla: person('camilla-ros', 'Camilla Ros', 'a ledamot of Nedansiljan'),
};

/** The connector's member lookups: every actor resolves to their e-mail (the stranger to one not on any roster). */
export const MEMBERS = Object.fromEntries(
    [...Object.values(ACTORS), ...Object.values(OTHERS), ...Object.values(NEDANSILJAN)].map((p) => [p.id, p]),
);

/** The matrix actors that must not do a write: every role minus the allowed ones. */
export const wrongActors = (allowed: readonly RoleKey[]): Actor[] =>
    (Object.keys(ACTORS) as RoleKey[]).filter((k) => !allowed.includes(k)).map((k) => ACTORS[k]);

export const CHEF_OR_ORDF = ['förbundschef', 'ordförande'] as const;

/** Fryksdalen's team (linked to Fryksdalen) and its styrelse channel; the channel is linked to the styrelse by a row. */
export const CHANNEL = '19:styrelse-channel@thread.tacv2';
export const channel = { id: CHANNEL, conversationType: 'channel' };
/** A group chat linked to Fryksdalen by the admin matrix; Nedansiljan's chef's own chat, linked to Nedansiljan. */
export const CHAT = '19:matrix-chat@thread.v2';
export const NED_CHAT = '19:nedansiljan-chat@thread.v2';
export const nedChat = { id: NED_CHAT, conversationType: 'groupChat' };
/** Nedansiljan's team and styrelse channel (linked by the stories that need them). */
export const NED_TEAM = '19:nedansiljan-team@thread.tacv2';
export const NED_CHANNEL = '19:nedansiljan-styrelse@thread.tacv2';
export const nedChannel = { id: NED_CHANNEL, conversationType: 'channel', teamId: NED_TEAM };
/** A group chat nobody linked. */
export const unlinked = { id: '19:unlinked-chat@thread.v2', conversationType: 'groupChat' };
export const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });

export const BASE = Date.parse('2025-11-20T10:00:00Z');
/** The styrelse meeting of the stories: fredag 12 december 2025 kl. 13:00. */
export const MEETING = Date.parse('2025-12-12T12:00:00Z');

/** Only what Teams sends about the caller (the actor's role and language are the test's own notes). */
const teamsOnly = ({ id, name, aadObjectId }: User): User => ({ id, name, aadObjectId });

export type Where = 'channel' | 'personal' | { chat: string } | { channel: string; team: string };
export type Conversation = { id: string; conversationType: string; teamId?: string };

/**
 * Starts Fryksdalen and Nedansiljan in one bot for the enclosing describe: Fryksdalen's chef links the team,
 * Nedansiljan's chef links her chat, and every Fryksdalen person writes once in the channel and 1:1 (so identity
 * binding is not mistaken for a write later). Returns the helpers the matrix files drive the bot with.
 */
export function useMatrixBot() {
    let t!: TestBot;
    let connector!: ReturnType<typeof nockConnector>;
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };

    const h = {
        get t() {
            return t;
        },
        get connector() {
            return connector;
        },
        db: () => t.bot.db,
        /** Sets the bot's clock. */
        at: (ms: number) => void (offset = ms - BASE),
        one: <T>(sql: string, ...args: unknown[]) =>
            t.bot.db
                .prepare(sql)
                .pluck()
                .get(...args) as T,
        personId: (p: User, forbundId = 'fryksdalen') => t.bot.deps.roster.bySlug(forbundId, p.id.slice(3)).id,

        /** A chat message; resolves with everything (texts and cards, not the envelope) the bot sent meanwhile, as JSON. */
        async write(actor: User, text: string, where: Where = 'channel') {
            connector.clear();
            const who = teamsOnly(actor);
            const activity =
                where === 'channel'
                    ? channelMessage(who, text)
                    : where === 'personal'
                      ? personalMessage(who, text)
                      : 'chat' in where
                        ? groupMessage(who, text, where.chat)
                        : channelMessage(who, text, { channelId: where.channel, teamId: where.team });
            assert.equal((await t.post(activity)).status, 200);
            return connector
                .messages()
                .map((m) => textOf({ text: m.body.text, attachments: m.body.attachments }))
                .join('\n');
        },
        /** The card the bot sent last in a 1:1 chat message reply. */
        async cardReply(who: User, text: string) {
            await h.write(who, text, 'personal');
            return cardOf(connector.messages().at(-1)!);
        },
        /** An Action.Execute as `who` sends it (an English client sends its language); resolves with the returned card. */
        async press(who: User, b: { verb: string; data: object }, conv: Conversation = channel, extra: object = {}) {
            const en = (who as Actor).lang === 'en';
            const activity = executeAction(
                teamsOnly(who),
                b.verb,
                { ...b.data, ...extra, ...(en ? { lang: 'en' } : {}) },
                conv,
            );
            const res = await t.post(en ? { ...activity, locale: 'en-US' } : activity);
            assert.equal(res.status, 200);
            return res.body.value as Card;
        },
        /** What was sent to a person's 1:1 chat. */
        toUser: (p: User) =>
            connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`))),
        /** The card last posted (POST) in a channel. */
        postedIn: (channelId: string) =>
            cardOf(
                connector.sent.findLast((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(channelId)))!,
            ),
        /** The card last updated in place (PUT). */
        postedPut: () => cardOf(connector.sent.filter((s) => s.method === 'PUT').at(-1)!),

        /**
         * Runs `n` submits so that all of them have passed the card's version check and looked the caller up before any
         * of them writes: the identity lookup (the await inside every write's access check) waits until all have arrived.
         */
        async allInFlight<T>(n: number, run: () => Promise<T>): Promise<T> {
            const identity = t.bot.deps.identity;
            const real = identity.resolve.bind(identity);
            let arrived = 0;
            let open!: () => void;
            let timedOut = false;
            const gate = new Promise<void>((r) => (open = r));
            // A safety net so a serialised server fails the assertion below instead of hanging.
            const timer = setTimeout(() => ((timedOut = true), open()), 3000);
            identity.resolve = async function (this: typeof identity, ...args: Parameters<typeof real>) {
                const found = await real.apply(this, args);
                if (++arrived === n) open();
                await gate;
                return found;
            };
            try {
                const result = await run();
                assert.ok(!timedOut, `all ${n} submits were in flight together (${arrived} arrived)`);
                return result;
            } finally {
                clearTimeout(timer);
                identity.resolve = real;
            }
        },

        /** Every text of a förbund's records a refusal must not show: meetings, items, decisions, proposals, people. */
        secrets(forbundId: string): string[] {
            const all = (sql: string) =>
                t.bot.db
                    .prepare(sql)
                    .pluck()
                    .all(forbundId)
                    .filter((s): s is string => typeof s === 'string' && s.length > 0);
            const items = 'agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE m.forbund_id = ?';
            return [
                ...all(`SELECT i.title FROM ${items}`),
                ...all(`SELECT i.proposal FROM ${items}`),
                ...all('SELECT place FROM meetings WHERE forbund_id = ?'),
                ...all('SELECT d.text FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.forbund_id = ?'),
                ...all('SELECT title FROM per_capsulam WHERE forbund_id = ?'),
                ...all('SELECT proposal FROM per_capsulam WHERE forbund_id = ?'),
                ...all('SELECT name FROM people WHERE forbund_id = ?'),
                ...CARD_WORDS,
            ];
        },
    };

    before(async () => {
        isolateNetwork();
        connector = nockConnector(MEMBERS);
        t = await startBot({ forbund: ['fryksdalen', 'nedansiljan'], overrides });
        const { förbundschef: chef, otherChef } = ACTORS;
        assert.match(await h.write(chef, 'koppla till Fryksdalen'), /hör nu till Fryksdalens samordningsförbund/);
        assert.match(
            await h.write(otherChef, 'koppla till Nedansiljan', { chat: NED_CHAT }),
            /hör nu till Nedansiljans samordningsförbund/,
        );
        for (const p of [...Object.values(ACTORS), ...Object.values(OTHERS)]) {
            if (p === otherChef || p === ACTORS.stranger) continue;
            assert.match(await h.write(p, 'vem är jag?'), new RegExp(p.name));
            await h.write(p, 'vem är jag?', 'personal');
        }
    });
    after(async () => {
        await t.close();
        nock.cleanAll();
        nock.enableNetConnect();
    });
    return h;
}
export type MatrixBot = ReturnType<typeof useMatrixBot>;

/** Words only a rendered record card has (titles, a signed download link); a refusal has none of them. */
const CARD_WORDS = ['kallelse och dagordning', 'notice and agenda', 'Redigera dagordningen', 'Protokoll:', '/files/'];

/** Asserts that `reply` (a card or message as JSON) contains none of `secrets`. */
export function assertShowsNothing(reply: string, secrets: readonly string[], what = 'the reply') {
    const shown = secrets.filter((s) => reply.includes(JSON.stringify(s).slice(1, -1)));
    assert.deepEqual(shown, [], `${what} shows the record: ${reply.slice(0, 400)}`);
}

/** The card button titled `title` (for agenda item `itemId` when given), as the real card carries it. */
export function button(card: Card, title: string, itemId?: number): { verb: string; data: Record<string, any> } {
    const b = cardButton(card, title, itemId);
    return { verb: b.verb, data: b.data };
}

const inputs = (items: Card[]): Card[] =>
    items.flatMap((i) => (i.type?.startsWith('Input.') ? [i] : inputs(i.items ?? i.columns ?? [])));

/** What Teams sends for a form's first action: its data plus every input's value, with `change` applied. */
export function formSubmit(card: Card, change: Record<string, string | number> = {}) {
    const values = Object.fromEntries(
        inputs(card.body).map((i) => [i.id, i.value === null || i.value === undefined ? '' : String(i.value)]),
    );
    const changed = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)]));
    return { ...card.actions![0].data, ...values, ...changed };
}

/** How each refusal names who may do the write, per language (src/bot/refusal.ts and the flows' own words). */
export const WHO = {
    chef: { sv: /rollen förbundschef|Det får bara förbundschef göra/, en: /role förbundschef|Only the förbundschef/ },
    writer: {
        sv: /rollen förbundschef eller ordförande|Det får bara förbundschef eller ordförande göra/,
        en: /role förbundschef or ordförande|Only the förbundschef or ordförande/,
    },
    member: { sv: /ledamot eller ersättare/, en: /ledamot or ersättare/ },
    beredning: {
        sv: /rollen beredningsgrupp|Det får bara beredningsgrupp göra/,
        en: /role beredningsgrupp|Only the beredningsgrupp/,
    },
    justerare: {
        sv: /Bara ordföranden och de valda justerarna justerar protokollet/,
        en: /Only the chair and the chosen minute checkers approve the minutes/,
    },
    editor: {
        sv: /Bara förbundschefen eller ordföranden ändrar protokollet/,
        en: /Only the förbundschef or the chair/,
    },
    voter: { sv: /Du svarar inte i det här ärendet/, en: /You do not answer in this matter/ },
    owner: { sv: /rollen projektägare|Det får bara projektägare göra/, en: /role projektägare|Only the projektägare/ },
} satisfies Record<string, Record<Lang, RegExp>>;

const NOTHING: Record<Lang, RegExp> = { sv: /Inget har ändrats/, en: /Nothing was changed/ };
/** A refused card press, read or write, in the caller's language. */
export const REFUSED: Record<Lang, RegExp> = {
    sv: /Inget har ändrats|Det här kan jag inte visa för dig här/,
    en: /Nothing was changed|I cannot show you this here/,
};

/** Asserts a refusal in the actor's language: it says nothing changed and who may do it (`who`, per language). */
export function assertRefusal(reply: string, actor: Actor, who: Record<Lang, RegExp>) {
    assert.match(reply, NOTHING[actor.lang], `"nothing changed" in ${actor.lang}: ${reply.slice(0, 400)}`);
    assert.match(reply, who[actor.lang], `who may do it, in ${actor.lang}: ${reply.slice(0, 400)}`);
}

export type Row = {
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

/**
 * Registers a describe with one test per wrong actor (refused in their language, nothing of Fryksdalen's records shown,
 * the database unchanged) and one for the allowed role.
 */
export function matrix(h: MatrixBot, row: Row) {
    describe(row.write, () => {
        if (row.setup) before(row.setup);
        for (const a of [...wrongActors(row.allowed), ...(row.alsoWrong ?? [])]) {
            it(`When ${a.role} tries to ${row.write}, then it is refused, shows nothing of the record and the database does not change`, async () => {
                const before = dumpDb(h.db());
                const reply = await row.attempt(a);
                assertRefusal(reply, a, row.who);
                assertShowsNothing(reply, h.secrets('fryksdalen'));
                assert.deepEqual(dumpDb(h.db()), before);
            });
        }
        if (row.allowedDoes) {
            const does = row.allowedDoes;
            it(`When ${does.who} does it (${row.write}), then it is stored`, async () => {
                const before = dumpDb(h.db());
                assert.match(await does.run(), does.says);
                assert.notDeepEqual(dumpDb(h.db()), before);
            });
        }
    });
}
