// Every agenda write (create, edit, post, attendance, justerare) tried by every role that must not do it, in the
// order a meeting is prepared; then the allowed role does it. Plus concurrent edits of one agenda item.
import assert from 'node:assert/strict';
import {
    ACTORS,
    CHANNEL,
    CHEF_OR_ORDF,
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
const { lena, ingrid, leif } = OTHERS;

describe('Access matrix, agenda: every agenda write as every role that must not do it', () => {
    const h = useMatrixBot();
    before(async () => {
        assert.match(await h.write(chef, 'koppla kanalen till styrelsen'), /Den här kanalen är nu kanal för Styrelsen/);
    });

    // The meeting story: created, edited, posted, answered and given justerare; every step first tried wrongly.
    let editor: Card;
    let kallelse: Card;
    const meetingId = () => h.one<number>("SELECT id FROM meetings WHERE body_id = 'styrelse'");
    const itemId = (title: string) =>
        h.one<number>('SELECT id FROM agenda_items WHERE title = ? AND meeting_id = ?', title, meetingId());
    const version = () => h.one<number>('SELECT version FROM meetings WHERE id = ?', meetingId());
    const openEditor = async () => {
        editor = await h.cardReply(chef, 'redigera dagordningen');
    };
    const BUDGET = 'Verksamhetsplan och budget 2026';

    describe('agenda create', () => {
        matrix(h, {
            write: 'create a meeting by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) =>
                h.write(
                    a,
                    a.lang === 'en'
                        ? 'new board meeting 12 December 2025 at 13:00'
                        : 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne',
                ),
            allowedDoes: {
                who: 'the förbundschef',
                run: () => h.write(chef, 'nytt styrelsemöte 12 december 13:00 i Kommunhuset, Sunne'),
                says: /Mötet är skapat/,
            },
        });
        let form: Card;
        const values = { bodyId: 'beredningsgrupp', date: '2026-01-20', time: '09:30', place: 'Torsby' };
        matrix(h, {
            write: 'create a meeting on the form card',
            setup: async () => {
                form = await h.cardReply(chef, 'ny dagordning');
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(form, 'Skapa mötet'), channel, values)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf(await h.press(chef, button(form, 'Skapa mötet'), oneOnOne(chef), values)),
                says: /Mötet är skapat/,
            },
        });
    });

    describe('agenda edit', () => {
        let form: Card;
        const item = { title: BUDGET, kind: 'beslut', proposal: 'Att godkänna verksamhetsplan och budget 2026' };
        matrix(h, {
            write: 'add an agenda item',
            setup: async () => {
                await openEditor();
                form = await h.press(chef, button(editor, 'Lägg till punkt'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(form, 'Spara'), channel, item)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await h.press(chef, button(form, 'Spara'), oneOnOne(chef), item))),
                says: /Punkt \d+ är sparad/,
            },
        });
        const revised = { ...item, details: 'Underlag bifogas.' };
        matrix(h, {
            write: 'change an agenda item',
            setup: async () => {
                form = await h.press(chef, button(editor, 'Ändra'), oneOnOne(chef), { itemId: itemId(BUDGET) });
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(form, 'Spara'), channel, revised)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await h.press(chef, button(form, 'Spara'), oneOnOne(chef), revised))),
                says: /Punkt \d+ är sparad/,
            },
        });

        describe('concurrent edits of one agenda item', () => {
            it('When the förbundschef and the ordförande save the same agenda item at the same moment, then one wins, the other is told, and no update is lost', async () => {
                const id = itemId(BUDGET);
                const forms = await Promise.all(
                    [chef, ordf].map((p) => h.press(p, button(editor, 'Ändra'), oneOnOne(p), { itemId: id })),
                );
                const titles = [
                    'Verksamhetsplan och budget 2026 (chefens)',
                    'Verksamhetsplan och budget 2026 (ordförandens)',
                ];
                const v = version();
                const replies = await h.allInFlight(2, () =>
                    Promise.all(
                        [chef, ordf].map((p, k) =>
                            h.press(p, button(forms[k], 'Spara'), channel, { ...item, title: titles[k] }),
                        ),
                    ),
                );
                const won = replies.map((r) => /Punkt \d+ är sparad/.test(textOf(r)));
                assert.equal(won.filter(Boolean).length, 1, `exactly one wins: ${replies.map(textOf).join('\n')}`);
                const loser = replies[won.indexOf(false)];
                assert.match(textOf(loser), /Kortet är inaktuellt.*Inget har ändrats; öppna det senaste kortet/);
                const winner = titles[won.indexOf(true)];
                assert.equal(h.one('SELECT title FROM agenda_items WHERE id = ?', id), winner, 'the winner is stored');
                assert.equal(version(), v + 1, 'one update applied');
                // Back to the plain title (the decision below names it), from a fresh editor card.
                await openEditor();
                const again = await h.press(chef, button(editor, 'Ändra'), oneOnOne(chef), { itemId: id });
                editor = await h.press(chef, button(again, 'Spara'), oneOnOne(chef), item);
                assert.equal(h.one('SELECT title FROM agenda_items WHERE id = ?', id), BUDGET);
            });
        });

        const firstMovable = () =>
            h.one<number>(
                "SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'information' ORDER BY position LIMIT 1 OFFSET 1",
                meetingId(),
            );
        matrix(h, {
            write: 'move an agenda item',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await h.press(a, button(editor, 'Flytta ned'), channel, { itemId: firstMovable() })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(
                        (editor = await h.press(chef, button(editor, 'Flytta ned'), oneOnOne(chef), {
                            itemId: firstMovable(),
                        })),
                    ),
                says: /Flyttad till punkt \d+/,
            },
        });
        const LOKAL = 'Lokalfrågor';
        matrix(h, {
            write: 'remove an agenda item',
            setup: async () => {
                const add = await h.press(chef, button(editor, 'Lägg till punkt'), oneOnOne(chef));
                editor = await h.press(chef, button(add, 'Spara'), oneOnOne(chef), {
                    title: LOKAL,
                    kind: 'information',
                });
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) =>
                textOf(await h.press(a, button(editor, 'Ta bort'), channel, { itemId: itemId(LOKAL) })),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () =>
                    textOf(
                        (editor = await h.press(chef, button(editor, 'Ta bort'), oneOnOne(chef), {
                            itemId: itemId(LOKAL),
                        })),
                    ),
                says: /Lokalfrågor.{1,3} är borttagen/,
            },
        });
        const details = { date: '2025-12-12', time: '13:00', place: 'Stadshuset, Torsby' };
        matrix(h, {
            write: 'change the time and place',
            setup: async () => {
                form = await h.press(chef, button(editor, 'Tid och plats'), oneOnOne(chef));
            },
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(form, 'Spara'), channel, details)),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => textOf((editor = await h.press(chef, button(form, 'Spara'), oneOnOne(chef), details))),
                says: /Tid och plats sparade/,
            },
        });
    });

    describe('agenda post', () => {
        matrix(h, {
            write: 'send the kallelse from the editor card',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: async (a) => textOf(await h.press(a, button(editor, 'Skicka kallelse'), channel)),
        });
        matrix(h, {
            write: 'send the kallelse by chat',
            allowed: CHEF_OR_ORDF,
            who: WHO.writer,
            attempt: (a) => h.write(a, a.lang === 'en' ? 'send the notice' : 'skicka kallelse'),
            allowedDoes: {
                who: 'the förbundschef',
                run: async () => {
                    const reply = await h.write(chef, 'skicka kallelse', 'personal');
                    kallelse = cardOf(
                        h.connector.sent.find(
                            (s) => s.method === 'POST' && s.path.includes(encodeURIComponent(CHANNEL)),
                        )!,
                    );
                    return reply;
                },
                says: /postad i kanalen/,
            },
        });
    });

    matrix(h, {
        write: 'answer "Jag kommer" to the styrelse meeting',
        allowed: ['ordförande', 'vice', 'ledamot', 'ersättare'],
        who: WHO.member,
        attempt: async (a) => textOf(await h.press(a, button(kallelse, 'Jag kommer'), channel)),
        allowedDoes: {
            who: 'a ledamot',
            run: async () => textOf(await h.press(ledamot, button(kallelse, 'Jag kommer'), channel)),
            says: /Ditt svar är sparat: Jag kommer/,
        },
    });

    let beredning: Card;
    matrix(h, {
        write: 'answer "Jag kommer" to the beredningsgrupp meeting',
        setup: async () => {
            beredning = await h.cardReply(ACTORS.beredningsgrupp, 'visa dagordningen för beredningsgruppen');
        },
        allowed: ['beredningsgrupp'],
        who: WHO.beredning,
        attempt: async (a) => textOf(await h.press(a, button(beredning, 'Jag kommer'), channel)),
        allowedDoes: {
            who: 'a beredningsgrupp member',
            run: async () => textOf(await h.press(ACTORS.beredningsgrupp, button(beredning, 'Jag kommer'), channel)),
            says: /Ditt svar är sparat: Jag kommer/,
        },
    });

    let form: Card;
    matrix(h, {
        write: 'choose the justerare',
        setup: async () => {
            for (const p of [lena, ingrid, ordf, leif]) await h.press(p, button(kallelse, 'Jag kommer'), channel);
            await openEditor();
            form = await h.press(chef, button(editor, 'Justerare'), oneOnOne(chef));
        },
        allowed: CHEF_OR_ORDF,
        who: WHO.writer,
        attempt: async (a) =>
            textOf(
                await h.press(a, button(form, 'Spara'), channel, {
                    justerare: `${h.personId(lena)},${h.personId(ingrid)}`,
                }),
            ),
        allowedDoes: {
            who: 'the förbundschef',
            run: async () =>
                textOf(
                    await h.press(chef, button(form, 'Spara'), oneOnOne(chef), {
                        justerare: `${h.personId(lena)},${h.personId(ingrid)}`,
                    }),
                ),
            says: /Justerare: Lena Strand och Ingrid Fors/,
        },
    });
});
