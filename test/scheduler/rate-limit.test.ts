import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRateLimiter, TEAMS_LIMITS, type Limits } from '../../src/scheduler/rate-limit';
import { maxInWindow, virtualTime } from './virtual-time';

describe('scheduler/rate-limit', () => {
    const cases: { name: string; limits: Partial<Limits>; keys: string[]; expected: number[] }[] = [
        {
            name: 'When a conversation exceeds 2 per second, then the third acquisition waits for the oldest to expire',
            limits: { perConversation: [{ limit: 2, windowMs: 1000 }], global: [] },
            keys: ['a', 'a', 'a'],
            expected: [0, 0, 1000],
        },
        {
            name: 'When different conversations share only the global window, then the global limit paces them',
            limits: { perConversation: [{ limit: 5, windowMs: 1000 }], global: [{ limit: 2, windowMs: 1000 }] },
            keys: ['a', 'b', 'c', 'd'],
            expected: [0, 0, 1000, 1000],
        },
        {
            name: 'When two windows apply, then an acquisition waits for the stricter one',
            limits: {
                perConversation: [
                    { limit: 2, windowMs: 1000 },
                    { limit: 3, windowMs: 5000 },
                ],
                global: [],
            },
            keys: ['a', 'a', 'a', 'a'],
            expected: [0, 0, 1000, 5000],
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const vt = virtualTime();
            const limiter = createRateLimiter({ clock: vt.clock, sleep: vt.sleep, limits: c.limits });
            const times = await vt.runAll(
                c.keys.map((key) => async () => {
                    await limiter.acquire(key);
                    return vt.clock.now();
                }),
            );
            assert.deepEqual(times, c.expected);
        });
    }

    it('When a conversation stays idle longer than the longest window, then its key is dropped', async () => {
        const vt = virtualTime();
        const limiter = createRateLimiter({ clock: vt.clock, sleep: vt.sleep });
        await vt.runAll([() => limiter.acquire('a'), () => limiter.acquire('b')]);
        assert.equal(limiter.trackedKeys(), 2);
        await vt.runAll([() => vt.sleep(3_600_000)]);
        await vt.runAll([() => limiter.acquire('b')]);
        assert.equal(limiter.trackedKeys(), 1);
    });

    it('When any sequence of acquisitions runs concurrently, then no Teams window is ever exceeded', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 80 }),
                async (keys) => {
                    const vt = virtualTime();
                    const limiter = createRateLimiter({
                        clock: vt.clock,
                        sleep: vt.sleep,
                        limits: { global: [{ limit: 10, windowMs: 1000 }] },
                    });
                    const log = await vt.runAll(
                        keys.map((key) => async () => {
                            await limiter.acquire(key);
                            return { key, at: vt.clock.now() };
                        }),
                    );
                    assert.ok(
                        maxInWindow(
                            log.map((e) => e.at),
                            1000,
                        ) <= 10,
                    );
                    for (const key of new Set(keys)) {
                        const times = log.filter((e) => e.key === key).map((e) => e.at);
                        for (const w of TEAMS_LIMITS.perConversation)
                            assert.ok(maxInWindow(times, w.windowMs) <= w.limit);
                    }
                },
            ),
            { numRuns: 50 },
        );
    });
});
