import assert from 'node:assert/strict';
import nock from 'nock';
import { channelMessage, personalMessage, type User } from '../fixtures/activities';
import { isolateNetwork, nockConnector, startBot, type TestBot } from '../helpers/bot';

const chef: User & { email: string } = {
    id: '29:helena',
    name: 'Helena Vik',
    aadObjectId: 'aad-helena',
    email: 'helena.vik@example.invalid',
};
const CHANNEL = '19:styrelse-channel@thread.tacv2';

describe('kallelse posted by itself 7 days before the meeting', () => {
    let t: TestBot;
    let connector: ReturnType<typeof nockConnector>;
    let clock = new Date('2025-11-20T10:00:00Z');
    before(isolateNetwork);
    beforeEach(async () => {
        clock = new Date('2025-11-20T10:00:00Z');
        connector = nockConnector({ [chef.id]: chef });
        t = await startBot({ overrides: { now: () => clock, sleep: async () => undefined } });
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    const toChannel = () =>
        connector.sent.filter((s) => s.method === 'POST' && decodeURIComponent(s.path).includes(CHANNEL));
    const meetingStatus = () => t.bot.db.prepare('SELECT status FROM meetings').pluck().get();

    it('When the meeting is more than 7 days away, then nothing is posted; at 7 days the agenda card is posted once', async () => {
        await t.post(channelMessage(chef, 'koppla kanalen till styrelsen', { channelId: CHANNEL }));
        await t.post(personalMessage(chef, 'nytt styrelsemöte 12 december 13:00'));
        assert.equal(meetingStatus(), 'utkast');
        connector.clear();

        await t.bot.reminders.tick(new Date('2025-12-01T07:00:00Z'));
        assert.equal(toChannel().length, 0, 'eleven days before: not yet');
        assert.equal(meetingStatus(), 'utkast');

        await t.bot.reminders.tick(new Date('2025-12-05T07:00:00Z'));
        const posted = toChannel();
        assert.equal(posted.length, 1, 'posted on the kallelse day');
        assert.equal(posted[0].body.attachments[0].content.type, 'AdaptiveCard');
        assert.equal(meetingStatus(), 'kallad');

        await Promise.all([
            t.bot.reminders.tick(new Date('2025-12-05T08:00:00Z')),
            t.bot.reminders.tick(new Date('2025-12-05T08:00:00Z')),
        ]);
        assert.equal(toChannel().length, 1, 'never posted twice');
    });

    it('When the body has no linked channel, then nothing is posted and the meeting stays a draft for the chef', async () => {
        await t.post(personalMessage(chef, 'nytt styrelsemöte 12 december 13:00'));
        connector.clear();
        await t.bot.reminders.tick(new Date('2025-12-05T07:00:00Z'));
        assert.equal(toChannel().length, 0);
        assert.equal(meetingStatus(), 'utkast');
    });
});
