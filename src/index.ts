// Boots the bot: config → app → listen; SIGTERM/SIGINT close the server and the database cleanly.
import { existsSync } from 'node:fs';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { scheduleReminders } from './scheduler/reminder-jobs';
import { acquireInstanceLock } from './storage/instance-lock';

async function main() {
    // A local .env (copied from .env.example) is read when present; real deployments set the environment instead.
    if (existsSync('.env')) process.loadEnvFile('.env');
    let config;
    try {
        config = loadConfig();
    } catch (err) {
        if (err instanceof ConfigError) {
            process.stderr.write(`${err.message}\n`);
            process.exit(2);
        }
        throw err;
    }
    // Before the database is opened: a second bot on the same folder would send every reminder twice.
    const lock = acquireInstanceLock(config.dataDir);
    const bot = createApp(config);
    const recovered = bot.reminders.recoverAfterLock();
    if (recovered) bot.deps.log.warn('reminder sends of a stopped process are taken over', { reminders: recovered });
    const port = await bot.listen();
    bot.deps.log.info('listening', {
        url: `http://${config.host}:${port}`,
        forbund: config.forbund,
        auth: config.auth.appId ? 'on' : 'off',
    });
    const reminders = scheduleReminders(bot.reminders, { log: bot.deps.log });
    let closing = false;
    const stop = async (signal: string) => {
        if (closing) return;
        closing = true;
        bot.deps.log.info('shutting down', { signal });
        await reminders.stop();
        await bot.close();
        lock.release();
        process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
    process.stderr.write(`Failed to start: ${(err as Error).message}\n`);
    process.exit(1);
});
