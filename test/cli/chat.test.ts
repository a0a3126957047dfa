import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../../src/app';
import { createChatSession } from '../../src/cli/chat-session';
import { cardToText } from '../../src/cli/card-text';
import { startConnectorStandIn } from '../../src/cli/connector-stand-in';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { ROOT } from '../../src/paths';
import { tempDir } from '../helpers/temp-dir';

const run = promisify(execFile);

describe('terminal chat over real HTTP with a local connector stand-in', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When the chef links a channel to the styrelse from the chat, then replies arrive at the stand-in and the link is stored', async () => {
        const bot = createApp(loadConfig({ DATA_DIR: tmp.dir }), { log: createLogger('silent') });
        const port = await bot.listen(0, '127.0.0.1');
        const session = await createChatSession({
            bot,
            botUrl: `http://127.0.0.1:${port}/api/messages`,
            as: 'helena-vik',
            channel: 'styrelsen',
            startStandIn: startConnectorStandIn,
        });
        try {
            const calls = await session.say('koppla kanalen till styrelsen');
            assert.equal(calls.length, 1);
            assert.match(String(calls[0].activity.text), /kanal för Styrelsen i Fryksdalens samordningsförbund/);
            assert.deepEqual(bot.deps.links.bodyOf(session.conversationId), {
                forbundId: 'fryksdalen',
                bodyId: 'styrelse',
            });
            const help = await session.say('hjälp');
            const card = (help[0].activity.attachments as { content: Record<string, unknown> }[])[0].content;
            const { lines, buttons } = cardToText(card);
            assert.match(lines[0], /== Det här kan jag svara på för Fryksdalens samordningsförbund ==/);
            assert.ok(buttons.length >= 4 && buttons.every((b) => b.verb === 'qa.ask'));
        } finally {
            await session.close();
            await bot.close();
        }
    });

    it('When `chat --forbund nedansiljan "hjälp"` runs one-shot, then it prints the answer and exits', async function () {
        this.timeout(30_000);
        const { stdout } = await run(
            join(ROOT, 'node_modules', '.bin', 'tsx'),
            ['--no-deprecation', 'src/cli/chat.ts', '--forbund', 'nedansiljan', 'hjälp'],
            {
                cwd: ROOT,
                env: { ...process.env, DATA_DIR: tmp.dir, FORBUND: 'fryksdalen' },
            },
        );
        assert.match(stdout, /Det här kan jag svara på för Nedansiljans samordningsförbund/);
        assert.match(stdout, /\[1\] /);
    });

    it('When `--as` names nobody on the roster, then the chat says so and fails', async function () {
        this.timeout(30_000);
        await assert.rejects(
            run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/chat.ts', '--as', 'ingen-alls', 'hjälp'], {
                cwd: ROOT,
                env: { ...process.env, DATA_DIR: tmp.dir },
            }),
            (err: { stderr: string }) => /No person "ingen-alls"/.test(err.stderr),
        );
    });
});
