// Posts a meeting's kallelse by itself when the meeting is the förbund's kallelse days away and nobody has sent it.
import type { BotDeps } from '../deps';
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns/startOfDay';
import { calendarOf } from '../../domain/deadlines';
import { TIME_ZONE } from '../../domain/format';
import { sendKallelse } from './publish';
import { loadState } from '../meeting/state';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Sends every kallelse that is due at `now` (default 7 days before the meeting) and still unsent, as the meeting's
 * creator; returns how many were posted. A meeting whose body has no linked channel is left for the chef, whom the
 * reminder service reminds on the same day.
 */
export async function sendDueKallelser(ad: BotDeps, now: Date): Promise<number> {
    let posted = 0;
    for (const f of ad.forbund.list()) {
        const daysBefore = calendarOf(f).kallelseDaysBefore;
        for (const m of ad.meetings.upcoming(f.id, undefined, now)) {
            // Due from the start of the kallelse day, Stockholm time (the day the reminder service names).
            const meetingDay = startOfDay(new TZDate(m.startsAt.getTime(), TIME_ZONE)).getTime();
            if (m.status !== 'utkast' || meetingDay - now.getTime() > daysBefore * DAY_MS) continue;
            const st = loadState(ad, m.id);
            const actor = ad.roster.byId(m.createdBy);
            if (!st || !actor) continue;
            const result = await sendKallelse(ad, st, actor, 'sv');
            ad.log.info('kallelse due', { meetingId: m.id, posted: result.ok });
            if (result.ok) posted++;
        }
    }
    return posted;
}

/** Runs `sendDueKallelser` one call at a time, so two overlapping ticks cannot post the same kallelse twice. */
export function createKallelseJob(ad: BotDeps) {
    let running: Promise<number> | undefined;
    return (now: Date): Promise<number> => (running ??= sendDueKallelser(ad, now).finally(() => (running = undefined)));
}
