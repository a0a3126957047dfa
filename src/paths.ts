// Locates the repository's data folders from both src/ (tsx) and dist/src/ (compiled) without reading cwd.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
    let dir = start;
    while (!existsSync(join(dir, 'package.json'))) {
        const up = dirname(dir);
        if (up === dir) throw new Error(`package.json not found above ${start}`);
        dir = up;
    }
    return dir;
}

/** The folder holding package.json. */
export const ROOT = findRoot(__dirname);
export const MIGRATIONS_DIR = join(ROOT, 'migrations');
export const TEMPLATES_DIR = join(ROOT, 'templates');
export const FORBUND_DATA_DIR = join(ROOT, 'data', 'forbund');
