// Plays the Bot Framework channel for auth tests: an RSA signing key, its OpenID metadata and JWKS (nocked), signed tokens.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

/** The URL botframework-connector fetches (AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl). */
export const OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
/** Where our metadata says the keys are; any URL works, the SDK follows `jwks_uri`. */
export const JWKS_URL = 'https://login.botframework.com/v1/.well-known/keys';
/** The issuer Bot Framework puts in channel tokens (AuthenticationConstants.ToBotFromChannelTokenIssuer). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export const TEST_APP_ID = '00000000-0000-4000-8000-00000000b07a';
export const TEST_TENANT_ID = '00000000-0000-4000-8000-00000007e4a7';
/** Looks like a real client secret so that a leak into a log line is easy to spot. */
export const TEST_APP_PASSWORD = 'Xq8~s3cr3t-APP-pa55word.NeverLog_4f1c';

/**
 * Env for startBot that turns Bot Framework authentication on (SingleTenant, as config.ts requires a tenant).
 * The SDK caches outbound tokens per app id for the whole process: a fresh app id per test keeps tests independent.
 */
export function authEnv(appId = TEST_APP_ID): Record<string, string> {
    return {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: TEST_APP_PASSWORD,
        MicrosoftAppTenantId: TEST_TENANT_ID,
        MicrosoftAppType: 'SingleTenant',
    };
}

// One key per process: botframework-connector caches the OpenID keys per metadata URL for 24 hours (static
// JwtTokenExtractor.openIdMetadataCache), so every test in the run must sign with the key it saw first.
const KID = 'finsam-test-channel-key';
const channel = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A key the channel never published: tokens signed with it must be refused. */
export function strangerKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** Serves the OpenID metadata and the JWKS with our public key, endorsed for msteams, until nock.cleanAll(). */
export function nockChannelOpenId(): void {
    const jwks = {
        keys: [
            {
                ...channel.publicKey.export({ format: 'jwk' }),
                kid: KID,
                use: 'sig',
                alg: 'RS256',
                endorsements: ['msteams'],
            },
        ],
    };
    const metadata = new URL(OPENID_METADATA_URL);
    // Persisted and never asserted done: botbuilder caches the metadata and keys across bots in a process, so later
    // tests legitimately never fetch them.
    nock(metadata.origin)
        .persist()
        .get(metadata.pathname)
        .reply(200, {
            issuer: CHANNEL_ISSUER,
            authorization_endpoint: 'https://invalid.botframework.com',
            jwks_uri: JWKS_URL,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
    const keys = new URL(JWKS_URL);
    nock(keys.origin).persist().get(keys.pathname).reply(200, jwks);
}

export type TokenOptions = {
    /** The audience: the bot's app id (default TEST_APP_ID). */
    appId?: string;
    claims?: Record<string, unknown>;
    /** Signs with this key instead of the published one (the `kid` stays the published one). */
    key?: KeyObject;
    /** Seconds since the epoch used for iat/nbf/exp; defaults to now. */
    now?: number;
};

/** A channel → bot token as Teams sends it: RS256, Bot Framework issuer, aud = app id, serviceurl = the activity's. */
export function channelToken(serviceUrl: string, opts: TokenOptions = {}): string {
    const now = opts.now ?? Math.floor(Date.now() / 1000);
    const payload = {
        iss: CHANNEL_ISSUER,
        aud: opts.appId ?? TEST_APP_ID,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...opts.claims,
    };
    return signJwt({ alg: 'RS256', typ: 'JWT', kid: KID }, payload, opts.key ?? channel.privateKey);
}

/** The same claims with `alg: none` and no signature: the classic forgery a validator must refuse. */
export function unsignedToken(serviceUrl: string, opts: TokenOptions = {}): string {
    const [header, payload] = channelToken(serviceUrl, opts).split('.');
    const none = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'none' }),
    );
    return `${none.toString('base64url')}.${payload}.`;
}

/** Signs header.payload with RSA-SHA256 (RS256, RFC 7515 compact serialization). */
export function signJwt(header: object, payload: object, key: KeyObject): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${part(header)}.${part(payload)}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
    return `${input}.${signature}`;
}

/**
 * Answers the bot's outbound client-credentials request at Entra ID for TEST_TENANT_ID with `accessToken`.
 * MSAL first reads the tenant's OpenID configuration, then posts to its token endpoint; both are nocked here.
 */
export function nockOutboundToken(accessToken: string): { tokenRequests: string[] } {
    const tokenRequests: string[] = [];
    const authority = `https://login.microsoftonline.com/${TEST_TENANT_ID}`;
    // Persisted and never asserted done: some tests prove no token is asked for; callers check `tokenRequests` instead.
    nock('https://login.microsoftonline.com')
        .persist()
        .get(`/${TEST_TENANT_ID}/v2.0/.well-known/openid-configuration`)
        .reply(200, {
            token_endpoint: `${authority}/oauth2/v2.0/token`,
            authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
            issuer: `${authority}/v2.0`,
            jwks_uri: `https://login.microsoftonline.com/${TEST_TENANT_ID}/discovery/v2.0/keys`,
        })
        .post(`/${TEST_TENANT_ID}/oauth2/v2.0/token`)
        .query(true)
        .reply(200, (_path, body) => {
            tokenRequests.push(typeof body === 'string' ? body : JSON.stringify(body));
            return { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken };
        });
    return { tokenRequests };
}
