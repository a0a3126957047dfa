// The Teams adapter, with one ConnectorClient per bot, service URL and audience instead of one per turn.
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import {
    AuthenticationConstants,
    AuthenticationError,
    BotFrameworkAuthentication,
    type AuthenticateRequestResult,
    type ClaimsIdentity,
    type ConnectorClient,
    type ConnectorFactory,
    type UserTokenClient,
} from 'botframework-connector';
import { StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config';

/** Creates the adapter the bot receives turns on; without an appId, requests are not authenticated (local use). */
export function createTeamsAdapter(auth?: Config['auth']): TeamsAdapter {
    const adapter = new TeamsAdapter(
        auth?.appId
            ? {
                  MicrosoftAppId: auth.appId,
                  MicrosoftAppPassword: auth.appPassword,
                  MicrosoftAppTenantId: auth.tenantId,
                  MicrosoftAppType: auth.appType,
              }
            : {},
    );
    // CloudAdapter builds a ConnectorClient (an @azure/core-client pipeline of a dozen policies) and a UserTokenClient
    // for every incoming turn: about 10 % of the bot's CPU under load (npm run bench, README "Performance").
    // TeamsAdapter offers no way to pass the authentication in, so it is swapped right after construction.
    const fields = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
    fields.botFrameworkAuthentication = new ReusedClients(fields.botFrameworkAuthentication);
    return adapter;
}

/**
 * Delegates everything and keeps the clients of incoming turns. Proactive sends (createConnectorFactory) still get a
 * fresh client each, because the proactive sender removes the SDK's retry policy from the client it is given.
 */
class ReusedClients extends BotFrameworkAuthentication {
    // Bounded: without authentication (local use) the service URL is whatever the request says.
    private readonly connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: 64 });
    private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: 16 });

    constructor(private readonly inner: BotFrameworkAuthentication) {
        super();
    }

    async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        return this.reuse(requireExpiry(await this.inner.authenticateRequest(activity, authHeader)));
    }

    async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
        return this.reuse(requireExpiry(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader)));
    }

    createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
        return this.inner.createConnectorFactory(claimsIdentity);
    }

    createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
        return this.remember(this.tokenClients, botOf(claimsIdentity), () =>
            this.inner.createUserTokenClient(claimsIdentity),
        );
    }

    override createBotFrameworkClient() {
        return this.inner.createBotFrameworkClient();
    }

    override getOriginatingAudience() {
        return this.inner.getOriginatingAudience();
    }

    override async authenticateChannelRequest(authHeader: string) {
        const claimsIdentity = await this.inner.authenticateChannelRequest(authHeader);
        return requireExpiry({ claimsIdentity }).claimsIdentity;
    }

    private reuse(result: AuthenticateRequestResult): AuthenticateRequestResult {
        const factory = result.connectorFactory;
        if (!factory) return result;
        const bot = botOf(result.claimsIdentity);
        return {
            ...result,
            connectorFactory: {
                create: (serviceUrl: string, audience?: string) =>
                    this.remember(this.connectors, `${bot}\n${serviceUrl}\n${audience ?? ''}`, () =>
                        factory.create(serviceUrl, audience),
                    ),
            },
        };
    }

    private remember<T extends object>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>) {
        let client = cache.get(key);
        if (!client) {
            client = make();
            cache.set(key, client);
            // A failed creation (say, a credentials error) is not kept: the next turn tries again.
            client.catch(() => cache.get(key) === client && cache.delete(key));
        }
        return client;
    }
}

/**
 * True for the identity of a validated token (botbuilder checked its issuer); false for the anonymous identity it gives
 * when auth is off, which has no claims but `appid` at most.
 */
const isTokenIdentity = (identity: ClaimsIdentity | undefined) =>
    !!identity && identity.isAuthenticated && identity.getClaimValue('iss') !== null;

/**
 * jsonwebtoken, and so botbuilder, accepts a token without `exp` as valid forever; one that leaked would never stop
 * working. Channel tokens always carry it, so a token without one is refused.
 */
function requireExpiry<T extends { claimsIdentity: ClaimsIdentity }>(result: T): T {
    const exp = result.claimsIdentity.getClaimValue('exp') as unknown;
    if (isTokenIdentity(result.claimsIdentity) && (typeof exp !== 'number' || !Number.isFinite(exp)))
        throw new AuthenticationError('The token has no expiry (exp)', StatusCodes.UNAUTHORIZED);
    return result;
}

/** Whether the current turn's request carried a validated Bot Framework token. */
export function fromValidatedToken(ctx: TurnContext): boolean {
    return isTokenIdentity(ctx.turnState.get<ClaimsIdentity | undefined>(ctx.adapter.BotIdentityKey));
}

// The same claims ConnectorFactoryImpl takes the bot's app id from: audience for channels, appid for the emulator.
const botOf = (identity: ClaimsIdentity) =>
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    '';
