// The baseline: the simplest possible bot — a bare botbuilder CloudAdapter + ActivityHandler echo bot on restify.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (ctx, next) => {
            await ctx.sendActivity(`Du skrev: ${ctx.activity.text}`);
            await next();
        });
    }
}
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
// restify takes a two-argument handler only if it is an AsyncFunction.
server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => {
    process.stdout.write(`{"url":"http://127.0.0.1:${(server.address() as { port: number }).port}"}\n`);
});
process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
});
