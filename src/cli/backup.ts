// `npm run backup -- <file>`: an online backup of the bot's SQLite database, safe while the bot is running.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';

/** Copies the live database at `source` to `target` with SQLite's online backup API; resolves with page count. */
export async function backupDatabase(source: string, target: string): Promise<number> {
    if (!existsSync(source)) throw new Error(`no database at ${source}`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
        const { totalPages } = await db.backup(target);
        return totalPages;
    } finally {
        db.close();
    }
}

if (require.main === module) {
    const target = process.argv[2] ?? `finsam-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    const source = join(loadConfig().dataDir, 'finsam.sqlite');
    backupDatabase(source, target).then(
        (pages) => process.stdout.write(`backed up ${source} → ${target} (${pages} pages)\n`),
        (err: Error) => {
            process.stderr.write(`backup failed: ${err.message}\n`);
            process.exit(1);
        },
    );
}
