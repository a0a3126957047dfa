// `npm run bench:plan-search`: MiniSearch vs FlexSearch over the plans' passages, on the eval corpus's quote
// questions (test/qa/corpus*.json): how often the passage ranked first (or in the top 3) holds the quoted words
// and heading, build and query time — the measurement behind docs/decisions/007-plan-text-search.md. Both
// engines get the same terms (src/qa/plan-search.ts searchTerms: folded, glossed, Swedish/English stems).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Passage, PlanText } from '../src/domain';
import { readCorpus } from '../src/qa/corpus-files';
import { searchTerms } from '../src/qa/plan-search';
import { quotable } from '../src/qa/quote';
import { fold } from '../src/qa/text';
import { loadPlanText } from '../src/storage/forbund-files';

const ROOT = join(__dirname, '..', existsSync(join(__dirname, '..', 'package.json')) ? '' : '..');
const DATA = join(ROOT, 'data', 'forbund');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'forbund');
const corpus = readCorpus(join(ROOT, 'test', 'qa')).filter((c) => c.expect.kind === 'quote');
const plans = new Map<string, PlanText>();
for (const id of new Set(corpus.map((c) => c.forbund))) {
    const plan = loadPlanText(existsSync(join(DATA, `${id}.json`)) ? DATA : FIXTURES, id);
    if (plan) plans.set(id, plan);
}
const docs = (plan: PlanText) => plan.passages.filter((p) => p.kind !== 'table');

type Engine = { name: string; build: (plan: PlanText) => (q: string) => number[] };
const engines: Engine[] = [
    {
        name: 'MiniSearch',
        build: (plan) => {
            const ms = new MiniSearch<{ id: number; text: string; heading: string }>({
                fields: ['text', 'heading'],
                tokenize: searchTerms,
                processTerm: (t) => t,
                searchOptions: {
                    boost: { heading: 1.5 },
                    prefix: (t) => t.length >= 5,
                    fuzzy: (t) => (t.length >= 7 ? 1 : 0),
                },
            });
            ms.addAll(docs(plan).map((p) => ({ id: p.index, text: p.text, heading: p.headings.join(' ') })));
            return (q) => ms.search(q, { combineWith: 'OR' }).map((r) => r.id as number);
        },
    },
    {
        name: 'FlexSearch',
        build: (plan) => {
            const ix = new FlexSearch.Index({ encode: searchTerms, tokenize: 'strict', resolution: 9 });
            for (const p of docs(plan)) ix.add(p.index, `${p.headings.join(' ')} ${p.text}`);
            return (q) => (ix.search(q, { limit: 10, suggest: true }) as number[]).map(Number);
        },
    },
];

const right = (p: Passage | undefined, words: string[], section?: string) =>
    !!p &&
    words.every((w) => fold(p.text).includes(fold(w))) &&
    (!section || fold(p.headings.join(' ')).includes(fold(section)));

for (const e of engines) {
    let top1 = 0;
    let top3 = 0;
    let buildMs = 0;
    let queryMs = 0;
    const searchers = new Map<string, (q: string) => number[]>();
    for (const [id, plan] of plans) {
        const t = performance.now();
        for (let i = 0; i < 20; i++) searchers.set(id, e.build(plan));
        buildMs += (performance.now() - t) / 20;
    }
    for (const c of corpus) {
        const plan = plans.get(c.forbund);
        const search = searchers.get(c.forbund);
        if (!plan || !search) continue;
        const t = performance.now();
        const ids = search(c.q);
        queryMs += performance.now() - t;
        const hits = ids.map((i) => plan.passages[i]);
        if (right(hits[0], c.expect.words ?? [], c.expect.section)) top1++;
        if (hits.slice(0, 3).some((p) => right(p, c.expect.words ?? [], c.expect.section))) top3++;
    }
    const n = corpus.length;
    console.log(
        `${e.name.padEnd(11)} top-1 ${((100 * top1) / n).toFixed(1)} % (${top1}/${n})  top-3 ${((100 * top3) / n).toFixed(1)} %  build ${buildMs.toFixed(1)} ms for ${plans.size} plans  query ${(queryMs / n).toFixed(3)} ms`,
    );
}

// The quote threshold: the best passage's coverage for questions the plan's text answers (quote cases) against
// questions it does not (not_stated cases without a model answer), and how many each threshold gets right.
const all = readCorpus(join(ROOT, 'test', 'qa'));
// As the bot decides: a question for a figure is quoted only from a passage that prints a number it does not.
const figures = (q: string) => /\b(hur (mycket|manga|stor)|how (much|many)|antal|kostar|belopp)\b/.test(fold(q));
const best = (c: (typeof all)[number]) => {
    const plan = plans.get(c.forbund);
    return plan ? (quotable(plan, { text: c.q }, figures(c.q))?.coverage ?? 0) : 0;
};
const stated = all.filter((c) => c.expect.kind === 'quote').map(best);
const silent = all.filter((c) => c.expect.kind === 'not_stated' && c.source === 'text').map(best);
console.log(
    `\nCoverage of the best passage: quote cases ${stated.length}, text-silent not_stated cases ${silent.length}`,
);
for (let t = 0.3; t <= 0.801; t += 0.05) {
    const kept = stated.filter((x) => x >= t).length;
    const refused = silent.filter((x) => x < t).length;
    console.log(
        `  threshold ${t.toFixed(2)}: quotes ${kept}/${stated.length}, "not stated" ${refused}/${silent.length}, together ${(((kept + refused) / (stated.length + silent.length)) * 100).toFixed(1)} %`,
    );
}
