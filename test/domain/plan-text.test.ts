// The clean plan texts (data/forbund/<id>.plan.md): every number matches the OCR source after normalising digit
// groups and minus signs, except the committed corrections; and the texts split into passages under headings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parsePlanText, planNumberParts, planNumbers } from '../../src/domain/plan-text';
import { DATA_DIR } from './load';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const Corrections = z.array(
    z.object({ plan: z.string(), ocr: z.string().min(1), clean: z.string().optional(), reason: z.string().min(10) }),
);
const corrections = Corrections.parse(JSON.parse(readFileSync(join(SEEDS, 'corrections.json'), 'utf8')));

/** Whether `n` is made of numbers of `known` written together (an OCR that lost the column gaps: "1000756610"). */
function madeOf(n: string, known: ReadonlySet<string>): boolean {
    if (known.has(n)) return true;
    for (let i = 1; i < n.length; i++) if (known.has(n.slice(0, i)) && madeOf(n.slice(i), known)) return true;
    return false;
}

for (const id of ['fryksdalen', 'nedansiljan']) {
    describe(`Plan text ${id}`, () => {
        const clean = readFileSync(join(DATA_DIR, `${id}.plan.md`), 'utf8');
        const ocr = readFileSync(join(SEEDS, `${id}.ocr.txt`), 'utf8');
        const mine = corrections.filter((c) => c.plan === id);
        const corrected = new Set(mine.flatMap((c) => (c.clean ? planNumbers(c.clean) : [])));

        it('When the clean text is compared with the OCR, then every number it prints is in the OCR (or corrected)', () => {
            const ocrNumbers = planNumberParts(ocr);
            const missing = [...new Set(planNumbers(clean))].filter((n) => !ocrNumbers.has(n) && !corrected.has(n));
            assert.deepEqual(missing, []);
        });

        it('When the OCR is compared with the clean text, then every number it prints is in the clean text (or corrected)', () => {
            const cleanNumbers = planNumberParts(clean);
            const missing = [...new Set(planNumbers(ocr))].filter((n) => !madeOf(n, cleanNumbers));
            assert.deepEqual(missing, []);
            // Digits OCR'd with a letter for a digit ("1C" for 10) need a correction saying what became of them.
            const glued = [...ocr.matchAll(/(?<!\S)\d+[COIl](?!\S)/g)].map((m) => m[0]);
            assert.deepEqual(
                glued.filter((g) => !mine.some((c) => c.ocr === g)),
                [],
            );
        });

        it('When the corrections are read, then each names text that is really in the OCR and the clean text', () => {
            for (const c of mine) {
                assert.ok(ocr.includes(c.ocr), `OCR lacks "${c.ocr}"`);
                if (c.clean) assert.ok(clean.includes(c.clean), `clean text lacks "${c.clean}"`);
            }
        });

        it('When the clean text is split, then it has a title and every passage sits under a heading', () => {
            const plan = parsePlanText(clean);
            assert.ok(plan.title.length > 10);
            assert.ok(plan.passages.length > 40);
            assert.deepEqual(
                plan.passages.filter((p) => p.headings.length === 0).map((p) => p.text),
                [],
            );
        });
    });
}

describe('Plan text numbers', () => {
    it('When a text prints grouped, signed and ranged numbers, then they are normalised', () => {
        assert.deepEqual(planNumbers('1 500 000 och 1500 000, −461 720, -50 000, 16–64 år, 20,8 %, st6d 5ka'), [
            '1500000',
            '1500000',
            '-461720',
            '-50000',
            '16',
            '64',
            '20,8',
        ]);
    });
});
