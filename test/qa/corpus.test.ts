// The Q&A corpus (test/qa/corpus.json and corpus-part2.json) must be answered 100 %: every kind, number, list item
// and language; part 2's follow-ups, roster, decisions and reports (full and masked) included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyBy, CorpusSchema, evaluate } from '../../src/qa/eval';
import { evalContext, ReportSetsSchema } from '../../src/qa/eval-context';
import { FIXTURE_DIR, forbund } from '../domain/load';

const read = (file: string) => CorpusSchema.parse(JSON.parse(readFileSync(join(__dirname, file), 'utf8')));
const part1 = read('corpus.json');
const part2 = read('corpus-part2.json');
const corpus = [...part1, ...part2];
const sets = ReportSetsSchema.parse(JSON.parse(readFileSync(join(__dirname, 'reports-part2.json'), 'utf8')));
const data = new Map([
    ...['fryksdalen', 'nedansiljan'].map((id) => [id, forbund(id)] as const),
    ['testbygden', forbund('testbygden', FIXTURE_DIR)] as const,
]);

describe('Q&A corpus', () => {
    const results = evaluate(corpus, data, evalContext(sets));

    it('When the corpus is read, then it has at least 150 questions over both förbund, Swedish and English', () => {
        assert.ok(part1.length >= 150);
        assert.deepEqual([...accuracyBy(results.slice(0, part1.length), (r) => r.c.forbund).keys()].sort(), [
            'fryksdalen',
            'nedansiljan',
        ]);
        assert.deepEqual([...accuracyBy(results, (r) => r.c.lang).keys()].sort(), ['en', 'sv']);
    });

    it('When part 2 is read, then it has at least 150 questions of every kind the issue names, each with its source', () => {
        assert.ok(part2.length >= 150);
        const kinds = new Set(part2.map((c) => c.category));
        for (const k of ['follow_up', 'comparison', 'why', 'start_of_year', 'rule', 'roster', 'report', 'decision'])
            assert.ok(kinds.has(k), k);
        assert.ok(part2.every((c) => c.source));
        assert.ok(part2.some((c) => c.forbund === 'testbygden'));
    });

    it('When every question is answered, then every answer meets its expectation (100 %)', () => {
        const misses = results.filter((r) => r.miss).map((r) => `${r.c.forbund} "${r.c.q}": ${r.miss}`);
        assert.deepEqual(misses, []);
    });

    it('When the same question is asked twice, then the answer is identical (deterministic)', () => {
        const again = evaluate(corpus, data, evalContext(sets));
        assert.deepEqual(
            again.map((r) => r.a),
            results.map((r) => r.a),
        );
    });
});
