// The meeting an action key names (`meeting:<id>`): its version for stale-card checks and its förbund for scope.
import type { BotDeps } from '../deps';
import { meetingIdOf } from './state';

/** The version of the meeting a key names (undefined when gone): stale cards are refused by registerAction. */
export const meetingVersion = (ad: BotDeps) => (record: string) => {
    const id = meetingIdOf(record);
    return id === undefined ? undefined : ad.meetings.version(id);
};

/** The förbund of the meeting a `<prefix>:<id>` key names; undefined when it is gone (the card is then stale). */
export const meetingForbund =
    (ad: BotDeps, prefix = 'meeting') =>
    (record: string) => {
        const m = new RegExp(`^${prefix}:(\\d{1,12})$`).exec(record);
        return m ? ad.meetings.get(Number(m[1]))?.forbundId : undefined;
    };
