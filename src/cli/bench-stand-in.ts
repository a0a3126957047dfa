// Source of the connector stand-in the reminder bench runs in a worker thread (plain JS, evaluated by the worker).

/**
 * The connector stand-in runs in a worker thread with its own event loop, so arrival times are not skewed by the
 * bot's work in this thread. It answers 429 (Retry-After: 1) to a seeded 20 % of requests, 200 to the rest.
 */
export const STAND_IN = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:http');
let seed = workerData.seed;
const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const requests = {};
const accepted = {};
let throttled = 0;
const server = createServer((req, res) => {
    const at = Date.now();
    const conversation = decodeURIComponent((req.url || '').split('/')[3] || '');
    (requests[conversation] = requests[conversation] || []).push(at);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        if (random() < workerData.share) {
            throttled++;
            res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
            return res.end(JSON.stringify({ error: { code: 'Throttled' } }));
        }
        const text = String(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}').text);
        // Only the reminders themselves count; a notice to the chef names a reminder too.
        const marker = conversation.startsWith('a:29:bench-') ? (/bench-[0-9]+-[0-9]+/.exec(text) || [])[0] : undefined;
        if (marker) accepted[marker] = (accepted[marker] || 0) + 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'act-' + at }));
    });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', () => server.close(() => parentPort.postMessage({ requests, accepted, throttled })));
`;
/** What the stand-in reports when stopped: request times per conversation, acceptances per reminder. */
export type StandInResult = { requests: Record<string, number[]>; accepted: Record<string, number>; throttled: number };
