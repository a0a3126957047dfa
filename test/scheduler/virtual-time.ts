// Virtual time for scheduler tests: time jumps to the next sleeper's wake-up only once every running task is asleep.
import { createClock } from '@sinonjs/fake-timers';

/** A virtual clock plus sleep; `runAll` marks tasks as running so time never moves under an in-flight request. */
export function virtualTime(start = 0) {
    const timers = createClock(start);
    const sleeps: number[] = [];
    let running = 0;
    // Real HTTP (nock) is in flight whenever a running task is not asleep, so only then is advancing safe.
    const advanceIfIdle = (): void => {
        if (running > 0 && timers.countTimers() === running) timers.next();
    };
    return {
        clock: { now: (): number => timers.now },
        sleeps,
        sleep: (ms: number): Promise<void> => {
            sleeps.push(ms);
            return new Promise<void>((resolve) => {
                timers.setTimeout(() => resolve(), ms);
                advanceIfIdle();
            });
        },
        async runAll<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
            running += tasks.length;
            return Promise.all(
                tasks.map(async (task) => {
                    try {
                        return await task();
                    } finally {
                        running--;
                        advanceIfIdle();
                    }
                }),
            );
        },
    };
}

/** Largest number of `times` falling in any half-open span [t, t + windowMs). */
export function maxInWindow(times: number[], windowMs: number): number {
    const sorted = [...times].sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[i] - sorted[j] >= windowMs) j++;
        best = Math.max(best, i - j + 1);
    }
    return best;
}
