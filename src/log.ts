// A small structured logger: one JSON line per event, with a level filter. Free text from users is never passed here.
import SonicBoom from 'sonic-boom';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = {
    debug(msg: string, fields?: Record<string, unknown>): void;
    info(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, fields?: Record<string, unknown>): void;
    error(msg: string, fields?: Record<string, unknown>): void;
    child(fields: Record<string, unknown>): Logger;
};

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Creates a logger writing JSON lines to `write` (stdout by default). */
export function createLogger(
    level: LogLevel,
    base: Record<string, unknown> = {},
    write: (line: string) => void = stdoutLine,
): Logger {
    const emit = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) => {
        if (order[lvl] < order[level]) return;
        write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...base, ...fields }, errorReplacer));
    };
    return {
        debug: emit('debug'),
        info: emit('info'),
        warn: emit('warn'),
        error: emit('error'),
        child: (fields) => createLogger(level, { ...base, ...fields }, write),
    };
}

function errorReplacer(_key: string, value: unknown): unknown {
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    return value;
}

// stdout to a pipe is synchronous on Linux, and a system call per line showed in profiles under load; sonic-boom
// writes asynchronously instead (lines that arrive during a write go out together), and flushes when the process exits.
// When the reader of stdout goes away (a log shipper restarted, `npm start | tee` ended) a write fails with EPIPE:
// sonic-boom then emits 'error', which unheard would end the process, and its flushSync on exit retries such a write
// forever, so the process could neither serve nor stop. Lines are dropped from then on, with one note on stderr.
let stdout: SonicBoom | undefined;
let stdoutBroken = false;
function stdoutLine(line: string) {
    if (stdoutBroken) return;
    if (!stdout) {
        const out = new SonicBoom({ fd: process.stdout.fd });
        out.on('error', (err: NodeJS.ErrnoException) => {
            stdoutBroken = true;
            process.stderr.write(`log lines dropped from now on: stdout failed (${err.code ?? err.message})\n`);
        });
        process.on('exit', () => {
            if (!stdoutBroken) out.flushSync();
        });
        stdout = out;
    }
    stdout.write(line + '\n');
}
