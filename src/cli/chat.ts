// Terminal chat with the real bot: same Application, handlers and storage, fed over HTTP through the real adapter.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../log';
import { DatabaseDamagedError } from '../storage/db';
import { acquireInstanceLock, InstanceLockedError } from '../storage/instance-lock';
import { cardToText, type CardButton } from './card-text';
import { startConnectorStandIn, type ConnectorCall } from './connector-stand-in';
import { createChatSession } from './chat-session';

async function main() {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            forbund: { type: 'string' },
            as: { type: 'string' },
            channel: { type: 'string' },
        },
    });
    const config = loadConfig({ ...process.env, ...(values.forbund ? { FORBUND: values.forbund } : {}) });
    const log = createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn', {}, (l) =>
        process.stderr.write(l + '\n'),
    );
    // The chat is the whole bot on that database, so it refuses to run beside `npm start` (src/storage/instance-lock.ts).
    const lock = acquireInstanceLock(config.dataDir);
    const bot = createApp(config, { log });
    const port = await bot.listen(0, '127.0.0.1');
    const session = await createChatSession({
        bot,
        botUrl: `http://127.0.0.1:${port}/api/messages`,
        as: values.as,
        channel: values.channel,
        startStandIn: startConnectorStandIn,
        standInPort: Number(process.env.CHAT_CONNECTOR_PORT ?? 3988),
    });

    let buttons: CardButton[] = [];
    const print = (calls: ConnectorCall[]) => {
        for (const call of calls) {
            const a = call.activity as {
                type?: string;
                text?: string;
                attachments?: { content?: Record<string, unknown> }[];
            };
            if (a.type !== 'message') continue;
            const where = call.conversationId === session.conversationId ? '' : ` (→ ${call.conversationId})`;
            if (call.method === 'PUT') process.stdout.write(`bot (uppdaterat kort${where}):\n`);
            else if (!a.attachments?.length) process.stdout.write(`bot${where}: ${a.text ?? ''}\n`);
            else process.stdout.write(`bot${where}:\n`);
            // A card carries everything its text says, so only the card is printed.
            for (const att of a.attachments ?? []) buttons = printCard(att.content ?? {}, buttons);
        }
    };

    if (positionals.length > 0) {
        print(await session.say(positionals.join(' ')));
        await shutdown();
        return;
    }

    const rl = createInterface({ input: process.stdin, output: process.stdout });
    process.stdout.write(
        `Chattar med ${bot.deps.forbund
            .list()
            .map((f) => f.name)
            .join(', ')} som ${session.userName}. Skriv /N för att trycka på knapp N, /q för att avsluta.\n`,
    );
    for (;;) {
        let line: string;
        try {
            line = (await rl.question('du> ')).trim();
        } catch {
            break;
        }
        if (line === '/q' || line === '/quit') break;
        if (!line) continue;
        const press = /^\/(\d+)$/.exec(line);
        if (press) {
            const button = buttons.find((b) => b.n === Number(press[1]));
            if (!button) {
                process.stdout.write('Ingen sådan knapp.\n');
                continue;
            }
            const inputs: Record<string, string> = {};
            for (const input of button.inputs) {
                const hint = input.choices ? ` [${input.choices.map((c) => c.value).join('|')}]` : '';
                const answer = (
                    await rl.question(`  ${input.label}${hint}${input.value ? ` (${input.value})` : ''}: `)
                ).trim();
                inputs[input.id] = answer || input.value || '';
            }
            const { card, calls } = await session.press(button, inputs);
            print(calls);
            if (card) buttons = printCard(card, buttons);
            continue;
        }
        print(await session.say(line));
    }
    rl.close();
    await shutdown();

    async function shutdown() {
        await session.close();
        await bot.close();
        lock.release();
    }
}

function printCard(card: Record<string, unknown>, previous: CardButton[]): CardButton[] {
    const first = previous.length ? Math.max(...previous.map((b) => b.n)) + 1 : 1;
    const { lines, buttons } = cardToText(card, first);
    process.stdout.write(lines.map((l) => `  │ ${l}`).join('\n') + '\n');
    return [...previous, ...buttons].slice(-30);
}

main().catch((err) => {
    const known = [ConfigError, InstanceLockedError, DatabaseDamagedError].some((E) => err instanceof E);
    process.stderr.write(known ? `${(err as Error).message}\n` : `chat failed: ${(err as Error).stack}\n`);
    process.exit(1);
});
