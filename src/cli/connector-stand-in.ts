// A local stand-in for the Bot Connector service: receives the bot's replies, updates and member lookups over HTTP.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { EventEmitter } from 'node:events';

export type ConnectorCall = {
    method: 'POST' | 'PUT';
    conversationId: string;
    activityId?: string;
    activity: Record<string, unknown>;
    at: number;
};
export type MemberProfile = {
    id: string;
    name?: string;
    email?: string;
    userPrincipalName?: string;
    aadObjectId?: string;
};

/** Starts the stand-in on 127.0.0.1 (port 0 = any free port). `member` answers GET …/members/{id}. */
export async function startConnectorStandIn(
    opts: { port?: number; member?: (id: string) => MemberProfile | undefined } = {},
) {
    const calls: ConnectorCall[] = [];
    const events = new EventEmitter();
    let seq = 0;
    const readJson = async (req: IncomingMessage) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const text = Buffer.concat(chunks).toString('utf8');
        return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        const send = (status: number, body: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
        };
        // v3/conversations/{id}/activities[/{activityId}] and v3/conversations/{id}/members/{userId}
        if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(404, { error: 'not found' });
        if (req.method === 'POST' && parts.length === 2) {
            return void readJson(req).then(() => send(200, { id: `a:standin-${++seq}` }));
        }
        const [, , conversationId, what, id] = parts;
        if (req.method === 'GET' && what === 'members' && id) {
            const profile = opts.member?.(id);
            return profile ? send(200, profile) : send(404, { error: { code: 'MemberNotFoundInConversation' } });
        }
        if (what === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
            return void readJson(req).then((activity) => {
                const activityId = req.method === 'PUT' ? id : `act-${++seq}`;
                const call: ConnectorCall = {
                    method: req.method as 'POST' | 'PUT',
                    conversationId,
                    activityId,
                    activity,
                    at: Date.now(),
                };
                calls.push(call);
                events.emit('call', call);
                send(200, { id: activityId });
            });
        }
        send(404, { error: 'not found' });
    });
    // A fixed port keeps references stored by earlier chat runs reachable; if it is taken, any free port will do.
    await new Promise<void>((resolve, reject) => {
        server.once('error', (err: NodeJS.ErrnoException) =>
            err.code === 'EADDRINUSE' && opts.port ? server.listen(0, '127.0.0.1', resolve) : reject(err),
        );
        server.listen(opts.port ?? 0, '127.0.0.1', resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return {
        serviceUrl: `http://127.0.0.1:${port}/`,
        calls,
        events,
        /** Removes and returns the calls received so far. */
        drain(): ConnectorCall[] {
            return calls.splice(0, calls.length);
        },
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}
