// Proactive sender: posts or updates an activity at a stored conversation reference within Teams limits, with retries.
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ExponentialBackoff, noJitterGenerator, type GeneratorFn, type IBackoff } from 'cockatiel';
import { z } from 'zod';
import { describeConnectorError, isRetryable, parseRetryAfter, type ConnectorFailure } from './connector-errors';
import { createRateLimiter, TEAMS_LIMITS, type Limits, type RateWindow } from './rate-limit';

/** Outcome of one proactive send or update; failures are values, never thrown. */
export type SendResult =
    | { ok: true; activityId?: string; attempts: number }
    | { ok: false; status?: number; error: string; attempts: number };

/** Structured log events, for the caller's logger. */
export type SenderEvent =
    | { kind: 'throttled'; conversationId: string; waitedMs: number }
    | { kind: 'retry'; conversationId: string; attempt: number; status?: number; code?: string; delayMs: number }
    | { kind: 'failed'; conversationId: string; attempts: number; status?: number; error: string }
    | { kind: 'untrusted-service-url'; conversationId: string; serviceUrl: string }
    | { kind: 'sdk-retry-still-active'; conversationId: string };

/** The part of CloudAdapter / teams-ai TeamsAdapter the sender uses. */
export type ProactiveAdapter = Pick<CloudAdapter, 'continueConversationAsync' | 'ConnectorClientKey'>;

/** Dependencies; `appId` is '' when auth is off (undefined makes botbuilder throw). */
export interface ProactiveSenderDeps {
    adapter: ProactiveAdapter;
    appId: string;
    /**
     * When given, a reference whose service URL it does not vouch for is not sent to: with authentication on, the
     * request would carry the bot's own token to that URL.
     */
    trustsServiceUrl?: (serviceUrl: string) => boolean;
    clock: { now(): number };
    sleep: (ms: number) => Promise<void>;
    random?: () => number;
    limits?: Partial<Limits>;
    /** Added to every window's length (default 250 ms): network jitter must not push two windows' worth into one. */
    marginMs?: number;
    /** Total HTTP attempts per send, first one included. */
    maxAttempts?: number;
    backoff?: { initialDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
    log?: (event: SenderEvent) => void;
}

/** Sends and updates activities proactively. */
export interface ProactiveSender {
    send(ref: Partial<ConversationReference>, activity: Partial<Activity>): Promise<SendResult>;
    update(ref: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<SendResult>;
}

const StoredReference = z.object({
    serviceUrl: z.string().url(),
    conversation: z.object({ id: z.string().min(1) }),
});

/**
 * The connector's @azure/core-client pipeline carries `defaultRetryPolicy` (3 retries on 408/429/5xx except
 * 501/505 and socket errors, on real timers). It would multiply our attempts (up to 4 × maxAttempts) and bypass the
 * injected sleep, so it is removed from this turn's own ConnectorClient. Returns false if the SDK's shape changed.
 */
function disableSdkRetries(adapter: ProactiveAdapter, ctx: TurnContext): boolean {
    const connector = ctx.turnState.get<
        | {
              client?: {
                  pipeline?: { removePolicy(p: { name: string }): unknown; getOrderedPolicies(): { name: string }[] };
              };
          }
        | undefined
    >(adapter.ConnectorClientKey);
    const pipeline = connector?.client?.pipeline;
    if (!pipeline) return false;
    pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    return !pipeline.getOrderedPolicies().some((p) => p.name === 'defaultRetryPolicy');
}

/** Creates the sender; every call awaits delivery or returns the final failure. */
export function createProactiveSender(deps: ProactiveSenderDeps): ProactiveSender {
    const { adapter, appId, clock, sleep, log = () => {} } = deps;
    const random = deps.random ?? Math.random;
    const maxAttempts = Math.max(1, deps.maxAttempts ?? 5);
    const maxRetryAfterMs = deps.backoff?.maxRetryAfterMs ?? 60_000;
    const base = { ...TEAMS_LIMITS, ...deps.limits };
    const margin = deps.marginMs ?? 250;
    const widen = (ws: RateWindow[]) => ws.map((w) => ({ ...w, windowMs: w.windowMs + margin }));
    const limiter = createRateLimiter({
        clock,
        sleep,
        limits: { perConversation: widen(base.perConversation), global: widen(base.global) },
    });
    // Full jitter over cockatiel's exponential cap, drawn from the injected random so tests are deterministic.
    const fullJitter: GeneratorFn<number> = (state, options) => {
        const [cap, next] = noJitterGenerator(state, options);
        return [Math.floor(random() * cap), next];
    };
    const backoffFactory = new ExponentialBackoff({
        generator: fullJitter,
        initialDelay: deps.backoff?.initialDelayMs ?? 1_000,
        maxDelay: deps.backoff?.maxDelayMs ?? 30_000,
    });

    async function attempt(ref: ConversationReference, act: (ctx: TurnContext) => Promise<string | undefined>) {
        let failure: unknown;
        let activityId: string | undefined;
        const conversationId = ref.conversation.id;
        try {
            await adapter.continueConversationAsync(appId, ref, async (ctx) => {
                if (!disableSdkRetries(adapter, ctx)) log({ kind: 'sdk-retry-still-active', conversationId });
                // The slot is taken here, right before the HTTP request, so the time counted is the time it leaves:
                // taken earlier, the SDK's variable setup time let requests bunch up on arrival.
                const waitedMs = await limiter.acquire(conversationId);
                if (waitedMs > 0) log({ kind: 'throttled', conversationId, waitedMs });
                // Caught here, not outside: an adapter onTurnError handler would otherwise swallow the error.
                try {
                    activityId = await act(ctx);
                } catch (err) {
                    failure = err;
                }
            });
        } catch (err) {
            failure = err;
        }
        return failure === undefined ? { ok: true as const, activityId } : { ok: false as const, failure };
    }

    // cockatiel's RetryPolicy waits on its own setTimeout, which our injected sleep cannot replace, so this loop
    // drives cockatiel's backoff instead.
    async function deliver(
        rawRef: Partial<ConversationReference>,
        act: (ctx: TurnContext) => Promise<string | undefined>,
    ): Promise<SendResult> {
        const parsed = StoredReference.safeParse(rawRef);
        if (!parsed.success)
            return { ok: false, error: `unusable conversation reference: ${parsed.error.message}`, attempts: 0 };
        const ref = rawRef as ConversationReference;
        const conversationId = parsed.data.conversation.id;
        const { serviceUrl } = parsed.data;
        if (deps.trustsServiceUrl && !deps.trustsServiceUrl(serviceUrl)) {
            log({ kind: 'untrusted-service-url', conversationId, serviceUrl });
            const error = 'service URL not learned from an authenticated request';
            return { ok: false, error, attempts: 0 };
        }
        let backoff: IBackoff<unknown> | undefined;
        for (let n = 1; ; n++) {
            const result = await attempt(ref, act);
            if (result.ok) return { ok: true, activityId: result.activityId, attempts: n };
            const last = describeConnectorError(result.failure);
            const retryAfterMs = parseRetryAfter(last.retryAfter, clock.now()) ?? 0;
            if (!isRetryable(last) || n === maxAttempts || retryAfterMs > maxRetryAfterMs) {
                return fail(conversationId, last, n, retryAfterMs > maxRetryAfterMs ? retryAfterMs : undefined);
            }
            backoff = backoff ? backoff.next(undefined) : backoffFactory.next();
            const delayMs = Math.max(retryAfterMs, backoff.duration);
            log({ kind: 'retry', conversationId, attempt: n, status: last.status, code: last.code, delayMs });
            await sleep(delayMs);
        }
    }

    function fail(conversationId: string, f: ConnectorFailure, attempts: number, tooLongMs?: number): SendResult {
        const base =
            f.status !== undefined ? `HTTP ${f.status}: ${f.message}` : f.code ? `${f.code}: ${f.message}` : f.message;
        const error = tooLongMs !== undefined ? `${base} (Retry-After ${tooLongMs} ms exceeds the limit)` : base;
        log({ kind: 'failed', conversationId, attempts, status: f.status, error });
        return { ok: false, status: f.status, error, attempts };
    }

    return {
        send: (ref, activity) => deliver(ref, async (ctx) => (await ctx.sendActivity(activity))?.id),
        update: (ref, activityId, activity) =>
            deliver(ref, async (ctx) => {
                await ctx.updateActivity({ ...activity, id: activityId });
                return activityId;
            }),
    };
}
