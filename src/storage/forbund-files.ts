// Reads förbund data files (data/forbund/<id>.json) from disk and validates them with the domain's parser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ForbundDataError, parseForbund, parsePlanText, type Forbund, type PlanText } from '../domain';

function readJson(file: string): unknown {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (err) {
        throw new ForbundDataError(file, [{ path: '', reason: `kan inte läsa filen (${(err as Error).message})` }]);
    }
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new ForbundDataError(file, [{ path: '', reason: `ogiltig JSON (${(err as Error).message})` }]);
    }
}

/** Loads and validates `<dir>/<id>.json`; throws ForbundDataError (file, path, reason) when it is malformed. */
export function loadForbund(dir: string, id: string): Forbund {
    const file = join(dir, `${id}.json`);
    const forbund = parseForbund(readJson(file), file);
    if (forbund.id !== id) {
        throw new ForbundDataError(file, [{ path: 'id', reason: `filen heter ${id}.json men id är "${forbund.id}"` }]);
    }
    return forbund;
}

/** The ids of every `*.json` data file in `dir`, sorted. */
export function forbundIds(dir: string): string[] {
    return readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => basename(name, '.json'))
        .sort();
}

/** Loads the named förbund (every data file in `dir` when `ids` is omitted), in the order given. */
export function loadForbunds(dir: string, ids: readonly string[] = forbundIds(dir)): Forbund[] {
    return ids.map((id) => loadForbund(dir, id));
}

/** The plan's clean text `<dir>/<id>.plan.md` as passages (docs/plan-text.md), or undefined when there is none. */
export function loadPlanText(dir: string, id: string): PlanText | undefined {
    const file = join(dir, `${id}.plan.md`);
    if (!existsSync(file)) return undefined;
    const plan = parsePlanText(readFileSync(file, 'utf8'));
    if (!plan.title || plan.passages.length === 0) {
        throw new ForbundDataError(file, [{ path: '', reason: 'plantexten saknar rubrik (#) eller stycken' }]);
    }
    return plan;
}
