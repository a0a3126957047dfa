// Sliding-window rate limiter for Bot Connector calls: per-conversation windows plus one app-wide window.

/** One sliding window: at most `limit` acquisitions in any `windowMs` span. */
export interface RateWindow {
    limit: number;
    windowMs: number;
}

/** Windows applied to every conversation separately, and to the whole app together. */
export interface Limits {
    perConversation: RateWindow[];
    global: RateWindow[];
}

/** Teams' published limits per bot per conversation, and the app-wide ceiling of 30 requests per second. */
export const TEAMS_LIMITS: Limits = {
    perConversation: [
        { limit: 7, windowMs: 1_000 },
        { limit: 8, windowMs: 2_000 },
        { limit: 60, windowMs: 30_000 },
        { limit: 1_800, windowMs: 3_600_000 },
    ],
    global: [{ limit: 30, windowMs: 1_000 }],
};

/** Time source and sleep, injected so tests run on virtual time. */
export interface TimeDeps {
    clock: { now(): number };
    sleep: (ms: number) => Promise<void>;
}

/** A limiter that hands out send slots. */
export interface RateLimiter {
    /** Waits until `key` and the app both have a free slot in every window, then takes it; resolves to the ms waited. */
    acquire(key: string): Promise<number>;
    /** How many conversation keys currently hold timestamps (idle ones are dropped). */
    trackedKeys(): number;
}

/** Ms until `stamps` (ascending) has room for one more in `window` at `now`; 0 when there is room already. */
function waitFor(stamps: number[], window: RateWindow, now: number): number {
    const from = now - window.windowMs;
    let first = stamps.length;
    while (first > 0 && stamps[first - 1] > from) first--;
    const inWindow = stamps.length - first;
    if (inWindow < window.limit) return 0;
    // The slot frees once enough of the oldest in-window stamps slide out.
    return stamps[first + inWindow - window.limit] + window.windowMs - now;
}

function prune(stamps: number[], horizonMs: number, now: number): void {
    let drop = 0;
    while (drop < stamps.length && stamps[drop] <= now - horizonMs) drop++;
    if (drop > 0) stamps.splice(0, drop);
}

/** Creates a limiter; memory stays bounded because stamps older than the longest window and idle keys are dropped. */
export function createRateLimiter(deps: TimeDeps & { limits?: Partial<Limits> }): RateLimiter {
    const limits: Limits = { ...TEAMS_LIMITS, ...deps.limits };
    const longest = (windows: RateWindow[]): number => Math.max(0, ...windows.map((w) => w.windowMs));
    const horizon = longest(limits.perConversation);
    const globalHorizon = longest(limits.global);
    const perKey = new Map<string, number[]>();
    const global: number[] = [];
    let lastSweep = deps.clock.now();

    const sweep = (now: number): void => {
        if (now - lastSweep < horizon) return;
        lastSweep = now;
        for (const [key, stamps] of perKey) {
            prune(stamps, horizon, now);
            if (stamps.length === 0) perKey.delete(key);
        }
    };

    return {
        async acquire(key) {
            let waited = 0;
            for (;;) {
                const now = deps.clock.now();
                sweep(now);
                prune(global, globalHorizon, now);
                const stamps = perKey.get(key) ?? [];
                prune(stamps, horizon, now);
                const wait = Math.max(
                    ...limits.perConversation.map((w) => waitFor(stamps, w, now)),
                    ...limits.global.map((w) => waitFor(global, w, now)),
                );
                if (wait <= 0) {
                    stamps.push(now);
                    global.push(now);
                    perKey.set(key, stamps);
                    return waited;
                }
                // Check-and-take is synchronous, so concurrent callers re-check after waking instead of racing.
                await deps.sleep(wait);
                waited += wait;
            }
        },
        trackedKeys: () => perKey.size,
    };
}
