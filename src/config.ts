// Reads process.env once through a zod schema and fails fast with one line per bad variable.
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether HOST only accepts connections from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
    if (host.toLowerCase() === 'localhost') return true;
    const family = isIP(host);
    return family !== 0 && loopback.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

const forbundIds = z
    .string()
    .default('fryksdalen')
    .transform((s) =>
        s
            .split(',')
            .map((x) => x.trim().toLowerCase())
            .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'förbund ids are lower-case slugs')).min(1));

const envSchema = z
    .object({
        PORT: z.coerce.number().int().min(0).max(65535).default(3978),
        HOST: z.string().default('127.0.0.1'),
        DATA_DIR: z.string().default('./.data'),
        FORBUND: forbundIds,
        FORBUND_DATA_DIR: z.string().optional(),
        MicrosoftAppId: z.string().default(''),
        MicrosoftAppPassword: z.string().default(''),
        MicrosoftAppTenantId: z.string().default(''),
        MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
        ALLOW_UNAUTHENTICATED: z.enum(['0', '1']).default('0'),
        LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
        PUBLIC_URL: z.string().url().optional(),
        URL_SIGNING_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    })
    .superRefine((env, ctx) => {
        if (!env.MicrosoftAppId) {
            if (!isLoopbackHost(env.HOST) && env.ALLOW_UNAUTHENTICATED !== '1')
                ctx.addIssue({
                    code: 'custom',
                    path: ['HOST'],
                    message:
                        `${JSON.stringify(env.HOST)} is reachable from other machines, but without MicrosoftAppId no ` +
                        'request is authenticated (anyone could write as anyone); listen on 127.0.0.1 or ::1, set ' +
                        'MicrosoftAppId, or set ALLOW_UNAUTHENTICATED=1 to run an open bot anyway',
                });
            return;
        }
        if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
            ctx.addIssue({
                code: 'custom',
                path: ['MicrosoftAppPassword'],
                message: 'required when MicrosoftAppId is set',
            });
        }
        if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
            ctx.addIssue({
                code: 'custom',
                path: ['MicrosoftAppTenantId'],
                message: `required for MicrosoftAppType=${env.MicrosoftAppType}`,
            });
        }
    });

export type Config = {
    port: number;
    host: string;
    dataDir: string;
    forbund: string[];
    forbundDataDir?: string;
    auth: {
        appId: string;
        appPassword: string;
        tenantId: string;
        appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
        /** ALLOW_UNAUTHENTICATED=1: no app id, yet HOST is not a loopback address. */
        allowUnauthenticated: boolean;
    };
    logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
    /** Base URL for signed download links; defaults to http://HOST:PORT. */
    publicUrl?: string;
    urlSigningSecret?: string;
};

/** Thrown when the environment is invalid; the message lists every bad variable. */
export class ConfigError extends Error {}

/** Parses the environment into a typed config or throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
        throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
    const e = parsed.data;
    return {
        port: e.PORT,
        host: e.HOST,
        dataDir: e.DATA_DIR,
        forbund: e.FORBUND,
        forbundDataDir: e.FORBUND_DATA_DIR,
        auth: {
            appId: e.MicrosoftAppId,
            appPassword: e.MicrosoftAppPassword,
            tenantId: e.MicrosoftAppTenantId,
            appType: e.MicrosoftAppType,
            allowUnauthenticated: e.ALLOW_UNAUTHENTICATED === '1',
        },
        logLevel: e.LOG_LEVEL,
        publicUrl: e.PUBLIC_URL,
        urlSigningSecret: e.URL_SIGNING_SECRET,
    };
}
