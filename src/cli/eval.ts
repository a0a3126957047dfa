// `npm run eval`: scores the Q&A corpus, printing accuracy per kind and per förbund and every miss.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyBy, CorpusSchema, evaluate, type Result } from '../qa/eval';
import { evalContext, ReportSetsSchema } from '../qa/eval-context';
import { FORBUND_DATA_DIR, ROOT } from '../paths';
import { loadForbunds } from '../storage/forbund-files';

const QA = join(ROOT, 'test', 'qa');
const files =
    process.argv.length > 2 ? process.argv.slice(2) : [join(QA, 'corpus.json'), join(QA, 'corpus-part2.json')];
const corpus = files.flatMap((file) => CorpusSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
const sets = ReportSetsSchema.parse(JSON.parse(readFileSync(join(QA, 'reports-part2.json'), 'utf8')));
const ids = [...new Set(corpus.map((c) => c.forbund))];
// The third förbund lives with the test fixtures: it shows that nothing depends on the two samples.
const fixtures = join(ROOT, 'test', 'fixtures', 'forbund');
const forbund = new Map(
    [
        ...loadForbunds(
            FORBUND_DATA_DIR,
            ids.filter((id) => id !== 'testbygden'),
        ),
        ...(ids.includes('testbygden') ? loadForbunds(fixtures, ['testbygden']) : []),
    ].map((f) => [f.id, f]),
);
const started = process.hrtime.bigint();
const results = evaluate(corpus, forbund, evalContext(sets));
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const pct = (hit: number, n: number) => `${((100 * hit) / n).toFixed(1)} %`.padStart(8);
function table(title: string, key: (r: Result) => string) {
    console.log(`\n${title}`);
    for (const [k, [hit, n]] of [...accuracyBy(results, key)].sort())
        console.log(`  ${k.padEnd(14)}${pct(hit, n)}  ${hit}/${n}`);
}
table('Per kind (expected)', (r) => r.c.expect.kind);
table('Per category (part 2)', (r) => r.c.category ?? '(part 1)');
table('Per förbund', (r) => r.c.forbund);
table('Per language', (r) => r.c.lang);
const misses = results.filter((r) => r.miss);
console.log(
    `\nTotal ${pct(results.length - misses.length, results.length)}  ${results.length - misses.length}/${results.length}  (${ms.toFixed(0)} ms, ${(ms / results.length).toFixed(2)} ms/question)`,
);
if (misses.length) console.log(`\nMisses (${misses.length}):`);
for (const r of misses) {
    console.log(`- [${r.c.forbund} ${r.c.now}] ${r.c.q}`);
    console.log(`    expected ${JSON.stringify(r.c.expect)}`);
    console.log(
        `    got      ${r.a.kind}${r.a.value !== undefined ? ` ${r.a.value} ${r.a.unit ?? ''}` : ''} – ${r.miss} – ${r.a.text.split('\n').slice(0, 2).join(' ').slice(0, 140)}`,
    );
}
process.exitCode = misses.length ? 1 : 0;
