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
});
