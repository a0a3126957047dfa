// The monthly report submit tried by every role that must not do it, then by the projektägare; concurrent submits.
import assert from 'node:assert/strict';
import { ACTORS, WHO, channel, formSubmit, matrix, oneOnOne, textOf, useMatrixBot } from '../matrix-setup';

const { projektägare: tomas } = ACTORS;

describe('Access matrix, reports: the monthly report as every role that must not send it', () => {
    const h = useMatrixBot();

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
        matrix(h, {
            write: 'submit the monthly report of Navet',
            setup: async () => {
                data = formSubmit(await h.cardReply(tomas, 'rapportera Navet oktober 2025'), OCT);
            },
            allowed: ['projektägare'],
            who: WHO.owner,
            attempt: async (a) => textOf(await h.press(a, { verb: 'report.submit', data }, channel)),
            allowedDoes: {
                who: 'the projektägare',
                run: async () => textOf(await h.press(tomas, { verb: 'report.submit', data }, oneOnOne(tomas))),
                says: /Rapporten är sparad/,
            },
        });

        describe('concurrent submits of one monthly report', () => {
            it('When the projektägare sends the same month from two open forms at the same moment, then one version is stored and the other form is told it is out of date', async () => {
                // Two open forms (two devices): the same version, each with its own nonce.
                const forms = [
                    await h.cardReply(tomas, 'rapportera Navet oktober 2025'),
                    await h.cardReply(tomas, 'rapportera Navet oktober 2025'),
                ];
                assert.notEqual(forms[0].actions![0].data.key, forms[1].actions![0].data.key);
                const before = h.one<number>('SELECT count(*) FROM report_versions');
                const replies = await h.allInFlight(2, () =>
                    Promise.all(
                        forms.map((f, k) =>
                            h.press(
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
                assert.equal(h.one<number>('SELECT count(*) FROM report_versions'), before + 1);
            });
        });
    });
});
