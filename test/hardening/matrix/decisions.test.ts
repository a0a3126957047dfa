// Every decision write (beslut, closing, justering, per capsulam) tried by every role that must not do it, on a
// Fryksdalen styrelse meeting the chef prepared; then the allowed role does it. Plus concurrent recordings.
import assert from 'node:assert/strict';
import {
    ACTORS,
    CHANNEL,
    CHEF_OR_ORDF,
    MEETING,
    OTHERS,
    WHO,
    button,
    cardOf,
    channel,
    matrix,
    oneOnOne,
    textOf,
    useMatrixBot,
    type Card,
} from '../matrix-setup';

const { förbundschef: chef, ordförande: ordf, ledamot } = ACTORS;
const { lena, ingrid, leif, maria } = OTHERS;
const BUDGET = 'Verksamhetsplan och budget 2026';

describe('Access matrix, decisions: every decision write as every role that must not do it', () => {
    const h = useMatrixBot();
    let agenda: Card;
    const meetingId = () => h.one<number>("SELECT id FROM meetings WHERE body_id = 'styrelse'");
    const itemId = (title: string) =>
        h.one<number>('SELECT id FROM agenda_items WHERE title = ? AND meeting_id = ?', title, meetingId());

    // The chef prepares the meeting: a budget item, the kallelse, five ledamöter coming, two justerare; then it begins.
    before(async () => {
        assert.match(await h.write(chef, 'koppla kanalen till styrelsen'), /Den här kanalen är nu kanal för Styrelsen/);
        await h.write(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne', 'personal');
        const editor = await h.cardReply(chef, 'redigera dagordningen');
        const form = await h.press(chef, button(editor, 'Lägg till punkt'), oneOnOne(chef));
        const item = { title: BUDGET, kind: 'beslut', proposal: 'Att godkänna verksamhetsplan och budget 2026' };
        assert.match(textOf(await h.press(chef, button(form, 'Spara'), oneOnOne(chef), item)), /Punkt \d+ är sparad/);
        assert.match(await h.write(chef, 'skicka kallelse', 'personal'), /postad i kanalen/);
        const kallelse = h.postedIn(CHANNEL);
        for (const p of [ledamot, lena, ingrid, ordf, leif]) await h.press(p, button(kallelse, 'Jag kommer'), channel);
        const again = await h.cardReply(chef, 'redigera dagordningen');
        const justerare = await h.press(chef, button(again, 'Justerare'), oneOnOne(chef));
        h.connector.clear();
        await h.press(chef, button(justerare, 'Spara'), oneOnOne(chef), {
            justerare: `${h.personId(lena)},${h.personId(ingrid)}`,
        });
        agenda = h.postedPut();
        h.at(MEETING + 30 * 60_000); // the meeting has begun: decisions and closing are possible
    });

    describe('decision', () => {
        const bifall = (title: string) => button(agenda, 'Bifall enligt förslaget', itemId(title));
        matrix(h, {
            write: 'record a decision with one click',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, bifall('Val av justerare'), channel)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    h.connector.clear();
                    const card = await h.press(chef, bifall('Val av justerare'), channel);
                    agenda = h.postedPut();
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
                h.connector.clear();
                const replies = await h.allInFlight(2, () =>
                    Promise.all([ordf, chef].map((p) => h.press(p, b, channel))),
                );
                const won = replies.map((r) => /Beslutet på punkt \d+ är registrerat/.test(textOf(r)));
                assert.equal(won.filter(Boolean).length, 1, `exactly one wins: ${replies.map(textOf).join('\n')}`);
                const winner = [ordf, chef][won.indexOf(true)];
                assert.match(
                    textOf(replies[won.indexOf(false)]),
                    new RegExp(`${winner.name} registrerade just ett beslut på punkt \\d+; ditt beslut sparades inte`),
                );
                assert.equal(h.one('SELECT count(*) FROM decisions WHERE item_id = ?', item), 1);
                assert.equal(h.one('SELECT recorded_by FROM decisions WHERE item_id = ?', item), h.personId(winner));
                agenda = h.postedPut();
            });
        });

        let decisionForm: Card;
        matrix(h, {
            write: 'record a decision on the decision form',
            setup: async () => {
                decisionForm = await h.press(
                    chef,
                    button(agenda, 'Annat beslut, jäv…', itemId(BUDGET)),
                    oneOnOne(chef),
                );
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await h.press(a, button(decisionForm, 'Registrera beslutet'), channel, { outcome: 'bifall' })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    h.connector.clear();
                    const b = button(decisionForm, 'Registrera beslutet');
                    const card = await h.press(chef, b, oneOnOne(chef), { outcome: 'bifall' });
                    agenda = h.postedPut();
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
        matrix(h, {
            write: 'close the meeting by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) => h.write(a, a.lang === 'en' ? 'close the meeting' : 'avsluta mötet'),
        });
        matrix(h, {
            write: 'press "Avsluta mötet"',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(agenda, 'Avsluta mötet'), channel)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    h.connector.clear();
                    const card = await h.press(chef, button(agenda, 'Avsluta mötet'), channel);
                    lenaCard = cardOf(h.toUser(lena).at(-1)!);
                    ingridCard = cardOf(h.toUser(ingrid).at(-1)!);
                    return textOf(card);
                },
                says: /Mötet är avslutat: § 1–\d+\/2025/,
            },
        });
    });

    describe('justering', () => {
        matrix(h, {
            write: 'justera the protokoll',
            allowed: ['ordförande'],
            who: WHO.justerare,
            attempt: async (a) => textOf(await h.press(a, button(lenaCard, 'Justera'), channel)),
            allowedDoes: {
                who: 'a chosen justerare',
                run: async () => textOf(await h.press(lena, button(lenaCard, 'Justera'), oneOnOne(lena))),
                says: /Du har justerat protokollet/,
            },
        });
        const comment = { comment: '§ 2 ska nämna att justeringen sker digitalt.' };
        matrix(h, {
            write: 'ask for a change to the protokoll',
            allowed: ['ordförande'],
            who: WHO.justerare,
            attempt: async (a) => textOf(await h.press(a, button(ingridCard, 'Begär ändring'), channel, comment)),
            allowedDoes: {
                who: 'a chosen justerare',
                run: async () => {
                    h.connector.clear();
                    const card = await h.press(ingrid, button(ingridCard, 'Begär ändring'), oneOnOne(ingrid), comment);
                    chefNotice = cardOf(h.toUser(chef).at(-1)!);
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
        matrix(h, {
            write: 'edit the protokoll after a change request',
            setup: async () => {
                editForm = await h.press(chef, button(chefNotice, 'Ändra protokollet'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.editor,
            attempt: async (a) => textOf(await h.press(a, button(editForm, 'Spara ny version'), channel, edited())),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(await h.press(chef, button(editForm, 'Spara ny version'), oneOnOne(chef), edited())),
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
            unavailable: String(h.personId(leif)),
        });
        matrix(h, {
            write: 'send a per capsulam proposal',
            setup: async () => {
                pcForm = await h.cardReply(chef, 'nytt per capsulam-beslut');
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await h.press(a, button(pcForm, 'Skicka till styrelsen'), channel, proposal())),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    h.connector.clear();
                    const b = button(pcForm, 'Skicka till styrelsen');
                    const card = await h.press(chef, b, oneOnOne(chef), proposal());
                    pcCard = cardOf(
                        h.connector.sent.find(
                            (s) => s.method === 'POST' && s.path.includes(encodeURIComponent(CHANNEL)),
                        )!,
                    );
                    return textOf(card);
                },
                says: /Förslaget är skickat till kanalen/,
            },
        });
        matrix(h, {
            write: 'vote on the per capsulam proposal',
            // One voter per part: the ledamot, or the ersättare when the ledamot is marked unavailable (Leif → Maria).
            allowed: ['ordförande', 'vice', 'ledamot'],
            alsoWrong: [leif],
            who: WHO.voter,
            attempt: async (a) => textOf(await h.press(a, button(pcCard, 'Ja'), channel)),
            allowedDoes: {
                who: 'the ersättare voting for her unavailable ledamot',
                run: async () => textOf(await h.press(maria, button(pcCard, 'Ja'), channel)),
                says: /Ditt svar är sparat: Ja/,
            },
        });
    });
});
