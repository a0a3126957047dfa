// Searching a plan's own text: the same folding and stemming for questions and passages, a coverage score that
// separates what the plan says from what it does not, and respond()'s choice between the model and a quote.
import assert from 'node:assert/strict';
import { parsePlanText } from '../../src/domain';
import { respond } from '../../src/qa/respond';
import { QUOTE_THRESHOLD } from '../../src/qa/quote';
import { searchPlan, searchTerms } from '../../src/qa/plan-search';
import { understand } from '../../src/qa/understand';
import { forbundFromFiles } from '../../src/storage/forbund-repository';
import { DATA_DIR, FIXTURE_DIR } from '../domain/load';

const plan = parsePlanText(
    [
        '# Verksamhetsplan 2030',
        '## 2. Organisation',
        '### Ledningsgruppen',
        'Ledningsgruppen bereder ärenden till styrelsen och träffas sex gånger per år.',
        '### Förbundschef',
        'Förbundschefen arbetar 50 % av heltid.',
        '## 5. Ekonomi',
        '| | 2030 |',
        '|---|---|',
        '| Styrelse | 90 000 |',
    ].join('\n'),
);
const at = new Date('2026-05-10T12:00:00+01:00');

describe('Plan text search', () => {
    it('When a question and a passage spell a word with or without diacritics, then they get the same terms', () => {
        assert.deepEqual(searchTerms('Ledningsgruppens möten'), searchTerms('ledningsgruppens moten'));
        assert.deepEqual(searchTerms('What does the board do?'), searchTerms('styrelsen'));
    });

    it('When the plan says it, then the passage is found under its heading with full coverage', () => {
        const [hit] = searchPlan(plan, 'Vad gör ledningsgruppen?');
        assert.equal(hit.passage.headings.at(-1), 'Ledningsgruppen');
        assert.equal(hit.coverage, 1);
    });

    it('When the plan does not mention it, then no passage reaches the quote threshold', () => {
        const [hit] = searchPlan(plan, 'Vilken bank använder förbundet?');
        assert.ok(!hit || hit.coverage < QUOTE_THRESHOLD);
    });

    it('When a table row holds the figures, then it is never a passage to quote', () => {
        assert.ok(searchPlan(plan, 'styrelse 2030').every((h) => h.passage.kind !== 'table'));
    });
});

describe('respond(): the model or the plan text', () => {
    const repo = forbundFromFiles(FIXTURE_DIR, ['norrskogen']);
    const f = repo.get('norrskogen')!;
    const ask = (text: string, withPlan = true) =>
        respond(understand(text, f, at), f, at, withPlan ? { plan: repo.planText(f.id) } : {});

    it('When the data has no answer but the text has, then the passage is quoted with its section', () => {
        const a = ask('Vad gör Samverkanslotsen?');
        assert.equal(a.kind, 'quote');
        assert.match(a.text, /hitta rätt part/);
        assert.match(a.section ?? '', /Samverkanslotsen$/);
        assert.equal(a.card?.template, 'qa-quote');
    });

    it('When there is no plan text, then the same question is not stated rather than quoted', () => {
        assert.notEqual(ask('Vad gör Samverkanslotsen?', false).kind, 'quote');
    });

    it('When a figure the model holds is asked, then the model answers it even though the text prints figures', () => {
        const a = ask('Hur stor buffert har styrelsen beslutat om?');
        assert.equal(a.kind, 'number');
        assert.equal(a.value, 800000);
    });

    it('When the text search finds nothing good enough, then the answer says the plan does not state it', () => {
        assert.equal(ask('Vilken bank använder förbundet?').kind, 'not_stated');
    });

    it('When the samples are loaded through the repository, then each has its plan text with a title and passages', () => {
        const samples = forbundFromFiles(DATA_DIR, ['fryksdalen', 'nedansiljan']);
        for (const id of samples.ids()) {
            const p = samples.planText(id);
            assert.ok(p && p.title && p.passages.length > 40, id);
        }
    });
});
