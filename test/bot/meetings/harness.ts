// A Fryksdalen styrelse meeting driven through the real endpoint: creation, items, kallelse, answers, a clock.
import assert from 'node:assert/strict';
import nock from 'nock';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../../helpers/bot';
import { channelMessage, executeAction, personalMessage, type User } from '../../fixtures/activities';
import { FRYKSDALEN_STYRELSE } from '../../fixtures/people';
import { button, cardOf, type Card } from '../../helpers/cards';

export const P = FRYKSDALEN_STYRELSE; // A–F ledamöter (E ordförande), Dx/Ex/Fx ersättare
const everyone = Object.values(P);
export const CHANNEL = '19:styrelse-channel@thread.tacv2';
export const channel = { id: CHANNEL, conversationType: 'channel' };
export const oneOnOne = (p: User) => ({ id: `a:1on1-${p.id}`, conversationType: 'personal' });
export const BASE = Date.parse('2025-11-20T10:00:00Z');
export const MEETING = Date.parse('2025-12-12T12:00:00Z');

export type Harness = Awaited<ReturnType<typeof startMeeting>>;

/** Starts a bot, creates the 12 December meeting with `items`, sends the kallelse and records the answers. */
export async function startMeeting(opts: {
    items: [title: string, kind: string, proposal?: string, more?: Record<string, string>][];
    come: User[];
    absent: User[];
    env?: Record<string, string>;
    onlineUrl?: string;
}) {
    isolateNetwork();
    const connector = nockConnector(Object.fromEntries(everyone.map((p) => [p.id, p])));
    let offset = 0;
    const overrides = { now: () => new Date(BASE + offset), sleep: async (ms: number) => void (offset += ms) };
    const t: TestBot = await startBot({ overrides, env: opts.env });
    const count = (sql: string, ...args: unknown[]) =>
        t.bot.db
            .prepare(sql)
            .pluck()
            .get(...args) as number;
    const personId = (p: User) => t.bot.deps.roster.bySlug('fryksdalen', p.id.slice(3)).id;
    const itemId = (title: string, meetingId = 1) =>
        count(
            'SELECT id FROM agenda_items WHERE title = ? AND meeting_id = ? AND removed_at IS NULL',
            title,
            meetingId,
        );
    const press = async (user: User, card: Card, title: string, conv: object, extra: object = {}, item?: number) => {
        const b = button(card, title, item);
        const res = await t.post(executeAction(user, b.verb, { ...b.data, ...extra }, conv as never));
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    /** A press from a Teams client set to English (en-US). */
    const pressEn = async (user: User, card: Card, title: string, conv: object, extra: object = {}, item?: number) => {
        const b = button(card, title, item);
        const activity = executeAction(user, b.verb, { ...b.data, ...extra }, conv as never);
        const res = await t.post({ ...activity, locale: 'en-US' });
        assert.equal(res.status, 200);
        return res.body.value as Card;
    };
    const say = async (user: User, text: string) => {
        connector.clear();
        await t.post(personalMessage(user, text));
        return connector.messages().at(-1)!;
    };
    const toUser = (p: User) =>
        connector.sent.filter((s) => s.method === 'POST' && s.path.includes(encodeURIComponent(`a:1on1-${p.id}`)));
    const posted = () => cardOf(connector.sent.filter((s) => s.method === 'PUT').at(-1)!);
    const fetchDoc = (url: string) => fetch(url.replace(/^https?:\/\/[^/]+/, t.url));

    for (const p of [P.chef, P.B, P.C, P.Dx, P.E]) await t.post(personalMessage(p, 'vem är jag?'));
    await t.post(channelMessage(P.chef, 'koppla kanalen till styrelsen'));
    let card = cardOf(await say(P.chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne'));
    card = await press(P.chef, card, 'Redigera', oneOnOne(P.chef));
    for (const [title, kind, proposal, more] of opts.items) {
        const form = await press(P.chef, card, 'Lägg till punkt', oneOnOne(P.chef));
        card = await press(P.chef, form, 'Spara', oneOnOne(P.chef), { title, kind, proposal: proposal ?? '', ...more });
    }
    if (opts.onlineUrl) {
        const form = await press(P.chef, card, 'Tid och plats', oneOnOne(P.chef));
        card = await press(P.chef, form, 'Spara', oneOnOne(P.chef), {
            date: '2025-12-12',
            time: '13:00',
            place: 'Kommunhuset, Sunne',
            onlineUrl: opts.onlineUrl,
        });
    }
    assert.match((await say(P.chef, 'skicka kallelse')).body.text, /postad i kanalen/);
    const kallelse = cardOf(connector.sent.find((s) => s.method === 'POST' && s.path.includes('styrelse-channel'))!);
    for (const p of opts.come) await press(p, kallelse, 'Jag kommer', channel);
    for (const p of opts.absent) await press(p, kallelse, 'Förhinder', channel);
    return {
        t,
        connector,
        count,
        personId,
        itemId,
        press,
        pressEn,
        say,
        toUser,
        posted,
        fetchDoc,
        kallelse,
        /** Moves the clock to `minutes` after the meeting's start. */
        at: (minutes: number) => void (offset = MEETING + minutes * 60_000 - BASE),
        async close() {
            await t.close();
            nock.cleanAll();
            nock.enableNetConnect();
        },
    };
}
