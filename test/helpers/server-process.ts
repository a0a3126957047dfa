// Runs the compiled server as its own process, the way `npm start` does (npm test builds dist/ first).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';

export const ENTRY = join(ROOT, 'dist', 'src', 'index.js');

/** Starts dist/src/index.js with `env` on top of this process's environment; `url` resolves once it listens. */
export function startServer(env: NodeJS.ProcessEnv) {
    const child = spawn(process.execPath, ['--no-deprecation', ENTRY], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
            const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
            if (m) resolve(m[1]);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    return {
        child,
        url,
        exited,
        output: () => out,
        errors: () => err,
        /** The process's resident set high-water mark in KiB (Linux /proc VmHWM). */
        peakRssKiB(): number {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
            if (!kb) throw new Error('no VmHWM in /proc status');
            return Number(kb[1]);
        },
        /** Sends SIGTERM and waits for the exit code. */
        async stop(): Promise<number | null> {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
        },
    };
}
export type ServerProcess = ReturnType<typeof startServer>;
