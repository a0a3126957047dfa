import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import nock from 'nock';
import { fetchSentFile, FileFetchError, FILE_FETCH_LIMITS } from '../../src/http/file-fetch';
import { isolateNetwork } from '../helpers/bot';

const HOST = 'https://contoso-my.sharepoint.com';
const PATH = '/personal/chef/_layouts/15/download.aspx?UniqueId=abc&tempauth=secret';
const failure = async (p: Promise<unknown>) => {
    try {
        await p;
    } catch (err) {
        assert.ok(err instanceof FileFetchError, String(err));
        assert.doesNotMatch(err.message, /tempauth|secret|sharepoint/);
        return err.reason;
    }
    assert.fail('the download succeeded');
};

describe('fetchSentFile (a file sent to the bot in Teams)', () => {
    before(isolateNetwork);
    afterEach(() => nock.cleanAll());
    after(() => nock.enableNetConnect());

    it('When the link is on SharePoint, then the bytes are returned', async () => {
        nock(HOST).get(PATH).reply(200, Buffer.from('PK-bytes'));
        assert.equal((await fetchSentFile(HOST + PATH)).toString(), 'PK-bytes');
    });

    it('When SharePoint redirects within its hosts, then the redirect is followed', async () => {
        nock(HOST).get(PATH).reply(302, '', { location: 'https://contoso.sharepoint.com/file' });
        nock('https://contoso.sharepoint.com').get('/file').reply(200, 'ok');
        assert.equal((await fetchSentFile(HOST + PATH)).toString(), 'ok');
    });

    it('When the link is http or on a foreign host, then nothing is requested', async () => {
        const scope = nock('http://contoso-my.sharepoint.com').get(PATH).reply(200, 'x');
        const evil = nock('https://evil.example').get('/').reply(200, 'x');
        assert.equal(await failure(fetchSentFile('http://contoso-my.sharepoint.com' + PATH)), 'not-https');
        assert.equal(await failure(fetchSentFile('https://evil.example/')), 'foreign-host');
        assert.equal(await failure(fetchSentFile('https://sharepoint.com.evil.example/')), 'foreign-host');
        assert.ok(!scope.isDone() && !evil.isDone());
    });

    it('When a redirect leads to a foreign host, then it is not followed', async () => {
        nock(HOST).get(PATH).reply(302, '', { location: 'https://169.254.169.254/latest/meta-data' });
        const metadata = nock('https://169.254.169.254').get('/latest/meta-data').reply(200, 'secret');
        assert.equal(await failure(fetchSentFile(HOST + PATH)), 'foreign-host');
        assert.ok(!metadata.isDone());
    });

    it('When the stream passes the cap (without a content-length), then the download is cut', async () => {
        const limits = { ...FILE_FETCH_LIMITS, maxBytes: 1024 };
        nock(HOST)
            .get(PATH)
            .reply(200, () => Readable.from([Buffer.alloc(800), Buffer.alloc(800), Buffer.alloc(800)]));
        assert.equal(await failure(fetchSentFile(HOST + PATH, limits)), 'too-large');
    });

    it('When the content-length declares more than the cap, then nothing is read', async () => {
        nock(HOST)
            .get(PATH)
            .reply(200, 'x', { 'content-length': String(FILE_FETCH_LIMITS.maxBytes + 1) });
        assert.equal(await failure(fetchSentFile(HOST + PATH)), 'too-large');
    });

    it('When the host is slower than the timeout, then the download is given up', async () => {
        nock(HOST).get(PATH).delay(500).reply(200, 'late');
        assert.equal(await failure(fetchSentFile(HOST + PATH, { ...FILE_FETCH_LIMITS, timeoutMs: 100 })), 'timeout');
    });

    it('When the host answers an error, then the download fails', async () => {
        nock(HOST).get(PATH).reply(403, 'expired');
        assert.equal(await failure(fetchSentFile(HOST + PATH)), 'http-status');
    });
});
