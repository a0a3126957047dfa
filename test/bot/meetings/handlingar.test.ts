import assert from 'node:assert/strict';
import { button, cardOf, textOf } from '../../helpers/cards';
import { readPdf } from '../../helpers/pdf';
import { channel, P, startMeeting, type Harness } from './harness';

// Handlingar: SharePoint/OneDrive links with a version note on an item, in the kallelse and the protokoll's underlag.
describe('Meetings: handlingar on an agenda item', () => {
    let h: Harness;
    const ITEM = 'Verksamhetsplan 2026';
    const VP = 'https://contoso.sharepoint.com/sites/styrelsen/Delade%20dokument/vp-2026.docx';
    const BUDGET = 'https://contoso-my.sharepoint.com/personal/helena_vik/Documents/budget-2026.xlsx';
    const proposal = 'Att fastställa verksamhetsplanen för 2026';
    const linksOf = () => h.t.bot.db.prepare('SELECT links FROM agenda_items WHERE id = ?').pluck().get(h.itemId(ITEM));
    const version = () => h.count('SELECT version FROM meetings WHERE id = 1');
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [[ITEM, 'beslut', proposal, { links: `Verksamhetsplan 2026 | ${VP} | utkast 1` }]],
            come: [P.A, P.B, P.C, P.E, P.F],
            absent: [P.D],
        });
    });
    after(() => h.close());
    /** Saves the item's form with `links`, in Swedish or from an English client. */
    const save = async (links: string, en = false) => {
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const form = await h.press(P.chef, editor, 'Ändra', channel, { itemId: h.itemId(ITEM) });
        const values = { itemId: h.itemId(ITEM), title: ITEM, kind: 'beslut', proposal, links };
        return en ? h.pressEn(P.chef, form, 'Spara', channel, values) : h.press(P.chef, form, 'Spara', channel, values);
    };

    it('When the kallelse is sent, then it lists the handling with its title, link and version note', () => {
        const text = textOf(h.kallelse);
        assert.match(
            text,
            /Handlingar: \[Verksamhetsplan 2026\]\(https:\/\/contoso\.sharepoint\.com\/[^)]+\) \(utkast 1\)/,
        );
        assert.doesNotMatch(text, /ändrad/);
    });

    it('When the chef pastes a link on another host or a Teams download link, then it is refused and nothing is stored', async () => {
        const before = [linksOf(), version()];
        const foreign = await save('Verksamhetsplan 2026 | https://files.example.org/vp-2026.docx');
        assert.match(
            textOf(foreign),
            /Handlingen på rad 1 ligger inte på SharePoint eller OneDrive.*Inget har sparats/,
        );
        const download = `${VP.replace('/Delade%20dokument/vp-2026.docx', '/_layouts/15/download.aspx')}?UniqueId=8f1c&tempauth=eyJ0eXAiOiJKV1Qi&ApiVersion=2.0`;
        const bearer = await save(`Verksamhetsplan 2026 | ${download}`);
        assert.match(textOf(bearer), /tillfällig nedladdningslänk från Teams/);
        const en = await save(`Verksamhetsplan 2026 | ${download}`, true);
        assert.match(textOf(en), /temporary Teams download link.*Nothing was saved/);
        assert.doesNotMatch(textOf(en), /tillfällig/);
        assert.deepEqual([linksOf(), version()], before);
        assert.ok(!String(linksOf()).includes('tempauth'), 'no download URL is stored');
    });

    it('When a handling changes after the kallelse was sent, then members see it marked "ändrad" (and a new one "ny")', async () => {
        h.at(-7 * 24 * 60); // a week before the meeting, after the kallelse
        const saved = await save(`Verksamhetsplan 2026 | ${VP} | utkast 2\nBudget 2026 | ${BUDGET}`);
        assert.match(textOf(saved), /Punkt \d+ är sparad/);
        const posted = textOf(h.posted());
        assert.match(posted, /\[Verksamhetsplan 2026\]\([^)]+\) \(utkast 2\) – \*\*ändrad\*\*/);
        assert.match(posted, /\[Budget 2026\]\([^)]+\) – \*\*ny\*\*/);
        assert.match((await h.say(P.B, 'visa dagordningen')).body.text, /\(utkast 2\) – \*\*ändrad\*\*/);
        assert.match((await h.say(P.B, 'show the agenda')).body.text, /Documents: .*\(utkast 2\) – \*\*changed\*\*/);
    });

    it('When the meeting is closed, then the protokoll lists the handlingar as underlag in HTML and PDF', async function () {
        this.timeout(60_000);
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const justerare = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, justerare, 'Spara', channel, { justerare: `${h.personId(P.B)},${h.personId(P.C)}` });
        h.at(10);
        for (const title of ['Val av justerare', 'Godkännande av dagordning', ITEM])
            await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, h.itemId(title));
        h.at(95);
        await h.say(P.E, 'avsluta mötet');
        const card = cardOf(h.toUser(P.E).at(-1)!);
        const underlag =
            /Underlag: Verksamhetsplan 2026, utkast 2 \(https:\/\/contoso\.sharepoint\.com\/[^)]+\); Budget 2026 \(https:\/\/contoso-my\.sharepoint\.com\/[^)]+\)/;
        assert.match(textOf(card), underlag);
        const html = (await (await h.fetchDoc(button(card, 'Öppna (HTML)').url)).text()).replace(/&amp;/g, '&');
        assert.match(html, underlag);
        const pdf = await readPdf(Buffer.from(await (await h.fetchDoc(button(card, 'PDF').url)).arrayBuffer()));
        assert.match(pdf.text, /Underlag: Verksamhetsplan 2026, utkast 2/);
        assert.match(pdf.text, /Budget 2026/);
    });
});
