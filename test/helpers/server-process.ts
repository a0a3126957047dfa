// Runs the compiled server as its own process, the way `npm start` does (npm test builds dist/ first), and the CLI
// commands with tsx.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';

export const ENTRY = join(ROOT, 'dist', 'src', 'index.js');

/** A child process with its output collected; `exited` resolves with the exit code. */
function collect(child: ReturnType<typeof spawn>) {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, output: () => out, errors: () => err };
}

/** Starts dist/src/index.js with `env` on top of this process's environment; `url` resolves once it listens. */
export function startServer(env: NodeJS.ProcessEnv) {
    const run = collect(
        spawn(process.execPath, ['--no-deprecation', ENTRY], { cwd: ROOT, env: { ...process.env, ...env } }),
    );
    const url = new Promise<string>((resolve, reject) => {
        run.child.stdout?.on('data', () => {
            const m = /"url":"(http:\/\/[^"]+)"/.exec(run.output());
            if (m) resolve(m[1]);
        });
        void run.exited.then((code) => reject(new Error(`exited ${code}: ${run.errors()}`)));
    });
    url.catch(() => undefined);
    return {
        ...run,
        url,
        /** The process's resident set high-water mark in KiB (Linux /proc VmHWM). */
        peakRssKiB(): number {
            const status = readFileSync(`/proc/${run.child.pid}/status`, 'utf8');
            const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
            if (!kb) throw new Error('no VmHWM in /proc status');
            return Number(kb[1]);
        },
        /** Sends SIGTERM and waits for the exit code. */
        async stop(): Promise<number | null> {
            if (run.child.exitCode === null) run.child.kill('SIGTERM');
            return run.exited;
        },
    };
}
export type ServerProcess = ReturnType<typeof startServer>;

/** Runs `src/cli/<name>.ts` with tsx, as its npm script does. */
export function runCli(name: string, args: string[], env: NodeJS.ProcessEnv) {
    return collect(
        spawn(
            join(ROOT, 'node_modules', '.bin', 'tsx'),
            ['--no-deprecation', join('src', 'cli', `${name}.ts`), ...args],
            { cwd: ROOT, env: { ...process.env, ...env } },
        ),
    );
}
