// The framework baseline: a teams-ai Application echo bot on the adapter our bot uses (src/bot/adapter.ts), with the
// Application options ours sets and in-memory turn state, so what the framework costs is measured apart from our work.
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import restify from 'restify';
import { createTeamsAdapter } from '../src/bot/adapter';

const adapter = createTeamsAdapter();
const app = new Application<TurnState>({
    adapter,
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
});
app.activity('message', async (ctx) => {
    await ctx.sendActivity(`Du skrev: ${ctx.activity.text}`);
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
// restify takes a two-argument handler only if it is an AsyncFunction.
server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (ctx) => {
        await app.run(ctx);
    });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
    process.stdout.write(`{"url":"http://127.0.0.1:${(server.address() as { port: number }).port}"}\n`);
});
process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
});
