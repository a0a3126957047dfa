// The Q&A corpus (test/qa/corpus.json) must be answered 100 %: every kind, number, list item and language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyBy, CorpusSchema, evaluate } from '../../src/qa/eval';
import { forbund } from '../domain/load';

const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(__dirname, 'corpus.json'), 'utf8')));
const data = new Map(['fryksdalen', 'nedansiljan'].map((id) => [id, forbund(id)]));

describe('Q&A corpus', () => {
    const results = evaluate(corpus, data);

    it('When the corpus is read, then it has at least 150 questions over both förbund, Swedish and English', () => {
        assert.ok(corpus.length >= 150);
        assert.deepEqual([...accuracyBy(results, (r) => r.c.forbund).keys()].sort(), ['fryksdalen', 'nedansiljan']);
        assert.deepEqual([...accuracyBy(results, (r) => r.c.lang).keys()].sort(), ['en', 'sv']);
    });

    it('When every question is answered, then every answer meets its expectation (100 %)', () => {
        const misses = results.filter((r) => r.miss).map((r) => `${r.c.forbund} "${r.c.q}": ${r.miss}`);
        assert.deepEqual(misses, []);
    });

    it('When the same question is asked twice, then the answer is identical (deterministic)', () => {
        const again = evaluate(corpus, data);
        assert.deepEqual(
            again.map((r) => r.a),
            results.map((r) => r.a),
        );
    });
});
