import assert from 'node:assert/strict';
import { fold, foldName } from '../../src/qa/text';

describe('text folding', () => {
    it('When a question is folded, then case, diacritics and punctuation go but digits, % and § stay', () => {
        assert.equal(
            fold('  Hur stor är ÖVERSKOTTET, 2026? (i %) enl. 23 §  '),
            'hur stor ar overskottet 2026 i % enl 23 §',
        );
        assert.equal(fold('anna.berg@example.se'), 'anna berg example se');
    });

    it('When a name is folded, then e-mail addresses, "&" and hyphens stay whole and § goes', () => {
        assert.equal(foldName('Anna.Berg@Example.se'), 'anna.berg@example.se');
        assert.equal(foldName('Åmål & Säffle-Ö, 23 §'), 'amal & saffle-o 23');
    });
});
