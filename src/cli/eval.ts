// `npm run eval`: scores the Q&A corpus (test/qa/corpus*.json) per förbund and kind — accuracy, misreads and
// not-stated-but-in-text — and lists every miss. `npm run eval -- --baseline` rewrites test/qa/baseline.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Forbund } from '../domain';
import { BASELINE_FILE, readBaseline, readCorpus } from '../qa/corpus-files';
import { baselineOf, evaluate, regressions, tallyBy, type Result, type Tally } from '../qa/eval';
import { evalContext, ReportSetsSchema } from '../qa/eval-context';
import { FORBUND_DATA_DIR, ROOT } from '../paths';
import { loadForbund, loadPlanText } from '../storage/forbund-files';

const CORPUS_DIR = join(ROOT, 'test', 'qa');
const FIXTURE_DIR = join(ROOT, 'test', 'fixtures', 'forbund');
const writeBaseline = process.argv.includes('--baseline');
const corpus = readCorpus(CORPUS_DIR);

/** Sample data first, then test fixtures (the invented förbund). */
const dirOf = (id: string) => (existsSync(join(FORBUND_DATA_DIR, `${id}.json`)) ? FORBUND_DATA_DIR : FIXTURE_DIR);
const ids = [...new Set(corpus.map((c) => c.forbund))];
const forbund = new Map<string, Forbund>(ids.map((id) => [id, loadForbund(dirOf(id), id)]));
const plans = new Map(ids.map((id) => [id, loadPlanText(dirOf(id), id)]));
const started = process.hrtime.bigint();
// Part 2's report sets: the submitted reports a case's `given.reports` names.
const sets = ReportSetsSchema.parse(JSON.parse(readFileSync(join(CORPUS_DIR, 'reports-part2.json'), 'utf8')));
const given = evalContext(sets);
const results = evaluate(corpus, forbund, (c, f) => ({ plan: plans.get(c.forbund), ...given(c, f) }));
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const pct = (hit: number, n: number) => `${((100 * hit) / n).toFixed(1)} %`.padStart(8);
const row = (k: string, t: Tally) =>
    `  ${k.padEnd(26)}${pct(t.hit, t.n)}  ${`${t.hit}/${t.n}`.padStart(8)}  ${String(t.misread).padStart(8)}  ${String(t.notStatedInText).padStart(12)}  ${String(t.other).padStart(6)}`;
function table(title: string, key: (r: Result) => string) {
    console.log(`\n${title.padEnd(28)}accuracy      hits  misreads  not-stated*   other`);
    for (const [k, t] of tallyBy(results, key)) console.log(row(k, t));
}
table('Per förbund', (r) => r.c.forbund);
table('Per förbund × kind', (r) => `${r.c.forbund} ${r.c.expect.kind}`);
table('Per source', (r) => r.c.source);
table('Per language', (r) => r.c.lang);
table('Per category (part 2)', (r) => r.c.category ?? '(part 1)');
const [[, total]] = tallyBy(results, () => 'total');
console.log(row('Total', total));
console.log('  * not-stated-but-in-text: "not stated"/"can\'t answer" for something the plan states');
console.log(`  ${ms.toFixed(0)} ms, ${(ms / results.length).toFixed(2)} ms/question`);

const baseline = readBaseline(CORPUS_DIR);
const regressed = regressions(results, baseline);
const misses = results.filter((r) => r.miss);
for (const [title, list] of [
    ['Misreads', misses.filter((r) => r.verdict === 'misread')],
    ['Regressions against the baseline', regressed],
    ['Other misses', misses.filter((r) => r.verdict !== 'misread')],
] as const) {
    if (!list.length) continue;
    console.log(`\n${title} (${list.length}):`);
    for (const r of list) {
        console.log(`- [${r.c.forbund} ${r.c.now}${r.c.pending ? ' pending' : ''}] ${r.c.q}`);
        console.log(`    expected ${JSON.stringify(r.c.expect)}`);
        console.log(
            `    got      ${r.a.kind}${r.a.value !== undefined ? ` ${r.a.value} ${r.a.unit ?? ''}` : ''} – ${r.miss} – ${r.a.text.split('\n').slice(0, 2).join(' ').slice(0, 140)}`,
        );
    }
}
if (writeBaseline) {
    writeFileSync(join(CORPUS_DIR, BASELINE_FILE), `${JSON.stringify(baselineOf(results), null, 4)}\n`);
    console.log(`\nWrote ${BASELINE_FILE}.`);
}
process.exitCode = total.misread || regressed.length ? 1 : 0;
