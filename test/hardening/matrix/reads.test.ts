// Every card verb in the registry, read or write, pressed by every wrong actor with the other förbund's records: each
// is refused and shows nothing of them. Then every read verb on Fryksdalen's drafts by the roles that may not see them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newActionKey } from '../../../src/bot/cards/action-key';
import { TEMPLATES_DIR } from '../../../src/paths';
import { buttons } from '../../helpers/cards';
import { dumpDb } from '../../helpers/db-dump';
import {
    ACTORS,
    CHANNEL,
    CHEF_OR_ORDF,
    MEETING,
    NED_CHANNEL,
    NED_TEAM,
    NEDANSILJAN,
    OTHERS,
    REFUSED,
    assertShowsNothing,
    button,
    channel,
    nedChannel,
    nedChat,
    oneOnOne,
    textOf,
    unlinked,
    useMatrixBot,
    wrongActors,
    type Actor,
    type Conversation,
    type MatrixBot,
    type RoleKey,
    type Where,
} from '../matrix-setup';

/** A förbund's side of the story: who runs it, where, who comes, and text only its records hold. */
type Cast = {
    forbundId: string;
    insatsId: string;
    chef: Actor;
    where: Where;
    conv: Conversation;
    channelId: string;
    coming: Actor[];
    justerare: [Actor, Actor];
    words: { place: string; item: string; proposal: string; draftPlace: string; draftItem: string; pc: string };
};
/** What a story leaves: a closed meeting with its protokoll out for justering, a posted per capsulam, a draft. */
type Story = Cast & {
    closedId: number;
    closedItemId: number;
    draftId: number;
    draftItemId: number;
    pcId: number;
    uppdragId: number;
    previewId: number;
    ledgerId: number;
    choiceId: number;
    planPreviewId: number;
};

const { lena, ingrid, leif } = OTHERS;
const { birgitta, marie, ulla, sara, camilla } = NEDANSILJAN;
const FRYKSDALEN: Cast = {
    forbundId: 'fryksdalen',
    insatsId: 'navet',
    chef: ACTORS.förbundschef,
    where: 'channel',
    conv: channel,
    channelId: CHANNEL,
    coming: [ACTORS.ordförande, ACTORS.ledamot, lena, ingrid, leif],
    justerare: [lena, ingrid],
    words: {
        place: 'Kommunhuset, Sunne',
        item: 'Lokalavtal Östra Fryksdalen',
        proposal: 'Att teckna lokalavtal med Östra Fryksdalen',
        draftPlace: 'Biblioteket, Torsby',
        draftItem: 'Utkast om Fryksdalens arkiv',
        pc: 'Fryksdalens nya logotyp',
    },
};
const NEDANSILJAN_CAST: Cast = {
    forbundId: 'nedansiljan',
    insatsId: 'roa',
    chef: ACTORS.otherChef,
    where: { channel: NED_CHANNEL, team: NED_TEAM },
    conv: nedChannel,
    channelId: NED_CHANNEL,
    coming: [birgitta, marie, ulla, sara, camilla],
    justerare: [ulla, sara],
    words: {
        place: 'Leksands kommunhus',
        item: 'Hemlig lokalfråga i Rättvik',
        proposal: 'Att hyra lokal på Storgatan 7 i Rättvik',
        draftPlace: 'Gagnefs bibliotek',
        draftItem: 'Utkast om Siljansbygdens avtal',
        pc: 'Nedansiljans hemliga samverkan',
    },
};

/** The chef links the styrelse channel, creates and posts a meeting with an item of its own; five come; justerare. */
async function prepare(h: MatrixBot, c: Cast): Promise<void> {
    const { chef } = c;
    if (c.where !== 'channel') assert.match(await h.write(chef, 'koppla till Nedansiljan', c.where), /hör nu till/);
    assert.match(await h.write(chef, 'koppla kanalen till styrelsen', c.where), /Den här kanalen är nu kanal för/);
    for (const p of c.coming) {
        // Writing once in a linked channel binds their Teams ids; 1:1 makes them reachable for the justering cards.
        assert.match(await h.write(p, 'vem är jag?', c.where), new RegExp(p.name));
        await h.write(p, 'vem är jag?', 'personal');
    }
    assert.match(
        await h.write(chef, `nytt styrelsemöte 12 december 13:00 i ${c.words.place}`, 'personal'),
        /Mötet är skapat/,
    );
    await addItem(h, c, c.words.item, c.words.proposal);
    assert.match(await h.write(chef, 'skicka kallelse', 'personal'), /postad i kanalen/);
    const kallelse = h.postedIn(c.channelId);
    for (const p of c.coming) await h.press(p, button(kallelse, 'Jag kommer'), c.conv);
    const editor = await h.cardReply(chef, 'redigera dagordningen');
    const form = await h.press(chef, button(editor, 'Justerare'), oneOnOne(chef));
    const ids = c.justerare.map((p) => h.personId(p, c.forbundId)).join(',');
    assert.match(textOf(await h.press(chef, button(form, 'Spara'), oneOnOne(chef), { justerare: ids })), /Justerare:/);
}

async function addItem(h: MatrixBot, c: Cast, title: string, proposal: string) {
    const editor = await h.cardReply(c.chef, 'redigera dagordningen');
    const form = await h.press(c.chef, button(editor, 'Lägg till punkt'), oneOnOne(c.chef));
    const saved = await h.press(c.chef, button(form, 'Spara'), oneOnOne(c.chef), { title, kind: 'beslut', proposal });
    assert.match(textOf(saved), /Punkt \d+ är sparad/);
}

/** Once the meeting has begun: bifall on every beslut, close it, send a per capsulam, and make a draft meeting. */
async function conclude(h: MatrixBot, c: Cast): Promise<Story> {
    const { chef } = c;
    const meeting = () => h.one<number>('SELECT id FROM meetings WHERE forbund_id = ? ORDER BY id DESC', c.forbundId);
    const closedId = meeting();
    let agenda = await h.cardReply(chef, 'visa dagordningen');
    for (const b of buttons(agenda).filter((x) => x.title === 'Bifall enligt förslaget'))
        agenda = await h.press(chef, { verb: b.verb, data: b.data }, oneOnOne(chef));
    assert.match(textOf(await h.press(chef, button(agenda, 'Avsluta mötet'), oneOnOne(chef))), /Mötet är avslutat/);
    const pc = await h.cardReply(chef, 'nytt per capsulam-beslut');
    const proposal = { title: c.words.pc, proposal: `Att anta ${c.words.pc}`, date: '2025-12-19', time: '12:00' };
    const sent = await h.press(chef, button(pc, 'Skicka till styrelsen'), oneOnOne(chef), proposal);
    assert.match(textOf(sent), /Förslaget är skickat/);
    assert.match(
        await h.write(chef, `nytt styrelsemöte 2026-01-20 13:00 i ${c.words.draftPlace}`, 'personal'),
        /Mötet är skapat/,
    );
    await addItem(h, c, c.words.draftItem, `Att besluta om ${c.words.draftItem.toLowerCase()}`);
    const item = (meetingId: number, title: string) =>
        h.one<number>('SELECT id FROM agenda_items WHERE meeting_id = ? AND title = ?', meetingId, title);
    // An uppdrag given to the chef with the closed meeting's beslut (stored as the decision form stores it).
    const decided = h.t.bot.deps.decisions.latest(item(closedId, c.words.item));
    const chefId = h.personId(chef, c.forbundId);
    const uppdrag = h.t.bot.deps.uppdrag.add(
        {
            forbundId: c.forbundId,
            bodyId: 'styrelse',
            meetingId: closedId,
            itemId: item(closedId, c.words.item),
            decisionId: decided?.id ?? -1,
            what: 'Redovisa läget',
            owner: { personId: chefId },
            due: '2026-01-15',
            createdBy: chefId,
        },
        'matrix',
    );
    return {
        uppdragId: uppdrag.id,
        ...c,
        closedId,
        closedItemId: item(closedId, c.words.item),
        draftId: meeting(),
        draftItemId: item(meeting(), c.words.draftItem),
        pcId: h.one<number>('SELECT id FROM per_capsulam WHERE forbund_id = ?', c.forbundId),
        // A workbook preview waiting for the chef (as a file sent in the 1:1 chat leaves it).
        previewId: h.t.bot.deps.previews.add({
            forbundId: c.forbundId,
            kind: 'workbook',
            fileName: 'budget.xlsx',
            model: { document: h.t.bot.deps.forbundVersions.document(c.forbundId, 1), people: [] },
            by: 'matrix',
        }),
        // A ledger preview and a kind question waiting on their buttons (files sent in the 1:1 chat).
        ledgerId: h.t.bot.deps.fileReadings.add({
            forbundId: c.forbundId,
            kind: 'ledger',
            fileName: 'bokforing.se',
            model: {
                reading: {
                    imp: { year: 2026, periods: ['2026-01'], lines: [], unmapped: [], cumulative: false, warnings: [] },
                    fileKind: 'SIE 4',
                },
                sha256: '0'.repeat(64),
            },
            by: 'matrix',
        }),
        choiceId: h.t.bot.deps.fileReadings.add({
            forbundId: c.forbundId,
            kind: 'choice',
            fileName: 'lista.csv',
            model: { workbook: [{ where: 'arbetsboken', reason: 'x' }], ledger: { sv: 'x', en: 'x' } },
            by: 'matrix',
        }),
        // A plan document preview waiting for the chef.
        planPreviewId: h.t.bot.deps.plans.addPreview({
            forbundId: c.forbundId,
            fileName: 'plan.pdf',
            text: '# Plan\n\n## 1. Styrelsen\n\nStyrelsen sammanträder.\n',
            pages: 1,
            ocr: false,
            by: 'matrix',
        }),
    };
}

/** A press of each registered verb naming a story's records, with a key at their current version. */
function presses(h: MatrixBot): Record<string, (s: Story, conv: Conversation) => object> {
    const meeting = (s: Story) => ({
        key: newActionKey(
            `meeting:${s.draftId}`,
            h.one<number>('SELECT version FROM meetings WHERE id = ?', s.draftId),
        ),
    });
    const protokoll = (s: Story) => ({ key: newActionKey(`protokoll:${s.closedId}`, 1) });
    const when = { date: '2026-03-03', time: '13:00' };
    return {
        'conversation.link': (s, conv) => ({
            key: newActionKey(`link:${conv.id}`, h.t.bot.deps.links.forbundOf(conv.id, conv.teamId) ? 1 : 0),
            forbundId: s.forbundId,
        }),
        'attendance.answer': (s) => ({ ...meeting(s), answer: 'kommer' }),
        'agenda.item.move': (s) => ({ ...meeting(s), itemId: s.draftItemId, dir: 'up' }),
        'agenda.item.remove': (s) => ({ ...meeting(s), itemId: s.draftItemId }),
        'agenda.item.save': (s) => ({ ...meeting(s), itemId: s.draftItemId, title: 'Ny rubrik', kind: 'information' }),
        'meeting.create': (s) => ({ key: newActionKey(`meetings:${s.forbundId}`, 0), bodyId: 'styrelse', ...when }),
        'meeting.details': (s) => ({ ...meeting(s), ...when, place: 'Någon annanstans' }),
        'meeting.justerare': (s) => ({ ...meeting(s), justerare: '1,2' }),
        'meeting.send': (s) => meeting(s),
        'meeting.close': (s) => meeting(s),
        'meeting.presence': (s) => ({ ...meeting(s), person: String(h.personId(s.coming[0], s.forbundId)) }),
        'votering.yrkande': (s) => ({
            key: newActionKey(`decide:${s.draftId}`, 1),
            itemId: s.draftItemId,
            person: String(h.personId(s.coming[0], s.forbundId)),
            outcome: 'bifall',
        }),
        'votering.withdraw': (s) => ({
            key: newActionKey(`decide:${s.draftId}`, 1),
            itemId: s.draftItemId,
            yrkandeId: 1,
        }),
        'votering.record': (s) => ({
            key: newActionKey(`decide:${s.draftId}`, 1),
            itemId: s.draftItemId,
            kind: 'sluten',
        }),
        'decision.record': (s) => ({
            key: newActionKey(`decide:${s.draftId}`, 1),
            itemId: s.draftItemId,
            expect: 0,
            outcome: 'bifall',
            from: 'form',
        }),
        'protokoll.justera': (s) => protokoll(s),
        'protokoll.change': (s) => ({ ...protokoll(s), comment: 'Rätta § 1.' }),
        'protokoll.edit': (s) => ({ ...protokoll(s), [`t${s.closedItemId}`]: 'Ändrad text.' }),
        'pc.create': (s) => ({
            key: newActionKey(`pcs:${s.forbundId}`, 0),
            title: 'Nytt förslag',
            proposal: 'Att göra något',
            ...when,
            unavailable: '',
        }),
        'pc.vote': (s) => ({ key: newActionKey(`pc:${s.pcId}`, 0), answer: 'ja' }),
        'uppdrag.done': (s) => ({ key: newActionKey(`uppdrag:${s.uppdragId}`, 1), uppdragId: s.uppdragId }),
        'report.submit': (s) => ({
            key: newActionKey(`report:${s.forbundId}:${s.insatsId}:2025-10`, 0),
            forbundId: s.forbundId,
            insatsId: s.insatsId,
            month: '2025-10',
            'nya.kvinnor': '1',
        }),
        'agenda.view': (s) => ({ meetingId: s.draftId }),
        'agenda.refresh': (s) => ({ meetingId: s.draftId }),
        'agenda.editor': (s) => ({ meetingId: s.draftId }),
        'agenda.meeting.form': (s) => ({ meetingId: s.draftId }),
        'agenda.justerare.form': (s) => ({ meetingId: s.draftId }),
        'agenda.presence.form': (s) => ({ meetingId: s.draftId }),
        'votering.form': (s) => ({ meetingId: s.draftId, itemId: s.draftItemId }),
        'agenda.item.form': (s) => ({ meetingId: s.draftId, itemId: s.draftItemId }),
        'decision.form': (s) => ({ meetingId: s.draftId, itemId: s.draftItemId }),
        'protokoll.view': (s) => ({ meetingId: s.closedId }),
        'protokoll.edit.form': (s) => ({ meetingId: s.closedId }),
        'pc.refresh': (s) => ({ proposalId: s.pcId }),
        'workbook.decide': (s) => ({ key: newActionKey(`preview:${s.previewId}`, 0), choice: 'activate' }),
        'ledger.decide': (s) => ({ key: newActionKey(`ledger:${s.ledgerId}`, 0), choice: 'save' }),
        'file.kind': (s) => ({ key: newActionKey(`choice:${s.choiceId}`, 0), choice: 'ledger' }),
        'plan.decide': (s) => ({ key: newActionKey(`plan:${s.planPreviewId}`, 0), choice: 'activate' }),
        'qa.ask': () => ({ q: 'vad är vår prognos för eget kapital?' }),
    };
}
/** Asks the plan of the conversation's own förbund: an answer there names no record, so it need not be a refusal. */
const OWN_PLAN = new Set(['qa.ask']);

describe("Access matrix, reads: every card verb as every wrong actor, with the other förbund's records", () => {
    const h = useMatrixBot();
    let fry: Story;
    let ned: Story;
    before(async function () {
        this.timeout(60_000);
        await prepare(h, FRYKSDALEN);
        await prepare(h, NEDANSILJAN_CAST);
        h.at(MEETING + 30 * 60_000);
        fry = await conclude(h, FRYKSDALEN);
        ned = await conclude(h, NEDANSILJAN_CAST);
    });

    describe('the verb registry', () => {
        it('When the bot is built, then every card verb a template names is registered, with its kind', () => {
            const named = readdirSync(TEMPLATES_DIR).flatMap((f) =>
                [...readFileSync(join(TEMPLATES_DIR, f), 'utf8').matchAll(/"verb":\s*"([a-z.]+)"/g)].map((m) => m[1]),
            );
            const registered = new Map(h.t.bot.deps.verbs.entries());
            assert.deepEqual(
                [...new Set(named)].filter((v) => !registered.has(v)),
                [],
            );
            assert.equal(registered.get('agenda.view'), 'read');
            assert.equal(registered.get('attendance.answer'), 'write');
        });

        it('When the source is read, then every Action.Execute route is registered through registerAction or registerView', () => {
            const files = (dir: string): string[] =>
                readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
                    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
                );
            const routes = files('src').filter((f) => readFileSync(f, 'utf8').includes('adaptiveCards.actionExecute('));
            assert.deepEqual(routes.sort(), [join('src/bot/cards/execute.ts'), join('src/bot/cards/view.ts')]);
        });

        it('When the registry is read, then this matrix has a press for every verb in it, read or write', () => {
            const verbs = h.t.bot.deps.verbs.entries().map(([verb]) => verb);
            assert.deepEqual(verbs.sort(), Object.keys(presses(h)).sort());
        });
    });

    /** Presses every registered verb as `a` in `conv` with `s`'s records; resolves with what went wrong. */
    const pressAll = async (a: Actor, conv: Conversation, s: Story): Promise<string[]> => {
        const secrets = h.secrets(s.forbundId);
        const table = presses(h);
        const problems: string[] = [];
        for (const [verb, kind] of h.t.bot.deps.verbs.entries()) {
            const data = table[verb];
            if (!data) {
                problems.push(`${verb} (${kind}): no press in this matrix`);
                continue;
            }
            h.connector.clear();
            const card = textOf(await h.press(a, { verb, data: data(s, conv) }, conv));
            const sent = h.connector.messages().map((m) => textOf({ text: m.body.text, cards: m.body.attachments }));
            const reply = [card, ...sent].join('\n');
            if (!OWN_PLAN.has(verb) && !REFUSED[a.lang].test(card)) problems.push(`${verb}: not refused: ${card}`);
            try {
                assertShowsNothing(reply, secrets, verb);
            } catch (e) {
                problems.push((e as Error).message);
            }
        }
        return problems;
    };

    const where = (label: string, conv: (a: Actor) => Conversation) => ({ label, conv });
    const fryksdalenSide = [
        where('in the Fryksdalen channel', () => channel),
        where('in their own 1:1 chat', (a) => oneOnOne(a)),
        where('in an unlinked group chat', () => unlinked),
    ];
    for (const a of wrongActors(['otherChef'])) {
        for (const { label, conv } of fryksdalenSide) {
            it(`When ${a.role} presses every card verb with Nedansiljan's records ${label}, then each is refused and shows nothing of them`, async () => {
                const before = dumpDb(h.db());
                assert.deepEqual(await pressAll(a, conv(a), ned), []);
                assert.deepEqual(dumpDb(h.db()), before);
            });
        }
    }
    it("When Nedansiljan's förbundschef presses every card verb with her own förbund's records in Fryksdalen's channel, then each is refused and nothing is stored", async () => {
        // She may do all of it in her own conversations; a conversation of another förbund is not the place.
        const before = dumpDb(h.db());
        assert.deepEqual(await pressAll(ACTORS.otherChef, channel, ned), []);
        assert.deepEqual(dumpDb(h.db()), before);
    });
    for (const { label, conv } of [
        where('in her own chat linked to Nedansiljan', () => nedChat),
        where('in her own 1:1 chat', (a) => oneOnOne(a)),
        where('in an unlinked group chat', () => unlinked),
    ]) {
        it(`When Nedansiljan's förbundschef presses every card verb with Fryksdalen's records ${label}, then each is refused and shows nothing of them`, async () => {
            const before = dumpDb(h.db());
            assert.deepEqual(await pressAll(ACTORS.otherChef, conv(ACTORS.otherChef), fry), []);
            assert.deepEqual(dumpDb(h.db()), before);
        });
    }

    describe("Fryksdalen's drafts, in Fryksdalen's channel", () => {
        const styrelse: RoleKey[] = ['förbundschef', 'ordförande', 'vice', 'ledamot', 'ersättare'];
        const everyone = Object.keys(ACTORS) as RoleKey[];
        /** Who may see each read verb's record: the draft meeting, its item, the protokoll before justering. */
        const READS: Record<string, { what: string; allowed: readonly RoleKey[] }> = {
            'agenda.view': { what: 'the draft agenda', allowed: styrelse },
            'agenda.refresh': { what: 'the draft agenda', allowed: styrelse },
            'agenda.editor': { what: 'the draft agenda editor', allowed: CHEF_OR_ORDF },
            'agenda.meeting.form': { what: 'the draft meeting form', allowed: CHEF_OR_ORDF },
            'agenda.justerare.form': { what: 'the justerare form', allowed: CHEF_OR_ORDF },
            'agenda.item.form': { what: 'the draft item form', allowed: CHEF_OR_ORDF },
            'decision.form': { what: 'the decision form', allowed: CHEF_OR_ORDF },
            'agenda.presence.form': { what: 'the närvaro per punkt form', allowed: CHEF_OR_ORDF },
            'votering.form': { what: 'the votering card', allowed: CHEF_OR_ORDF },
            'protokoll.view': { what: 'the protokoll before justering', allowed: CHEF_OR_ORDF },
            'protokoll.edit.form': { what: 'the protokoll edit form', allowed: CHEF_OR_ORDF },
            'pc.refresh': { what: 'the posted per capsulam', allowed: everyone },
            'qa.ask': { what: 'the plan', allowed: everyone },
        };
        const draftPress = (verb: string) => presses(h)[verb](fry, channel);

        it('When the registry is read, then every read verb has who may see it here', () => {
            assert.deepEqual(h.t.bot.deps.verbs.of('read').sort(), Object.keys(READS).sort());
        });

        for (const [verb, { what, allowed }] of Object.entries(READS)) {
            it(`When every Fryksdalen role that may not see ${what} presses ${verb}, then it is refused and shows nothing; those who may see it`, async () => {
                const secrets = h.secrets('fryksdalen');
                for (const a of wrongActors(allowed)) {
                    const card = textOf(await h.press(a, { verb, data: draftPress(verb) }, channel));
                    assert.match(card, REFUSED[a.lang], `${a.role}: ${card.slice(0, 300)}`);
                    assertShowsNothing(card, secrets, `${verb} for ${a.role}`);
                }
                for (const k of allowed) {
                    const card = textOf(await h.press(ACTORS[k], { verb, data: draftPress(verb) }, channel));
                    assert.doesNotMatch(
                        card,
                        REFUSED[ACTORS[k].lang],
                        `${ACTORS[k].role} may see it: ${card.slice(0, 300)}`,
                    );
                }
            });
        }
    });
});
