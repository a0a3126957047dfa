// Signed, expiring download links (ics, protokoll, CSV): HMAC-SHA256 over path and expiry, checked in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict = 'ok' | 'expired' | 'bad-signature';

/** Creates a signer for links under `baseUrl()` (e.g. https://bot.example.org). `now` is injected for tests. */
export function createUrlSigner(opts: { secret: string; baseUrl: () => string; now: () => Date }) {
    const mac = (path: string, exp: number) => createHmac('sha256', opts.secret).update(`${path}\n${exp}`).digest();
    return {
        /** An absolute URL for `path` (starting with /) valid for `ttlSeconds`. */
        sign(path: string, ttlSeconds: number): string {
            const exp = Math.floor(opts.now().getTime() / 1000) + ttlSeconds;
            return `${opts.baseUrl().replace(/\/+$/, '')}${path}?exp=${exp}&sig=${mac(path, exp).toString('base64url')}`;
        },
        /** Checks a request's path, exp and sig query values. */
        verify(path: string, exp: string | undefined, sig: string | undefined): Verdict {
            if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'bad-signature';
            const given = Buffer.from(sig, 'base64url');
            const wanted = mac(path, Number(exp));
            if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'bad-signature';
            return Number(exp) * 1000 < opts.now().getTime() ? 'expired' : 'ok';
        },
    };
}
export type UrlSigner = ReturnType<typeof createUrlSigner>;
