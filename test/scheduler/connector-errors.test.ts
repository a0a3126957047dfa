import assert from 'node:assert/strict';
import { describeConnectorError, isRetryable, parseRetryAfter } from '../../src/scheduler/connector-errors';

describe('scheduler/connector-errors', () => {
    const now = Date.UTC(2025, 0, 15, 12, 0, 0);
    const retryAfterCases: { value: string | undefined; expected: number | undefined }[] = [
        { value: undefined, expected: undefined },
        { value: '', expected: undefined },
        { value: '2', expected: 2000 },
        { value: ' 0 ', expected: 0 },
        { value: '1.5', expected: 1500 },
        { value: new Date(now + 30_000).toUTCString(), expected: 30_000 },
        { value: new Date(now - 5_000).toUTCString(), expected: 0 },
        { value: 'soon', expected: undefined },
    ];
    for (const { value, expected } of retryAfterCases) {
        it(`When Retry-After is ${JSON.stringify(value)}, then the wait is ${expected} ms`, () => {
            assert.equal(parseRetryAfter(value, now), expected);
        });
    }

    const errorCases: {
        name: string;
        err: unknown;
        status?: number;
        code?: string;
        retryAfter?: string;
        retry: boolean;
    }[] = [
        {
            name: 'a RestError-shaped 429 with HttpHeaders',
            err: Object.assign(new Error('throttled'), {
                statusCode: 429,
                response: { status: 429, headers: new Map([['retry-after', '3']]) },
            }),
            status: 429,
            retryAfter: '3',
            retry: true,
        },
        {
            name: 'a 500 with plain-object headers',
            err: { statusCode: 500, message: 'boom', response: { headers: { 'Retry-After': '1' } } },
            status: 500,
            retryAfter: '1',
            retry: false,
        },
        {
            name: 'a status only on the response',
            err: { message: 'x', response: { status: 502 } },
            status: 502,
            retry: true,
        },
        {
            name: 'a socket reset',
            err: Object.assign(new Error('hang up'), { code: 'ECONNRESET' }),
            code: 'ECONNRESET',
            retry: true,
        },
        {
            name: 'an unknown send error',
            err: Object.assign(new Error('x'), { code: 'REQUEST_SEND_ERROR' }),
            code: 'REQUEST_SEND_ERROR',
            retry: false,
        },
        { name: 'a thrown string', err: 'nope', retry: false },
    ];
    for (const c of errorCases) {
        it(`When the connector throws ${c.name}, then status/code/Retry-After are read and retry is ${c.retry}`, () => {
            const failure = describeConnectorError(c.err);
            assert.deepEqual(
                { status: failure.status, code: failure.code, retryAfter: failure.retryAfter },
                { status: c.status, code: c.code, retryAfter: c.retryAfter },
            );
            assert.equal(isRetryable(failure), c.retry);
        });
    }
});
