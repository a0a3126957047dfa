// Reads status, network code and Retry-After out of errors thrown by the Bot Connector client, and says which to retry.

/** What the sender needs to know about one failed connector call. */
export interface ConnectorFailure {
    status?: number;
    code?: string;
    retryAfter?: string;
    message: string;
}

/** Statuses Teams documents as transient; other 4xx and 500 are final. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** Socket-level failures worth another try (the connector's RestError carries them in `code`). */
const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'ESOCKETTIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
]);

type HeaderBag = { get?: (name: string) => string | null | undefined } | Record<string, unknown>;

function header(headers: HeaderBag | undefined, name: string): string | undefined {
    if (!headers || typeof headers !== 'object') return undefined;
    const get: unknown = headers.get;
    if (typeof get === 'function') {
        const value: unknown = (get as (this: unknown, name: string) => unknown).call(headers, name);
        return typeof value === 'string' ? value : undefined;
    }
    const hit = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
    return typeof hit?.[1] === 'string' ? hit[1] : undefined;
}

/**
 * Describes an error from `continueConversationAsync`/`sendActivity`: botframework-connector throws an
 * @azure/core-rest-pipeline `RestError` with `statusCode`, `code` and `response.headers` (an HttpHeaders with `get`).
 */
export function describeConnectorError(err: unknown): ConnectorFailure {
    if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) return { message: String(err) };
    const e = err as {
        statusCode?: unknown;
        code?: unknown;
        message?: unknown;
        response?: { status?: unknown; headers?: HeaderBag };
    };
    const rawStatus = e.statusCode ?? e.response?.status;
    const status = typeof rawStatus === 'number' ? rawStatus : undefined;
    return {
        status,
        code: typeof e.code === 'string' ? e.code : undefined,
        retryAfter: header(e.response?.headers, 'retry-after'),
        message: typeof e.message === 'string' && e.message ? e.message : 'unknown connector error',
    };
}

/** True when another attempt may succeed. */
export function isRetryable(failure: ConnectorFailure): boolean {
    if (failure.status !== undefined) return RETRYABLE_STATUSES.has(failure.status);
    return failure.code !== undefined && RETRYABLE_NETWORK_CODES.has(failure.code);
}

/** Retry-After (delta-seconds or HTTP-date) as ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
    if (value === undefined || value.trim() === '') return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
