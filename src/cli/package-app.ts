// `npm run package [-- --env <name>]`: fills appPackage/manifest.json from the environment and zips the Teams app.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import JSZip from 'jszip';
import { z } from 'zod';

/** Environment variables as read from process.env or an env file. */
export type RawEnv = Readonly<Record<string, string | undefined>>;

export type FillResult = { ok: true; text: string } | { ok: false; missing: string[] };

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(:\d{1,5})?$/;

/**
 * Replaces every `${{NAME}}` in `template` with `env[NAME]`. An empty string is a value; `undefined` is missing.
 * Values are inserted JSON-string-escaped, because every placeholder in the manifest sits inside a JSON string.
 * Returns the names of all missing variables (each once, in order of appearance) instead of a partial text.
 */
export function fillPlaceholders(template: string, env: RawEnv): FillResult {
    const missing = [...template.matchAll(PLACEHOLDER)]
        .map((m) => m[1])
        .filter((name, i, all) => env[name] === undefined && all.indexOf(name) === i);
    if (missing.length > 0) return { ok: false, missing };
    return {
        ok: true,
        text: template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(env[name]).slice(1, -1)),
    };
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const guidString = (name: string, what: string) =>
    z
        .string({ required_error: `${name} is missing: ${what}` })
        .trim()
        .regex(GUID, `${name} must be a GUID like 00000000-0000-0000-0000-000000000000 (${what})`);
// Blank counts as unset, so the preprocess must wrap `.optional()` (an outer `.optional()` only sees the raw '').
const guid = (name: string, what: string) => z.preprocess(blankToUndefined, guidString(name, what));
const optionalGuid = (name: string, what: string) => z.preprocess(blankToUndefined, guidString(name, what).optional());

const packageEnvSchema = z.preprocess(
    (raw) => {
        const env = (raw ?? {}) as Record<string, unknown>;
        return { ...env, BOT_ID: blankToUndefined(env.BOT_ID) ?? blankToUndefined(env.MicrosoftAppId) };
    },
    z.object({
        BOT_ID: guid('BOT_ID', "the bot's Microsoft App ID (Entra app client id); MicrosoftAppId is accepted too"),
        TEAMS_APP_ID: optionalGuid('TEAMS_APP_ID', 'the Teams app id; leave it empty to use BOT_ID'),
        BOT_DOMAIN: z.preprocess(
            blankToUndefined,
            z
                .string({ required_error: 'BOT_DOMAIN is missing: the host name that serves /api/messages' })
                .trim()
                .regex(HOST, 'BOT_DOMAIN must be a bare host name such as abc123-3978.euw.devtunnels.ms (no https://)'),
        ),
        APP_NAME_SUFFIX: z.string().max(24, 'APP_NAME_SUFFIX must be at most 24 characters').default(''),
    }),
);

/** The variables the manifest needs, after defaults. */
export interface PackageEnv {
    TEAMS_APP_ID: string;
    BOT_ID: string;
    BOT_DOMAIN: string;
    APP_NAME_SUFFIX: string;
}

/**
 * Validates the packaging variables. Required: BOT_ID (or MicrosoftAppId) and BOT_DOMAIN. TEAMS_APP_ID defaults
 * to BOT_ID (the Bot Framework samples' convention; the Agents Toolkit writes its own id to env/.env.<env>).
 * APP_NAME_SUFFIX defaults to ''. Problems come back as one readable line per variable.
 */
export function resolvePackageEnv(raw: RawEnv): { ok: true; env: PackageEnv } | { ok: false; problems: string[] } {
    const parsed = packageEnvSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
    const { BOT_ID, TEAMS_APP_ID, BOT_DOMAIN, APP_NAME_SUFFIX } = parsed.data;
    return { ok: true, env: { TEAMS_APP_ID: TEAMS_APP_ID ?? BOT_ID, BOT_ID, BOT_DOMAIN, APP_NAME_SUFFIX } };
}

/** Inputs of the zip: the filled manifest text and the two icon files. */
export interface AppPackageParts {
    manifest: string;
    colorPng: Buffer;
    outlinePng: Buffer;
}

/** Zips manifest.json, color.png and outline.png at the archive root; a fixed timestamp keeps builds reproducible. */
export async function buildAppPackage(opts: AppPackageParts): Promise<Buffer> {
    const zip = new JSZip();
    const date = new Date('2025-01-01T00:00:00Z');
    zip.file('manifest.json', opts.manifest, { date });
    zip.file('color.png', opts.colorPng, { date });
    zip.file('outline.png', opts.outlinePng, { date });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

/**
 * Builds `<root>/appPackage/build/appPackage.<envName>.zip` from `<root>/appPackage` and `env`.
 * Returns the problems (missing or malformed variables) instead of writing anything when the env is not usable.
 */
export async function packageApp(opts: {
    root: string;
    envName: string;
    env: RawEnv;
}): Promise<{ ok: true; zipPath: string } | { ok: false; problems: string[] }> {
    const dir = path.join(opts.root, 'appPackage');
    const resolved = resolvePackageEnv(opts.env);
    if (!resolved.ok) return resolved;
    const filled = fillPlaceholders(readFileSync(path.join(dir, 'manifest.json'), 'utf8'), {
        ...opts.env,
        ...resolved.env,
    });
    if (!filled.ok) return { ok: false, problems: filled.missing.map((name) => `${name} is missing`) };
    const zip = await buildAppPackage({
        manifest: filled.text,
        colorPng: readFileSync(path.join(dir, 'color.png')),
        outlinePng: readFileSync(path.join(dir, 'outline.png')),
    });
    const zipPath = path.join(dir, 'build', `appPackage.${opts.envName}.zip`);
    mkdirSync(path.dirname(zipPath), { recursive: true });
    writeFileSync(zipPath, zip);
    return { ok: true, zipPath };
}

/** Agents Toolkit layout: env/.env.<name>, then env/.env.<name>.user (secrets); the real environment wins. */
function loadEnv(root: string, envName: string): RawEnv {
    const files = [`.env.${envName}`, `.env.${envName}.user`].map((f) => path.join(root, 'env', f));
    const fromFiles = files.filter((f) => existsSync(f)).map((f) => parseEnv(readFileSync(f, 'utf8')));
    return Object.assign({}, ...fromFiles, process.env) as RawEnv;
}

async function main(): Promise<number> {
    const { values } = parseArgs({ options: { env: { type: 'string' } } });
    const envName = values.env ?? process.env.TEAMSFX_ENV ?? 'local';
    if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
        console.error(`Invalid --env "${envName}": use letters, digits, - or _.`);
        return 1;
    }
    const root = path.resolve(__dirname, '..', '..');
    const result = await packageApp({ root, envName, env: loadEnv(root, envName) });
    if (!result.ok) {
        console.error(`Cannot build the Teams app package for env "${envName}":`);
        for (const problem of result.problems) console.error(`  - ${problem}`);
        console.error(`Set the variables in the environment or in env/.env.${envName}.`);
        return 1;
    }
    console.log(path.relative(process.cwd(), result.zipPath) || result.zipPath);
    return 0;
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
}
