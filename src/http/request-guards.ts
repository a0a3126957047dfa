// Checks on a request's headers that run before any byte of its body is read.
import { MIMEType } from 'node:util';
import type restify from 'restify';
import type { Logger } from '../log';

/**
 * Only an uncompressed `application/json` body (charset utf-8 or none) may reach the body parser: restify would inflate
 * gzip past its size limit, and hand multipart bodies to formidable, which writes them to the temp folder.
 * The Bot Connector sends neither.
 */
export function jsonBodyOnly(log: Logger): restify.RequestHandler {
    return (req, res, next) => {
        const identity = req.header('content-encoding', 'identity').trim().toLowerCase() === 'identity';
        const json = isJson(req.header('content-type'));
        if (identity && json) {
            // restify's bodyReader refuses "identity" (it knows only none and gzip); it means none.
            delete req.headers['content-encoding'];
            return next();
        }
        const reason = identity ? 'content-type' : 'content-encoding';
        log.warn('body refused', { requestId: req.id(), reason });
        res.header('accept-encoding', 'identity');
        res.send(415, { error: 'unsupported media type' });
        return next(false);
    };
}

function isJson(contentType: string | undefined): boolean {
    if (!contentType) return false;
    let type: MIMEType;
    try {
        type = new MIMEType(contentType);
    } catch {
        return false;
    }
    const params = [...type.params.keys()];
    const charset = type.params.get('charset')?.toLowerCase();
    return (
        type.essence === 'application/json' &&
        params.every((p) => p === 'charset') &&
        (charset === undefined || charset === 'utf-8')
    );
}

/**
 * Headers a proxy or tunnel adds on the way in: X-Forwarded-* and X-Original-* (dev tunnels, ngrok, IIS/ARR, nginx),
 * RFC 7239 Forwarded, Via, and the client-address headers of CDNs and tunnels.
 */
const FORWARDING_PREFIXES = ['x-forwarded-', 'x-original-', 'x-ms-devtunnel', 'x-arr-'];
const FORWARDING_HEADERS = new Set([
    'forwarded',
    'via',
    'x-real-ip',
    'x-client-ip',
    'true-client-ip',
    'cf-connecting-ip',
    'cdn-loop',
]);

/** The forwarding headers a request carries (names only). */
function forwardingHeaders(req: { headers: Record<string, unknown> }): string[] {
    return Object.keys(req.headers).filter(
        (h) => FORWARDING_HEADERS.has(h) || FORWARDING_PREFIXES.some((p) => h.startsWith(p)),
    );
}

/**
 * Without an app id nothing is authenticated, so a request that came through a proxy or tunnel is refused: the bot
 * would otherwise take anyone on the internet at their word (sender, member look-up, serviceUrl).
 */
export function refuseForwarded(log: Logger): restify.RequestHandler {
    return (req, res, next) => {
        const headers = forwardingHeaders(req);
        if (headers.length === 0) return next();
        log.warn('forwarded request refused: MicrosoftAppId is not set, so requests are not authenticated', {
            requestId: req.id(),
            headers,
        });
        res.send(403, { error: 'authentication is not configured; requests through a proxy or tunnel are refused' });
        return next(false);
    };
}
