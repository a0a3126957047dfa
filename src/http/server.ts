// The HTTP surface: POST /api/messages into the adapter, GET /healthz; nothing else.
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import restify from 'restify';
import type { Logger } from '../log';
import type { Downloads } from './downloads';
import type { UrlSigner } from './signed-url';
import { inboundActivity } from './activity';

export type ServerDeps = {
    adapter: TeamsAdapter;
    app: Application<TurnState>;
    log: Logger;
    isReady: () => boolean;
    signer: UrlSigner;
    downloads: Downloads;
};

/** Creates the restify server with its routes; the caller listens and closes. */
export function createHttpServer(deps: ServerDeps): restify.Server {
    const server = restify.createServer({ name: 'finsam-bot', handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));

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

    server.post('/api/messages', async (req, res) => {
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
        await deps.adapter.process(req, res, async (ctx) => {
            await deps.app.run(ctx);
        });
    });

    server.on('restifyError', (req, _res, err, cb) => {
        deps.log.warn('http error', {
            requestId: req.id(),
            status: (err as { statusCode?: number }).statusCode,
            message: err.message,
        });
        // restify sends err.body; never a stack trace.
        return cb();
    });
    return server;
}
