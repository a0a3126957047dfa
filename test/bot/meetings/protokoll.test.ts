import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protokollSchema, justeredText } from '../../../src/domain/protokoll';
import { tempDir } from '../../helpers/temp-dir';
import { readPdf } from '../../helpers/pdf';
import { button, cardOf, textOf, type Card } from '../../helpers/cards';
import type { User } from '../../fixtures/activities';
import { channel, oneOnOne, P, startMeeting, type Harness } from './harness';

// A whole meeting whose protokoll must carry every element of the legal record, in the HTML and in the PDF's text.
describe('Meetings: the protokoll as the legal record (HTML and PDF)', () => {
    let h: Harness;
    const dir = tempDir();
    const INSATS = 'Ansökan om medel för Jobbspåret';
    const INFO = 'Information om uppföljning';
    let html = '';
    let pdf: Awaited<ReturnType<typeof readPdf>>;
    const flat = (s: string) =>
        s
            .replace(/<[^>]+>/g, ' ')
            .replace(/&amp;/g, '&')
            .replace(/\s+/g, ' ');
    before(async function () {
        this.timeout(60_000);
        // This förbund's reglemente allows taking part at a distance.
        const data = JSON.parse(readFileSync('data/forbund/fryksdalen.json', 'utf8'));
        data.bodies[0].meetingRules = { distance: true };
        mkdirSync(dir.dir, { recursive: true });
        writeFileSync(join(dir.dir, 'fryksdalen.json'), JSON.stringify(data));
        h = await startMeeting({
            env: { FORBUND_DATA_DIR: dir.dir },
            onlineUrl: 'https://teams.microsoft.com/l/meetup-join/styrelsen',
            items: [
                [
                    INSATS,
                    'beslut',
                    'Att bevilja Jobbspåret 250 000 kr för 2026',
                    {
                        presenter: 'Tomas Ås',
                        links: 'Ansökan | https://contoso.sharepoint.com/sites/styrelsen/ansokan.pdf',
                    },
                ],
                [INFO, 'information', '', { details: 'Förbundschefen redovisar uppföljningen.' }],
            ],
            come: [P.A, P.B, P.C, P.E, P.F, P.Dx, P.Fx],
            absent: [P.D],
        });
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, form, 'Spara', channel, { justerare: `${h.personId(P.B)},${h.personId(P.C)}` });
        h.at(10);
    });
    after(async () => {
        await h.close();
        dir.cleanup();
    });

    it('When the meeting runs with yrkanden, an open vote, jäv and a reservation and is closed and justerat, then the record is final', async function () {
        this.timeout(60_000);
        for (const title of ['Val av justerare', 'Godkännande av dagordning'])
            await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, h.itemId(title));
        let card = await h.press(P.E, h.kallelse, 'Yrkanden och votering…', channel, {}, h.itemId(INSATS));
        const yrka = async (c: Card, by: User, outcome: string) =>
            h.press(P.E, c, 'Lägg till yrkande', channel, { person: String(h.personId(by)), outcome });
        card = await yrka(card, P.A, 'bifall');
        card = await yrka(card, P.B, 'avslag');
        const [y1, y2] = h.t.bot.db.prepare('SELECT id FROM yrkanden ORDER BY id').pluck().all() as number[];
        const vote = (p: User, y: number | string) => [`v${h.personId(p)}`, String(y)];
        const res = await h.press(P.E, card, 'Registrera öppen omröstning', channel, {
            jav: String(h.personId(P.C)),
            ...Object.fromEntries([vote(P.E, y1), vote(P.A, y1), vote(P.Dx, y1), vote(P.B, y2), vote(P.F, 'avstar')]),
        });
        assert.match(textOf(res), /Omröstningen är registrerad \(1: 3, 2: 1, avstår 1\); yrkande 1 vann\./);
        const form = await h.press(P.E, h.posted(), 'Ändra beslutet…', channel, {}, h.itemId(INSATS));
        await h.press(P.E, form, 'Registrera beslutet', channel, {
            outcome: 'bifall',
            jav: String(h.personId(P.C)),
            reservationer: String(h.personId(P.B)),
            note: 'Leif Sand: insatsen bör följas upp efter ett halvår.',
        });
        h.at(95);
        await h.say(P.chef, 'avsluta mötet');
        for (const p of [P.E, P.B, P.C]) {
            const mine = cardOf(h.toUser(p).at(-1)!);
            assert.match(textOf(await h.press(p, mine, 'Justera', oneOnOne(p))), /justerat/);
        }
        const last = cardOf(h.toUser(P.E).at(-1)!);
        html = await (await h.fetchDoc(button(last, 'Öppna (HTML)').url)).text();
        const file = await h.fetchDoc(button(last, 'PDF').url);
        pdf = await readPdf(Buffer.from(await file.arrayBuffer()));
        assert.equal(h.count("SELECT count(*) FROM justering WHERE action = 'justerat'"), 3);
    });

    const elements: [string, RegExp][] = [
        ['body and förbund', /Protokoll – Styrelsen, Fryksdalens samordningsförbund/],
        ['date, start and end time', /Tid: fredag 12 december 2025 kl\. 13:00–14:35/],
        ['place', /Plats: Kommunhuset, Sunne/],
        ['distance participation', /möjlighet till deltagande på distans \(Teams-möte\)/],
        ['ordförande and sekreterare', /Ordförande: Eva Björk Sekreterare: Helena Vik/],
        ['närvarande ledamöter with part', /Närvarande ledamöter: [^:]*Anders Berg \(ledamot, Kils kommun\)/],
        ['tjänstgörande ersättare with part', /Tjänstgörande ersättare: Johan Ström \(ersättare, Försäkringskassan\)/],
        [
            'närvarande ersättare not serving',
            /Närvarande ersättare \(ej tjänstgörande\): Maria Holm \(ersättare, [^)]+\)/,
        ],
        ['övriga närvarande', /Övriga närvarande: Helena Vik \(förbundschef\), Tomas Ås \(föredragande\)/],
        ['frånvarande', /Frånvarande: Karin Ekberg/],
        ['ärende', /§ 7\/2025 Ansökan om medel för Jobbspåret/],
        [
            'föredragande and underlag',
            /Föredragande: Tomas Ås Underlag: Ansökan \(https:\/\/contoso\.sharepoint\.com\/sites\/styrelsen\/ansokan\.pdf\)/,
        ],
        ['förslag', /Förslag till beslut: Att bevilja Jobbspåret 250 000 kr för 2026/],
        [
            'yrkanden',
            /Yrkanden: Yrkande 1 \(Anders Berg\): bifall till förslaget Yrkande 2 \(Lena Strand\): avslag på förslaget/,
        ],
        ['propositionsordning', /Propositionsordning: Ordföranden ställer yrkande 1 mot yrkande 2 under proposition/],
        [
            'omröstning per ledamot',
            /Omröstning \(öppen\): (?=[^§]*Eva Björk: yrkande 1)(?=[^§]*Lena Strand: yrkande 2)(?=[^§]*Leif Sand: avstår)/,
        ],
        ['result', /Avstår – 1 Resultat: Yrkande 1 \(Anders Berg\): bifall till förslaget vann\./],
        [
            'beslut',
            /Beslut \(bifall enligt förslaget\): Styrelsen beslutar att bevilja Jobbspåret 250 000 kr för 2026\./,
        ],
        ['who took part', /Deltog i beslutet: (?:(?!Ingrid Fors)[^:])*Johan Ström \(ersättare, Försäkringskassan\)/],
        ['jäv', /Jäv: Ingrid Fors deltog inte i handläggningen\./],
        ['reservation', /Reservation: Lena Strand\./],
        ['protokollsanteckning', /Protokollsanteckning: Leif Sand: insatsen bör följas upp efter ett halvår\./],
        [
            'information item',
            /§ 8\/2025 Information om uppföljning Förbundschefen redovisar uppföljningen\. Informationen noteras\./,
        ],
        [
            'justering by the ordförande',
            /Ordförande: Eva Björk – justerat i Teams 12 december 2025 kl\. 14:35, SHA-256 [0-9a-f]{64}/,
        ],
        [
            'justering by each justerare',
            /Justerare: Lena Strand – justerat i Teams .*Justerare: Ingrid Fors – justerat i Teams/,
        ],
    ];
    for (const [what, re] of elements) {
        it(`When the justered protokoll is opened, then the HTML has the ${what}`, () => assert.match(flat(html), re));
        it(`When the justered protokoll is opened, then the PDF's extracted text has the ${what}`, () =>
            assert.match(pdf.text, re));
    }

    it('When the justering hashes are checked, then each is the SHA-256 of the justered text of that version', () => {
        const data = protokollSchema.parse(
            JSON.parse(
                h.t.bot.db.prepare('SELECT data FROM protokoll_versions WHERE version = 1').pluck().get() as string,
            ),
        );
        const sha = createHash('sha256').update(justeredText(data), 'utf8').digest('hex');
        const stored = h.t.bot.db.prepare('SELECT DISTINCT text_sha256 FROM justering').pluck().all();
        assert.deepEqual(stored, [sha]);
        assert.match(pdf.text, new RegExp(sha));
    });

    it('When the PDF is read, then it is tagged, its fonts are embedded, its metadata is set and its text follows reading order', () => {
        assert.ok(pdf.marked, 'MarkInfo /Marked true');
        for (const role of ['Document', 'H1', 'Sect', 'H2', 'P'])
            assert.ok(pdf.roles.has(role), `structure role ${role}`);
        assert.ok(pdf.fontsEmbedded, 'fonts embedded');
        assert.equal(pdf.info.Title, 'Protokoll – Styrelsen, Fryksdalens samordningsförbund');
        assert.equal(pdf.info.Author, 'Fryksdalens samordningsförbund');
        assert.equal(pdf.info.Language, 'sv-SE');
        assert.match(pdf.xmp, /<pdfaid:part>2<\/pdfaid:part>/);
        const order = [
            'Protokoll –',
            'Närvaro',
            '§ 1/2025',
            '§ 7/2025',
            'Yrkanden:',
            'Omröstning',
            'Beslut (bifall enligt förslaget): Styrelsen beslutar att bevilja',
            'Justering',
        ];
        const at = order.map((s) => pdf.text.indexOf(s));
        assert.deepEqual(
            [...at].sort((a, b) => a - b),
            at,
            `in order: ${at.join(',')}`,
        );
        assert.ok(at.every((i) => i >= 0));
    });
});
