// The HTTP surface: POST /api/messages into the adapter, GET /healthz; nothing else.
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Response as AdapterResponse } from 'botbuilder';
import restify from 'restify';
import { setRequestLog } from '../bot/request-log';
import type { Logger } from '../log';
import type { Downloads } from './downloads';
import type { UrlSigner } from './signed-url';
import { inboundActivity } from './activity';
import { jsonBodyOnly, refuseForwarded } from './request-guards';

const MAX_BODY_BYTES = 256 * 1024;

export type ServerDeps = {
    adapter: TeamsAdapter;
    app: Application<TurnState>;
    log: Logger;
    isReady: () => boolean;
    signer: UrlSigner;
    downloads: Downloads;
    /** Whether inbound requests are authenticated (an app id is configured). */
    authenticated: boolean;
};

/** Creates the restify server with its routes; the caller listens and closes. */
export function createHttpServer(deps: ServerDeps): restify.Server {
    const server = restify.createServer({ name: 'finsam-bot', handleUncaughtExceptions: false });
    // Every answer names its request id, so what a caller saw can be matched to the log lines of that request.
    server.pre((req, res, next) => {
        res.header('x-request-id', req.id());
        return next();
    });
    if (!deps.authenticated) server.pre(refuseForwarded(deps.log));

    // restify takes a two-argument handler only if it is an AsyncFunction; a throw then becomes a 500, not a crash.
    // eslint-disable-next-line @typescript-eslint/require-await
    server.get('/healthz', async (_req, res) => {
        res.send(deps.isReady() ? 200 : 503, { status: deps.isReady() ? 'ok' : 'starting' });
    });

    server.get('/files/:kind/:id', async (req, res) => {
        const { kind, id } = req.params as { kind: string; id: string };
        const query = new URL(req.url ?? '/', 'http://x').searchParams;
        const path = `/files/${kind}/${encodeURIComponent(id)}`;
        const verdict = deps.signer.verify(path, query.get('exp') ?? undefined, query.get('sig') ?? undefined);
        const provider = deps.downloads.provider(kind);
        if (verdict !== 'ok' || !provider) {
            deps.log.info('download refused', { requestId: req.id(), kind, verdict });
            res.send(verdict === 'expired' ? 410 : 403, {
                error: verdict === 'expired' ? 'link expired' : 'invalid link',
            });
            return;
        }
        const doc = await provider(id);
        if (!doc) {
            res.send(404, { error: 'not found' });
            return;
        }
        res.writeHead(200, {
            'content-type': doc.contentType,
            'content-disposition': `attachment; filename="${doc.filename.replace(/[^\w.-]/g, '_')}"`,
            'cache-control': 'private, no-store',
        });
        res.end(doc.body);
    });

    // Only this route reads a body; the others never parse (or buffer) one.
    const readJson = [
        jsonBodyOnly(deps.log),
        restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }),
        ...restify.plugins.jsonBodyParser({ bodyReader: true }),
    ];
    server.post('/api/messages', readJson, async (req: restify.Request, res: restify.Response) => {
        const log = deps.log.child({ requestId: req.id() });
        const parsed = inboundActivity.safeParse(req.body);
        if (!parsed.success) {
            log.warn('activity rejected', {
                issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
            });
            res.send(400, { error: 'invalid activity', fields: parsed.error.issues.map((i) => i.path.join('.')) });
            return;
        }
        log.debug('activity', { type: parsed.data.type, conversation: parsed.data.conversation.id });
        // botbuilder answers a bad signature with 500 (a jsonwebtoken error is not an AuthenticationError) and puts raw
        // error messages in its bodies, so the adapter writes into a recorder and we choose what the client sees.
        const answer = recordedAnswer(res);
        const turn = { started: false };
        await deps.adapter.process(req, answer.res, async (ctx) => {
            turn.started = true;
            setRequestLog(ctx, log);
            await deps.app.run(ctx);
        });
        // botbuilder's error bodies are messages (strings); anything else is shown as JSON.
        const reason = (typeof answer.body === 'string' ? answer.body : (JSON.stringify(answer.body) ?? '')).slice(
            0,
            200,
        );
        if (!turn.started && (answer.status === 401 || answer.status >= 500)) {
            log.warn('authentication failed', { reason });
            res.send(401, { error: 'unauthorized' });
        } else if (answer.status >= 500) {
            log.error('adapter failed', { status: answer.status, reason });
            res.send(answer.status, { error: 'internal error' });
        } else if (answer.body === undefined) {
            res.status(answer.status);
            res.end();
        } else {
            res.send(answer.status, answer.body);
        }
    });

    server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error, cb: () => void) => {
        const status = (err as { statusCode?: number }).statusCode;
        if (status !== undefined && status < 500) {
            deps.log.warn('http error', { requestId: req.id(), status, message: err.message });
            // restify sends err.body ({ code, message }); never a stack trace.
            return cb();
        }
        // Unexpected: the message may name files or internals, so it goes to the log and the client gets a fixed body.
        deps.log.error('http error', { requestId: req.id(), status: status ?? 500, error: err });
        if (!res.headersSent) res.send(status ?? 500, { error: 'internal error' });
        return cb();
    });

    server.on('after', (req: restify.Request, res: restify.Response) => {
        // The path only: query strings carry link signatures.
        const path = req.getPath();
        deps.log.info('http', { requestId: req.id(), method: req.method, path, status: res.statusCode });
    });
    return server;
}

/** A response for the adapter to write into instead of the socket; headers go straight through. */
function recordedAnswer(res: restify.Response) {
    const answer: { status: number; body?: unknown; res: AdapterResponse } = {
        status: 200,
        res: {
            socket: res.socket,
            header: (name: string, value: unknown) => void res.header(name, value),
            status: (code: number) => void (answer.status = code),
            send: (body?: unknown) => void (answer.body = body),
            end: () => undefined,
        },
    };
    return answer;
}
