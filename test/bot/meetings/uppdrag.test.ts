import assert from 'node:assert/strict';
import { button, cardOf, textOf } from '../../helpers/cards';
import { channel, MEETING, oneOnOne, P, startMeeting, type Harness } from './harness';

// An uppdrag given with a beslut: stored, listed on the body's next agenda, the owner reminded, closed from the card.
describe('Meetings: uppdrag given with a beslut are followed up', () => {
    let h: Harness;
    const ITEM = 'Samverkan med arbetsgivare';
    const WHAT = 'Ta fram en plan för arbetsgivarsamverkan';
    const PART_ITEM = 'Gemensam rutin för remisser';
    before(async function () {
        this.timeout(60_000);
        h = await startMeeting({
            items: [
                [ITEM, 'beslut', 'Att ge förbundschefen i uppdrag att ta fram en plan'],
                [PART_ITEM, 'beslut', 'Att ge en part i uppdrag att föreslå en rutin'],
            ],
            come: [P.A, P.B, P.C, P.E, P.F],
            absent: [P.D],
        });
        const editor = await h.press(P.chef, h.kallelse, 'Redigera', channel);
        const justerare = await h.press(P.chef, editor, 'Justerare', channel);
        await h.press(P.chef, justerare, 'Spara', channel, { justerare: `${h.personId(P.B)},${h.personId(P.C)}` });
        h.at(10);
        for (const title of ['Val av justerare', 'Godkännande av dagordning'])
            await h.press(P.E, h.kallelse, 'Bifall enligt förslaget', channel, {}, h.itemId(title));
    });
    after(() => h.close());
    /** Moves the bot's clock and ticks the reminders at the same instant. */
    const tickAt = async (iso: string) => {
        h.at((Date.parse(iso) - MEETING) / 60_000);
        return h.t.bot.reminders.tick(new Date(iso));
    };

    it('When the uppdrag is half filled in, then the decision is refused and nothing is stored', async () => {
        const form = await h.press(P.E, h.kallelse, 'Annat beslut, jäv…', channel, {}, h.itemId(ITEM));
        const res = await h.press(P.E, form, 'Registrera beslutet', channel, { outcome: 'bifall', uppdragWhat: WHAT });
        assert.match(textOf(res), /Ett uppdrag behöver vad som ska göras, till vem och ett datum/);
        assert.equal(h.count('SELECT count(*) FROM decisions WHERE item_id = ?', h.itemId(ITEM)), 0);
        assert.equal(h.count('SELECT count(*) FROM uppdrag'), 0);
    });

    it('When the beslut gives the chef an uppdrag, then it is stored with the decision', async () => {
        const form = await h.press(P.E, h.kallelse, 'Annat beslut, jäv…', channel, {}, h.itemId(ITEM));
        const choices = JSON.stringify(form);
        assert.match(choices, /"value":"p:\d+"/);
        assert.match(choices, /\(part\)/);
        const res = await h.press(P.E, form, 'Registrera beslutet', channel, {
            outcome: 'bifall',
            uppdragWhat: WHAT,
            uppdragWho: `p:${h.personId(P.chef)}`,
            uppdragDue: '2026-01-20',
        });
        assert.match(textOf(res), /Uppdrag: Ta fram en plan för arbetsgivarsamverkan \(senast 2026-01-20\)/);
        assert.equal(h.count('SELECT count(*) FROM uppdrag WHERE decision_id IS NOT NULL AND done_at IS NULL'), 1);
        const partForm = await h.press(P.E, h.kallelse, 'Annat beslut, jäv…', channel, {}, h.itemId(PART_ITEM));
        const part = /"value":"(part:[a-z0-9-]+)"/.exec(JSON.stringify(partForm))?.[1] ?? '';
        await h.press(P.E, partForm, 'Registrera beslutet', channel, {
            outcome: 'bifall',
            uppdragWhat: 'Föreslå en rutin för remisser',
            uppdragWho: part,
            uppdragDue: '2026-01-10',
        });
        assert.equal(h.count('SELECT count(*) FROM uppdrag WHERE owner_part = ?', part.slice(5)), 1);
    });

    it('When the next meeting of the styrelse is created, then its agenda lists the uppdrag under "Uppföljning av uppdrag"', async () => {
        h.at(95);
        await h.say(P.E, 'avsluta mötet'); // clears what the connector saw before
        assert.equal(h.count("SELECT count(*) FROM meetings WHERE id = 1 AND status = 'stängd'"), 1);
        // The ordförande closed it: the draft protokoll goes to the chef as well.
        const draft = h.toUser(P.chef).map((m) => textOf(m.body));
        assert.ok(
            draft.some((m) => /Utkast till protokoll/.test(m) && /Protokoll/.test(m)),
            'the chef has the draft',
        );
        const reply = await h.say(P.chef, 'nytt styrelsemöte 5 februari 2026 13:00 i Kommunhuset, Sunne');
        const card = cardOf(reply);
        assert.match(textOf(card), /Uppföljning av uppdrag/);
        assert.match(textOf(card), /Helena Vik: Ta fram en plan för arbetsgivarsamverkan – senast 20 januari 2026/);
    });

    it('When anyone asks "vilka uppdrag är öppna?", then the open uppdrag is listed; "vad ska Helena göra" names it too', async () => {
        const open = await h.say(P.B, 'vilka uppdrag är öppna?');
        assert.match(
            open.body.text,
            /Öppna uppdrag \(2\):\n- \(2\) [^:]+: Föreslå en rutin för remisser – senast 10 januari 2026\n- \(1\) Helena Vik: Ta fram en plan/,
        );
        const hers = await h.say(P.B, 'vad ska Helena göra till nästa möte?');
        assert.match(hers.body.text, /Öppna uppdrag för Helena Vik:/);
        const notHers = await h.say(P.B, 'uppdrag 1 klart: gjort');
        assert.match(notHers.body.text, /Bara den som fått uppdraget eller förbundschefen/);
    });

    it("When a part's uppdrag is past its due day, then the chef is told once", async () => {
        const before = h.toUser(P.chef).length;
        await tickAt('2026-01-11T09:00:00Z');
        await tickAt('2026-01-12T09:00:00Z');
        const late = h
            .toUser(P.chef)
            .slice(before)
            .filter((s) => /Uppdrag ej klart: Föreslå en rutin/.test(textOf(s.body)));
        assert.equal(late.length, 1);
        const card = cardOf(await h.say(P.chef, 'visa dagordningen'));
        assert.match(textOf(card), /Föreslå en rutin för remisser – senast 10 januari 2026 \(försenat\)/);
    });

    it('When the tick passes 7 days before the due day, then the owner gets the uppdrag card once, even after downtime', async () => {
        const before = h.toUser(P.chef).length;
        // Downtime: the bot was not running on the 13th; the reminder is caught up on the 14th.
        await tickAt('2026-01-14T09:00:00Z');
        const sent = h
            .toUser(P.chef)
            .slice(before)
            .filter((s) => /Uppdrag: Ta fram en plan/.test(textOf(s.body)));
        assert.equal(sent.length, 1);
        await tickAt('2026-01-14T09:15:00Z');
        const again = h
            .toUser(P.chef)
            .slice(before)
            .filter((s) => /Uppdrag: Ta fram en plan/.test(textOf(s.body)));
        assert.equal(again.length, 1);
        const card = cardOf(sent[0]);
        const done = await h.press(P.chef, card, 'Markera som klart', oneOnOne(P.chef), {
            doneNote: 'Planen skickad till styrelsen',
        });
        assert.match(textOf(done), /Klart 14 januari 2026: Planen skickad till styrelsen/);
        assert.throws(() => button(done, 'Markera som klart'));
        assert.equal(h.count('SELECT count(*) FROM uppdrag WHERE done_at IS NOT NULL'), 1);
    });

    it('When the uppdrag is done, then the next agenda no longer lists it and the chef gets no overdue notice', async () => {
        const card = cardOf(await h.say(P.chef, 'visa dagordningen'));
        assert.doesNotMatch(textOf(card), /Ta fram en plan/);
        const before = h.toUser(P.chef).length;
        await tickAt('2026-01-21T09:00:00Z');
        const late = h
            .toUser(P.chef)
            .slice(before)
            .filter((s) => /Uppdrag ej klart/.test(textOf(s.body)));
        assert.equal(late.length, 0);
        assert.match((await h.say(P.B, 'vilka uppdrag är öppna?')).body.text, /Öppna uppdrag \(1\)/);
        assert.match(
            (await h.say(P.chef, 'uppdrag 2 klart: rutinen antagen')).body.text,
            /Noterat: uppdraget "Föreslå en rutin för remisser"/,
        );
        assert.match((await h.say(P.B, 'vilka uppdrag är öppna?')).body.text, /Det finns inga öppna uppdrag/);
        assert.doesNotMatch(textOf(cardOf(await h.say(P.chef, 'visa dagordningen'))), /Uppföljning av uppdrag/);
    });
});
