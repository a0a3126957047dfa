// Downloads a file a user sent the bot in Teams. The downloadUrl is a short-lived bearer link to the user's OneDrive or
// SharePoint: it is untrusted input, so only https to Microsoft's file hosts (checked again on every redirect, which we
// follow ourselves), a hard size cap while streaming, a timeout, and the URL is never logged, stored or put in an error.
export const FILE_FETCH_LIMITS = {
    /** The attachment carries no size: the stream is cut here. */
    maxBytes: 25 * 1024 * 1024,
    /** For the whole download, redirects included. */
    timeoutMs: 30_000,
    maxRedirects: 5,
};

/** The hosts Teams puts a personal-chat file on (OneDrive for Business / SharePoint, consumer OneDrive). */
const FILE_HOSTS = [
    /\.sharepoint\.com$/,
    /\.sharepoint-df\.com$/,
    /\.sharepoint\.us$/,
    /\.sharepoint\.de$/,
    /\.sharepoint\.cn$/,
    /\.svc\.ms$/,
    /^onedrive\.live\.com$/,
    /\.1drv\.com$/,
    /^1drv\.ms$/,
    /\.onedrive\.com$/,
];

export type FileFetchFailure = 'not-https' | 'foreign-host' | 'too-large' | 'timeout' | 'http-status' | 'network';

/** Why a download failed; deliberately without the URL. */
export class FileFetchError extends Error {
    override readonly name = 'FileFetchError';
    constructor(readonly reason: FileFetchFailure) {
        super(`file download failed: ${reason}`);
    }
}

/** True when `raw` is an https URL on one of the file hosts. */
export function isFileHostUrl(raw: string): boolean {
    return checkUrl(raw) === undefined;
}

function checkUrl(raw: string): FileFetchFailure | undefined {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        return 'not-https';
    }
    if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443'))
        return 'not-https';
    const host = url.hostname.toLowerCase();
    return FILE_HOSTS.some((h) => h.test(host)) ? undefined : 'foreign-host';
}

/** Fetches `raw` into memory (at most `limits.maxBytes`); throws FileFetchError. */
export async function fetchSentFile(raw: string, limits = FILE_FETCH_LIMITS): Promise<Buffer> {
    const signal = AbortSignal.timeout(limits.timeoutMs);
    try {
        let url = raw;
        for (let hop = 0; ; hop++) {
            const bad = checkUrl(url);
            if (bad) throw new FileFetchError(bad);
            const res = await fetch(url, { redirect: 'manual', signal });
            if (res.status >= 300 && res.status < 400) {
                await res.body?.cancel();
                const next = res.headers.get('location');
                if (!next || hop >= limits.maxRedirects) throw new FileFetchError('http-status');
                url = new URL(next, url).toString();
                continue;
            }
            if (!res.ok || !res.body) {
                await res.body?.cancel();
                throw new FileFetchError('http-status');
            }
            const declared = Number(res.headers.get('content-length') ?? NaN);
            if (declared > limits.maxBytes) {
                await res.body.cancel();
                throw new FileFetchError('too-large');
            }
            const chunks: Buffer[] = [];
            let total = 0;
            const reader = (res.body as ReadableStream<Uint8Array>).getReader();
            for (;;) {
                const { done, value } = await reader.read();
                if (done) break;
                total += value.byteLength;
                if (total > limits.maxBytes) {
                    await reader.cancel();
                    throw new FileFetchError('too-large');
                }
                chunks.push(Buffer.from(value));
            }
            return Buffer.concat(chunks);
        }
    } catch (err) {
        if (err instanceof FileFetchError) throw err;
        if (signal.aborted) throw new FileFetchError('timeout');
        throw new FileFetchError('network');
    }
}
