// The Q&A corpus (test/qa/corpus*.json) against its committed baseline: no misread ever, no case that passed in
// the baseline misses now, every miss is a case marked `pending`, and a pending case that passes loses its mark.
// Part 2's cases bring earlier turns (follow-ups) and the decisions and reports (full and masked) they may use.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBaseline, readCorpus } from '../../src/qa/corpus-files';
import { caseKey, evaluate, regressions, tallyBy, type ContextOf, type Result } from '../../src/qa/eval';
import { evalContext, ReportSetsSchema } from '../../src/qa/eval-context';
import { loadPlanText } from '../../src/storage/forbund-files';
import { DATA_DIR, FIXTURE_DIR, forbund } from '../domain/load';

const corpus = readCorpus(__dirname);
const baseline = readBaseline(__dirname);
const ids = [...new Set(corpus.map((c) => c.forbund))];
const dirOf = (id: string) => (existsSync(join(DATA_DIR, `${id}.json`)) ? DATA_DIR : FIXTURE_DIR);
const data = new Map(ids.map((id) => [id, forbund(id, dirOf(id))]));
const plans = new Map(ids.map((id) => [id, loadPlanText(dirOf(id), id)]));
const sets = ReportSetsSchema.parse(JSON.parse(readFileSync(join(__dirname, 'reports-part2.json'), 'utf8')));
const given = evalContext(sets);
const context: ContextOf = (c, f) => ({ plan: plans.get(c.forbund), ...given(c, f) });
const show = (r: Result) => `${r.c.forbund} "${r.c.q}": ${r.miss ?? 'passes'}`;

describe('Q&A corpus', () => {
    const results = evaluate(corpus, data, context);

    it('When the corpus is read, then it has at least 400 questions over both samples, Swedish and English', () => {
        assert.ok(corpus.length >= 400, `${corpus.length} questions`);
        for (const id of ['fryksdalen', 'nedansiljan']) assert.ok(ids.includes(id), id);
        assert.deepEqual([...new Set(corpus.map((c) => c.lang))].sort(), ['en', 'sv']);
    });

    it('When part 2 is read, then it has at least 150 questions of every kind the issue names, each with its source', () => {
        const part2 = corpus.filter((c) => c.category);
        assert.ok(part2.length >= 150, `${part2.length} part 2 questions`);
        const kinds = new Set(part2.map((c) => c.category));
        for (const k of ['follow_up', 'comparison', 'why', 'start_of_year', 'rule', 'roster', 'report', 'decision'])
            assert.ok(kinds.has(k), k);
        assert.ok(part2.some((c) => c.forbund === 'testbygden'));
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

    it('When the corpus is read, then no two cases share förbund, date, earlier turns, given sources and question', () => {
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
