import assert from 'node:assert/strict';
import nock from 'nock';
import { isolateNetwork, startBot, type TestBot } from '../helpers/bot';

describe('signed download links', () => {
    let t: TestBot;
    let clock = new Date('2026-11-23T10:00:00Z');
    before(isolateNetwork);
    beforeEach(async () => {
        clock = new Date('2026-11-23T10:00:00Z');
        t = await startBot({ overrides: { now: () => clock } });
        t.bot.deps.downloads.register('test-doc', (id) =>
            id === 'exists'
                ? { contentType: 'text/plain; charset=utf-8', filename: 'doc å.txt', body: 'innehåll' }
                : undefined,
        );
    });
    afterEach(async () => {
        await t.close();
        nock.cleanAll();
    });
    after(() => nock.enableNetConnect());

    it('When a signed link is fetched before it expires, then the document is served for download', async () => {
        const res = await fetch(t.bot.deps.downloads.link('test-doc', 'exists', 3600));
        assert.equal(res.status, 200);
        assert.equal(await res.text(), 'innehåll');
        assert.match(res.headers.get('content-disposition')!, /attachment; filename="doc__.txt"/);
    });

    it('When the link has expired, then the answer is 410', async () => {
        const link = t.bot.deps.downloads.link('test-doc', 'exists', 60);
        clock = new Date(clock.getTime() + 61_000);
        assert.equal((await fetch(link)).status, 410);
    });

    const tamper: [string, (u: URL) => void][] = [
        ['a changed byte in the signature', (u) => u.searchParams.set('sig', flip(u.searchParams.get('sig')!))],
        ['a later expiry', (u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 1))],
        ['another document id', (u) => (u.pathname = u.pathname.replace('exists', 'exist5'))],
        ['no signature', (u) => u.searchParams.delete('sig')],
    ];
    for (const [what, change] of tamper) {
        it(`When the link has ${what}, then the answer is 403`, async () => {
            const u = new URL(t.bot.deps.downloads.link('test-doc', 'exists', 3600));
            change(u);
            assert.equal((await fetch(u)).status, 403);
        });
    }

    it('When a correctly signed link names no document, then the answer is 404', async () => {
        assert.equal((await fetch(t.bot.deps.downloads.link('test-doc', 'missing', 3600))).status, 404);
    });
});

function flip(sig: string): string {
    const c = sig[5] === 'A' ? 'B' : 'A';
    return sig.slice(0, 5) + c + sig.slice(6);
}
