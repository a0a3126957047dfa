import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
    it('When nothing is set, then the embedded defaults apply', () => {
        const c = loadConfig({});
        assert.equal(c.port, 3978);
        assert.equal(c.host, '127.0.0.1');
        assert.equal(c.dataDir, './.data');
        assert.deepEqual(c.forbund, ['fryksdalen']);
        assert.equal(c.auth.appId, '');
    });

    it('When several förbund are listed, then each is kept', () => {
        assert.deepEqual(loadConfig({ FORBUND: 'fryksdalen, Nedansiljan' }).forbund, ['fryksdalen', 'nedansiljan']);
    });

    const bad: [string, NodeJS.ProcessEnv, RegExp][] = [
        ['a port that is not a number', { PORT: 'abc' }, /PORT/],
        ['an unknown app type', { MicrosoftAppType: 'Guest' }, /MicrosoftAppType/],
        [
            'an app id without password',
            { MicrosoftAppId: 'x', MicrosoftAppTenantId: 't' },
            /MicrosoftAppPassword: required/,
        ],
        [
            'single tenant without tenant id',
            { MicrosoftAppId: 'x', MicrosoftAppPassword: 'p' },
            /MicrosoftAppTenantId: required/,
        ],
        ['a förbund id with spaces', { FORBUND: 'fryks dalen' }, /FORBUND/],
        [
            'HOST 0.0.0.0 without MicrosoftAppId',
            { HOST: '0.0.0.0' },
            /HOST: "0\.0\.0\.0" is reachable.*ALLOW_UNAUTHENTICATED=1/,
        ],
        ['HOST :: without MicrosoftAppId', { HOST: '::' }, /HOST: "::" is reachable/],
        ['an empty HOST (every interface) without MicrosoftAppId', { HOST: '' }, /HOST: "" is reachable/],
        ['a host name without MicrosoftAppId', { HOST: 'bot.example.org' }, /HOST: "bot\.example\.org" is reachable/],
        [
            'ALLOW_UNAUTHENTICATED other than 0 or 1',
            { HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'yes' },
            /ALLOW_UNAUTHENTICATED/,
        ],
    ];
    for (const [what, env, message] of bad) {
        it(`When the environment has ${what}, then start fails with a message naming it`, () => {
            assert.throws(
                () => loadConfig(env),
                (err: unknown) => err instanceof ConfigError && message.test(err.message),
            );
        });
    }

    it('When multi-tenant credentials are complete, then no tenant id is needed', () => {
        const c = loadConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant' });
        assert.equal(c.auth.appType, 'MultiTenant');
    });

    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) {
        it(`When HOST is the loopback address ${host} without MicrosoftAppId, then it is accepted`, () => {
            const c = loadConfig({ HOST: host });
            assert.equal(c.host, host);
            assert.equal(c.auth.allowUnauthenticated, false);
        });
    }

    it('When HOST is 0.0.0.0 without MicrosoftAppId but ALLOW_UNAUTHENTICATED=1, then it is accepted and flagged', () => {
        const c = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: '1' });
        assert.equal(c.host, '0.0.0.0');
        assert.equal(c.auth.allowUnauthenticated, true);
    });

    it('When HOST is 0.0.0.0 with complete credentials, then it is accepted', () => {
        const c = loadConfig({
            HOST: '0.0.0.0',
            MicrosoftAppId: 'x',
            MicrosoftAppPassword: 'p',
            MicrosoftAppTenantId: 't',
        });
        assert.equal(c.auth.appId, 'x');
    });
});
