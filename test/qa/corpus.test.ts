// The Q&A corpus (test/qa/corpus*.json) against its committed baseline: no misread ever, no case that passed in
// the baseline misses now, every miss is a case marked `pending`, and a pending case that passes loses its mark.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBaseline, readCorpus } from '../../src/qa/corpus-files';
import { caseKey, evaluate, regressions, tallyBy, type Result } from '../../src/qa/eval';
import { loadPlanText } from '../../src/storage/forbund-files';
import { DATA_DIR, FIXTURE_DIR, forbund } from '../domain/load';

const corpus = readCorpus(__dirname);
const baseline = readBaseline(__dirname);
const ids = [...new Set(corpus.map((c) => c.forbund))];
const dirOf = (id: string) => (existsSync(join(DATA_DIR, `${id}.json`)) ? DATA_DIR : FIXTURE_DIR);
const data = new Map(ids.map((id) => [id, forbund(id, dirOf(id))]));
const plans = new Map(ids.map((id) => [id, loadPlanText(dirOf(id), id)]));
const context = (id: string) => ({ plan: plans.get(id) });
const show = (r: Result) => `${r.c.forbund} "${r.c.q}": ${r.miss ?? 'passes'}`;

describe('Q&A corpus', () => {
    const results = evaluate(corpus, data, context);

    it('When the corpus is read, then it has at least 400 questions over both samples, Swedish and English', () => {
        assert.ok(corpus.length >= 400, `${corpus.length} questions`);
        for (const id of ['fryksdalen', 'nedansiljan']) assert.ok(ids.includes(id), id);
        assert.deepEqual([...new Set(corpus.map((c) => c.lang))].sort(), ['en', 'sv']);
    });

    it('When every question is answered, then no answer gives a figure for another measure, entity or year (no misread)', () => {
        assert.deepEqual(results.filter((r) => r.verdict === 'misread').map(show), []);
    });

    it('When compared with the committed baseline, then no case that passed there misses now', () => {
        assert.deepEqual(regressions(results, baseline).map(show), []);
        for (const [id, t] of tallyBy(results, (r) => r.c.forbund)) {
            const before = baseline.byForbund[id];
            if (before) assert.ok(t.hit >= before.hit, `${id}: ${t.hit} hits, baseline ${before.hit}`);
        }
    });

    it('When a case misses, then it is marked pending (a new case is kept, marked, never removed)', () => {
        assert.deepEqual(results.filter((r) => r.miss && !r.c.pending).map(show), []);
    });

    it('When a pending case passes, then its mark is removed (the marks stay honest)', () => {
        assert.deepEqual(results.filter((r) => !r.miss && r.c.pending).map(show), []);
    });

    it('When the corpus is read, then no two cases share förbund, date and question', () => {
        const keys = corpus.map(caseKey);
        assert.deepEqual(
            keys.filter((k, i) => keys.indexOf(k) !== i),
            [],
        );
    });

    it('When the same question is asked twice, then the answer is identical (deterministic)', () => {
        const again = evaluate(corpus, data, context);
        assert.deepEqual(
            again.map((r) => r.a),
            results.map((r) => r.a),
        );
    });
});
