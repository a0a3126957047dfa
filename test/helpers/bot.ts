// Starts the real bot (HTTP on port 0, temp SQLite) and captures what it sends to a nocked Bot Connector.
import nock from 'nock';
import { createApp, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { tempDir } from './temp-dir';

export const SERVICE_URL = 'https://smba.example.test/teams/';

export type Sent = { method: 'POST' | 'PUT'; path: string; body: Record<string, any> };

/** Starts a bot on a fresh (or given) data dir. Logs are captured, not printed. */
export async function startBot(
    opts: { forbund?: string[]; dataDir?: string; overrides?: AppOverrides; env?: Record<string, string> } = {},
) {
    const tmp = opts.dataDir ? undefined : tempDir();
    const dataDir = opts.dataDir ?? tmp!.dir;
    const logs: Record<string, any>[] = [];
    const config = loadConfig({
        FORBUND: (opts.forbund ?? ['fryksdalen']).join(','),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'debug',
        ...opts.env,
    });
    const bot = createApp(config, {
        log: createLogger('debug', {}, (line) => logs.push(JSON.parse(line))),
        ...opts.overrides,
    });
    const port = await bot.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    return {
        bot,
        url,
        logs,
        dataDir,
        /** POSTs an activity to /api/messages (with extra headers, e.g. authorization); resolves with status and parsed body. */
        async post(activity: object, headers: Record<string, string> = {}) {
            const res = await fetch(`${url}/api/messages`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...headers },
                body: JSON.stringify(activity),
            });
            const text = await res.text();
            return { status: res.status, body: text ? JSON.parse(text) : undefined };
        },
        /** The setup code the bot logged for a förbund on first start. */
        setupCode(forbundId: string): string | undefined {
            const line = logs.find(
                (l) => typeof l.msg === 'string' && l.msg.startsWith(`setup code for ${forbundId}:`),
            );
            return line && /förbundschef ([A-Z0-9]+)"/.exec(line.msg)?.[1];
        },
        async close(keepData = false) {
            await bot.close();
            if (!keepData) tmp?.cleanup();
        },
    };
}
export type TestBot = Awaited<ReturnType<typeof startBot>>;

/** Nocks the connector at SERVICE_URL: records every activity POST/PUT and answers member lookups from `members`. */
export function nockConnector(members: Record<string, object> = {}) {
    const sent: Sent[] = [];
    const base = new URL(SERVICE_URL);
    // A persisted stand-in, not an expectation: many turns send nothing or look up no member, so no isDone() check;
    // tests assert on `sent`, and a one-off scope a test sets itself is asserted there.
    const scope = nock(base.origin)
        .persist()
        .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
        .reply(200, (path, body) => {
            sent.push({ method: 'POST', path, body: body as Record<string, any> });
            return { id: `act-${sent.length}` };
        })
        .put(/\/v3\/conversations\/[^/]+\/activities\/[^/]+$/)
        .reply(200, (path, body) => {
            sent.push({ method: 'PUT', path, body: body as Record<string, any> });
            return { id: 'updated' };
        })
        .get(/\/v3\/conversations\/[^/]+\/members\/[^/]+$/)
        .reply((path) => {
            const id = decodeURIComponent(path.split('/').pop() ?? '');
            return members[id] ? [200, members[id]] : [404, { error: { code: 'MemberNotFoundInConversation' } }];
        });
    return {
        sent,
        scope,
        messages: () => sent.filter((s) => s.body.type === 'message'),
        texts: () => sent.filter((s) => s.body.type === 'message').map((s) => String(s.body.text ?? '')),
        clear: () => sent.splice(0, sent.length),
    };
}

/** Blocks real network except the local bot. Call in before(); undo with nock.cleanAll / enableNetConnect in after(). */
export function isolateNetwork() {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
}
