// Runs the reminder tick with croner in Europe/Stockholm time: once at start, then every 15 minutes, never overlapping.
import { Cron } from 'croner';
import { TIME_ZONE } from '../domain/format';
import type { Logger } from '../log';
import type { TickReport } from './reminders';

/** Every 15 minutes: reminders go out at their hour (08:00) within a quarter of an hour. */
const REMINDER_PATTERN = '*/15 * * * *';

/** Starts the schedule; `stop()` ends it and waits for a running tick, so the database can be closed after. */
export function scheduleReminders(
    service: { tick(now: Date): Promise<TickReport>; idle(): Promise<void> },
    opts: { log: Logger; now?: () => Date; pattern?: string },
) {
    const now = opts.now ?? (() => new Date());
    const run = async () => {
        try {
            const report = await service.tick(now());
            if (report.planned || report.notices) opts.log.info('reminders tick', report);
        } catch (err) {
            opts.log.error('reminders tick failed', { error: err });
        }
    };
    const job = new Cron(
        opts.pattern ?? REMINDER_PATTERN,
        { name: 'reminders', timezone: TIME_ZONE, protect: true },
        run,
    );
    void run();
    return {
        /** The next scheduled tick. */
        nextRun: () => job.nextRun() ?? undefined,
        /** Stops the schedule and waits for a tick in progress. */
        async stop(): Promise<void> {
            job.stop();
            await service.idle();
        },
    };
}
