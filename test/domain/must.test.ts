// The invariant helpers: a present value passes through, a missing one fails with its name.
import assert from 'node:assert/strict';
import { InvariantError, must, mustGet } from '../../src/domain';

describe('domain/must', () => {
    it('When the value is present (0 and empty string included), then must returns it', () => {
        assert.equal(must(0, 'a count'), 0);
        assert.equal(must('', 'a text'), '');
    });
    it('When the value is missing, then must throws an InvariantError naming what was missing', () => {
        assert.throws(
            () => must(undefined, 'totals for year 2031'),
            (e: unknown) => {
                assert.ok(e instanceof InvariantError);
                assert.match(e.message, /totals for year 2031/);
                return true;
            },
        );
        assert.throws(() => must(null, 'a row'), InvariantError);
    });
    it('When the map has the key, then mustGet returns its entry even when that entry is undefined', () => {
        const m = new Map<string, number | undefined>([
            ['a', 1],
            ['b', undefined],
        ]);
        assert.equal(mustGet(m, 'a', 'a number'), 1);
        assert.equal(mustGet(m, 'b', 'a number'), undefined);
    });
    it('When the map lacks the key, then mustGet throws an InvariantError naming the thing and the key', () => {
        assert.throws(() => mustGet(new Map<string, number>(), 'x', 'meeting'), /meeting for x/);
    });
});
