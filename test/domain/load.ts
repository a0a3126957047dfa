// Test helper: reads a förbund data file (real or fixture) and parses it through the domain parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForbund, type Forbund } from '../../src/domain';

export const DATA_DIR = join(__dirname, '..', '..', 'data', 'forbund');
export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'forbund');

/** The raw JSON of a data file, for tests that break a copy of it. */
export function rawForbund(id: string, dir = DATA_DIR): Record<string, unknown> {
    return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Record<string, unknown>;
}

/** A parsed data file. */
export function forbund(id: string, dir = DATA_DIR): Forbund {
    return parseForbund(rawForbund(id, dir), `${id}.json`);
}
