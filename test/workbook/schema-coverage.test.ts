// Every field of the data-file schema has a place in the workbook: a field added to src/domain/schema*.ts without a
// line in src/workbook/sheets.ts fails here, by name, instead of being dropped silently on export.
import assert from 'node:assert/strict';
import type { ZodTypeAny } from 'zod';
import { ForbundSchema } from '../../src/domain';
import { SHEETS } from '../../src/workbook/sheets';

/** The schema's leaf fields as paths: `parter[].kind`, `years[].posts[].amount`; arrays of scalars end at the array. */
function leaves(schema: ZodTypeAny, path: string): string[] {
    const def = schema._def as { typeName: string; [k: string]: unknown };
    switch (def.typeName) {
        case 'ZodOptional':
        case 'ZodNullable':
        case 'ZodDefault':
            return leaves(def.innerType as ZodTypeAny, path);
        case 'ZodEffects':
            return leaves(def.schema as ZodTypeAny, path);
        case 'ZodPipeline':
            return leaves(def.in as ZodTypeAny, path);
        case 'ZodObject': {
            const shape = (def.shape as () => Record<string, ZodTypeAny>)();
            return Object.entries(shape).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
        }
        case 'ZodUnion':
        case 'ZodDiscriminatedUnion': {
            const options = def.options as ZodTypeAny[] | Map<unknown, ZodTypeAny>;
            return [...new Set([...options.values()].flatMap((o) => leaves(o, path)))];
        }
        case 'ZodArray': {
            const inner = leaves(def.type as ZodTypeAny, `${path}[]`);
            return inner.length === 1 && inner[0] === `${path}[]` ? [path] : inner;
        }
        default:
            return [path];
    }
}

/** The document paths the workbook's columns fill. */
function covered(): Set<string> {
    const out = new Set<string>();
    const add = (base: string, column: string) => {
        const p = base ? `${base}.${column}` : column;
        // An amount cell and its unit cell make one printed value: { kr } | { tkr } | { percent }.
        if (p.endsWith('.n')) for (const k of ['kr', 'tkr', 'percent']) out.add(`${p.slice(0, -2)}.${k}`);
        else out.add(p);
    };
    for (const s of SHEETS) {
        if (s.type === 'fields') for (const f of s.fields) add(s.path, f.path);
        else if (s.rows.at === 'list') for (const c of s.columns) add(`${s.rows.path}[]`, c.path);
        else if (s.rows.at === 'nested') for (const c of s.columns) add(`${s.rows.parent}[].${s.rows.child}[]`, c.path);
        else
            for (const c of s.columns)
                add(c.path.startsWith('role.') ? 'roster[].roles[]' : 'roster[]', c.path.replace(/^role\./, ''));
    }
    return out;
}

/** Old names a data file may still use; the parser maps them to their new field, so the workbook writes only that. */
const READ_ONLY_ALIASES = new Set(['calendar.sus']);
/** Set by the database's förbund repository on a stored version (which version it is), never part of the data. */
const NOT_DATA = new Set(['source.edition.sv', 'source.edition.en']);

describe('workbook schema coverage', () => {
    it('When the data-file schema is walked, then every field has a column or a row on some sheet', () => {
        const have = covered();
        const missing = leaves(ForbundSchema, '').filter(
            (p) => !have.has(p) && !READ_ONLY_ALIASES.has(p) && !NOT_DATA.has(p),
        );
        assert.deepEqual(missing, [], `add these fields to src/workbook/sheets.ts: ${missing.join(', ')}`);
    });
});
