// Reads the Q&A eval corpus: every test/qa/corpus*.json (the main corpus and the parts other work adds) and the
// committed baseline, each parsed at the file edge.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineSchema, CorpusSchema, type Baseline, type Case } from './eval';

/** Every case of every `corpus*.json` in `dir`, files in name order. */
export function readCorpus(dir: string): Case[] {
    return readdirSync(dir)
        .filter((name) => /^corpus.*\.json$/.test(name))
        .sort()
        .flatMap((name) => {
            const parsed = CorpusSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
            if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
            return parsed.data;
        });
}

export const BASELINE_FILE = 'baseline.json';

/** The committed baseline, or an empty one when none is committed yet. */
export function readBaseline(dir: string): Baseline {
    const file = join(dir, BASELINE_FILE);
    if (!existsSync(file)) return { passing: [], byForbund: {} };
    return BaselineSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
