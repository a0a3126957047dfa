// Reads a förbund workbook into the data-file document, checks it with the domain's schema and maps each problem back
// to its sheet and cell. Nothing is stored here: a caller gets a valid model or a WorkbookError.
import ExcelJS from 'exceljs';
import { ForbundDataError, parseForbund, RoleSchema, type Forbund } from '../domain';
import { plain, readCell, type Plain } from './cells';
import { WorkbookError, type WorkbookIssue } from './errors';
import { guardWorkbook, WORKBOOK_LIMITS } from './guard';
import { OPTIONAL_OBJECTS, SHEETS, type Column, type FieldsSheet, type TableSheet } from './sheets';

type Obj = Record<string, unknown>;

/** A real person's role from the Roster sheet, with its mandate period; these go to the roster tables. */
export type RosterRow = {
    slug: string;
    name: string;
    email?: string;
    role: { role: string; partId?: string; insatsId?: string };
    from?: string;
    to?: string;
    /** The row's first cell, for messages. */
    at: string;
};

export type WorkbookData = {
    /** The data-file document (what a version stores). */
    document: Obj;
    /** The same, validated by the domain's parser. */
    forbund: Forbund;
    /** Real (not påhittade) people on the Roster sheet. */
    people: RosterRow[];
};

export function columnLetter(n: number): string {
    let s = '';
    for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
    return s;
}

/** True for undefined, an empty list, or an object whose every value holds nothing. */
function holdsNothing(v: unknown): boolean {
    if (v === undefined) return true;
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'object' && v !== null) return Object.values(v).every(holdsNothing);
    return false;
}

export function getPath(o: unknown, path: string): unknown {
    if (!path) return o;
    return path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Obj)[k] : undefined), o);
}
export function setPath(o: Obj, path: string, v: unknown): void {
    const keys = path.split('.');
    let cur = o;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Obj;
    cur[keys.at(-1)!] = v;
}

const norm = (s: string) => s.trim().toLowerCase();

/** A sheet's cells as objects, recording the cell of every field for messages. */
class Reader {
    readonly issues: WorkbookIssue[] = [];
    /** JSON path in the document → "Sheet!A1". */
    readonly cells = new Map<string, string>();
    constructor(readonly wb: ExcelJS.Workbook) {}

    sheet(name: string, optional = false): ExcelJS.Worksheet | undefined {
        const ws = this.wb.worksheets.find((w) => norm(w.name) === norm(name));
        if (!ws && !optional) this.issues.push({ where: name, reason: `bladet ”${name}” saknas i arbetsboken` });
        return ws;
    }

    cell(ws: ExcelJS.Worksheet, row: number, col: number, column: Column, target: Obj, prefix: string): void {
        const v = plain(ws.getRow(row).getCell(col).value);
        const at = `${ws.name}!${columnLetter(col)}${row}`;
        if (column.path) this.cells.set(prefix ? `${prefix}.${column.path}` : column.path, at);
        if (v === undefined) return;
        const r = readCell(column.kind, v);
        if (!r.ok) this.issues.push({ where: at, reason: r.reason });
        else if (column.path) setPath(target, column.path, r.value);
    }

    /** The table's non-empty rows: header names find the columns (any order); unknown or missing ones are issues. */
    table(spec: TableSheet, extra: Column[] = []): Table | undefined {
        const ws = this.sheet(spec.name, spec.optional);
        if (!ws) return undefined;
        const header = new Map<string, number>();
        ws.getRow(1).eachCell((c, col) => {
            const h = plain(c.value);
            if (h !== undefined) header.set(norm(String(h)), col);
        });
        const columns = [...extra, ...spec.columns];
        const known = new Set(columns.map((c) => norm(c.header)));
        for (const [h, col] of header)
            if (!known.has(h))
                this.issues.push({
                    where: `${ws.name}!${columnLetter(col)}1`,
                    reason: `okänd kolumn ”${h}”; kolumnerna är: ${columns.map((c) => c.header).join(', ')}`,
                });
        for (const c of columns)
            if (!header.has(norm(c.header)))
                this.issues.push({ where: `${ws.name}!1`, reason: `kolumnen ”${c.header}” saknas` });
        const rows: Table['rows'] = [];
        const colOf = (c: Column) => header.get(norm(c.header)) ?? 0;
        for (let row = 2; row <= ws.rowCount; row++) {
            const values = columns.map((c) => (colOf(c) ? plain(ws.getRow(row).getCell(colOf(c)).value) : undefined));
            if (values.every((v) => v === undefined)) continue;
            rows.push({ row, key: extra.length ? values[0] : undefined, at: `${ws.name}!A${row}` });
        }
        return { ws, colOf, rows };
    }

    /** Reads every column of `row` into a new object, recording cells under `prefix`. */
    fields(t: Table, row: number, columns: Column[], prefix: string): Obj {
        const obj: Obj = {};
        for (const c of columns) if (t.colOf(c)) this.cell(t.ws, row, t.colOf(c), c, obj, prefix);
        return obj;
    }
}

type Table = {
    ws: ExcelJS.Worksheet;
    colOf: (c: Column) => number;
    rows: { row: number; key?: Plain; at: string }[];
};

function readTable(rd: Reader, spec: TableSheet, doc: Obj): void {
    const rows = spec.rows;
    if (rows.at === 'roster') return;
    const t = rd.table(spec, rows.at === 'nested' ? [rows.keyColumn] : []);
    if (!t) return;
    // A sheet without rows is an empty list (the schema says whether one is needed).
    if (rows.at === 'list') setPath(doc, rows.path, getPath(doc, rows.path) ?? []);
    else
        ((getPath(doc, rows.parent) as Obj[] | undefined) ?? []).forEach((parent, i) => {
            parent[rows.child] ??= [];
            rd.cells.set(`${rows.parent}[${i}].${rows.child}`, spec.name);
        });
    for (const r of t.rows) {
        let prefix: string;
        let list: Obj[];
        if (rows.at === 'list') {
            list = (getPath(doc, rows.path) as Obj[] | undefined) ?? [];
            setPath(doc, rows.path, list);
            prefix = `${rows.path}[${list.length}]`;
        } else {
            const keyRead = r.key === undefined ? undefined : readCell(rows.keyColumn.kind, r.key);
            const parents = (getPath(doc, rows.parent) as Obj[] | undefined) ?? [];
            const index = keyRead?.ok ? parents.findIndex((p) => p[rows.parentKey] === keyRead.value) : -1;
            if (index < 0) {
                rd.issues.push({
                    where: r.at,
                    reason:
                        r.key === undefined
                            ? `${rows.keyColumn.header} saknas`
                            : `${rows.keyColumn.header} ”${String(r.key)}” finns inte på bladet ${rows.parentSheet}`,
                });
                continue;
            }
            const parent = parents[index];
            list = (parent[rows.child] as Obj[] | undefined) ?? [];
            parent[rows.child] = list;
            prefix = `${rows.parent}[${index}].${rows.child}[${list.length}]`;
        }
        const obj = rd.fields(t, r.row, spec.columns, prefix);
        rd.cells.set(prefix, r.at);
        list.push(spec.fromCells ? spec.fromCells(obj) : obj);
    }
}

function readFields(rd: Reader, spec: FieldsSheet, doc: Obj): void {
    const ws = rd.sheet(spec.name, spec.optional);
    if (!ws) return;
    const labels = new Map(spec.fields.map((f) => [norm(f.header), f]));
    const obj: Obj = {};
    const seen = new Set<string>();
    for (let row = 2; row <= ws.rowCount; row++) {
        const label = plain(ws.getRow(row).getCell(1).value);
        if (label === undefined) continue;
        const field = labels.get(norm(String(label)));
        if (!field) {
            rd.issues.push({
                where: `${ws.name}!A${row}`,
                reason: `okänd uppgift ”${String(label)}”; uppgifterna är: ${spec.fields.map((f) => f.header).join(', ')}`,
            });
            continue;
        }
        seen.add(field.path);
        rd.cell(ws, row, 2, field, obj, spec.path);
    }
    for (const f of spec.fields)
        if (!seen.has(f.path)) rd.cells.set(spec.path ? `${spec.path}.${f.path}` : f.path, ws.name);
    const value = spec.fromCells ? spec.fromCells(obj) : obj;
    if (!spec.path) Object.assign(doc, value);
    else if (spec.keepEmpty || Object.keys(value).length > 0) setPath(doc, spec.path, value);
}

function readRoster(rd: Reader, spec: TableSheet, doc: Obj): RosterRow[] {
    const people: RosterRow[] = [];
    const roster: Obj[] = [];
    doc.roster = roster;
    const t = rd.table(spec);
    if (!t) return people;
    for (const r of t.rows) {
        const prefixFor = (slug: unknown) => {
            const i = roster.findIndex((p) => p.slug === slug);
            const person = i >= 0 ? roster[i] : undefined;
            return `roster[${i >= 0 ? i : roster.length}].roles[${person ? (person.roles as Obj[]).length : 0}]`;
        };
        const tmp = `roster-row-${r.row}`;
        const obj = rd.fields(t, r.row, spec.columns, tmp);
        const role = (obj.role ?? {}) as Obj;
        const cellOf = (path: string) => rd.cells.get(`${tmp}.${path}`) ?? r.at;
        if (typeof obj.slug !== 'string') {
            rd.issues.push({ where: cellOf('slug'), reason: 'id saknas' });
            continue;
        }
        if (obj.sample === true) {
            for (const k of ['from', 'to'])
                if (role[k] !== undefined)
                    rd.issues.push({ where: cellOf(`role.${k}`), reason: 'en påhittad person har ingen mandatperiod' });
            const prefix = prefixFor(obj.slug);
            let person = roster.find((p) => p.slug === obj.slug);
            if (!person) {
                person = { slug: obj.slug, name: obj.name, email: obj.email, sample: true, roles: [] };
                const i = roster.length;
                roster.push(person);
                for (const k of ['slug', 'name', 'email', 'sample']) rd.cells.set(`roster[${i}].${k}`, cellOf(k));
                rd.cells.set(`roster[${i}]`, r.at);
            }
            const { from: _from, to: _to, ...plainRole } = role;
            (person.roles as Obj[]).push(plainRole);
            for (const k of ['role', 'partId', 'insatsId']) rd.cells.set(`${prefix}.${k}`, cellOf(`role.${k}`));
            rd.cells.set(prefix, r.at);
            continue;
        }
        const parsed = RoleSchema.safeParse(role);
        if (!parsed.success) {
            for (const i of parsed.error.issues)
                rd.issues.push({ where: cellOf(`role.${String(i.path[0] ?? 'role')}`), reason: i.message });
            continue;
        }
        if (typeof obj.name !== 'string') {
            rd.issues.push({ where: cellOf('name'), reason: 'namn saknas' });
            continue;
        }
        const email = obj.email as string | undefined;
        if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
            rd.issues.push({ where: cellOf('email'), reason: `”${email}” är ingen e-postadress` });
        const from = role.from as string | undefined;
        const to = role.to as string | undefined;
        if (from && to && to < from) rd.issues.push({ where: cellOf('role.to'), reason: 'till är före från' });
        people.push({
            slug: obj.slug,
            name: obj.name,
            email,
            role: { role: parsed.data.role, partId: parsed.data.partId, insatsId: parsed.data.insatsId },
            from,
            to,
            at: r.at,
        });
        rd.cells.set(`people:${people.length - 1}:partId`, cellOf('role.partId'));
        rd.cells.set(`people:${people.length - 1}:insatsId`, cellOf('role.insatsId'));
    }
    return people;
}

/** zod's own English messages in Swedish; the schema's custom messages already are. */
const SWEDISH: [RegExp, string][] = [
    [/^Required$/, 'saknas'],
    [/^Array must contain at least (\d+) element\(s\)$/, 'minst $1 rad behövs'],
    [/^String must contain at least 1 character\(s\)$/, 'får inte vara tom'],
    [/^Number must be greater than or equal to (\S+)$/, 'ska vara minst $1'],
    [/^Number must be less than or equal to (\S+)$/, 'ska vara högst $1'],
    [/^Number must be greater than (\S+)$/, 'ska vara större än $1'],
    [/^Number must be less than (\S+)$/, 'ska vara mindre än $1'],
    [/^Expected integer, received float$/, 'ska vara ett heltal'],
    [/^Invalid email$/, 'är ingen e-postadress'],
    [/^Invalid literal value, expected true$/, 'ska vara ja'],
    [/^Invalid enum value\. Expected (.*), received '(.*)'$/, '”$2” är inte ett av: $1'],
    [/^Unrecognized key\(s\) in object: (.*)$/, 'okända fält: $1'],
];
export const swedish = (reason: string) =>
    SWEDISH.reduce((r, [re, sv]) => (re.test(r) ? r.replace(re, sv) : r), reason);

/** The cell of a document path: itself, else its first recorded field, else its nearest recorded parent. */
function cellFor(cells: Map<string, string>, path: string): string | undefined {
    for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
        const exact = cells.get(p);
        if (exact) return exact;
        for (const [k, v] of cells) if (k.startsWith(`${p}.`) || k.startsWith(`${p}[`)) return v;
        if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
    }
    return undefined;
}

/** Reads and validates a workbook; throws WorkbookError naming sheet, cell and reason for every problem found. */
export async function readWorkbook(buf: Buffer, fileName: string, limits = WORKBOOK_LIMITS): Promise<WorkbookData> {
    await guardWorkbook(buf, fileName, limits);
    const wb = new ExcelJS.Workbook();
    try {
        await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch (err) {
        throw new WorkbookError([
            { where: 'arbetsboken', reason: `kan inte läsas som .xlsx (${(err as Error).message})` },
        ]);
    }
    const rd = new Reader(wb);
    const doc: Obj = {};
    let people: RosterRow[] = [];
    for (const spec of SHEETS) {
        if (spec.type === 'fields') readFields(rd, spec, doc);
        else if (spec.rows.at === 'roster') people = readRoster(rd, spec, doc);
        else readTable(rd, spec, doc);
    }
    for (const path of OPTIONAL_OBJECTS) if (holdsNothing(doc[path])) delete doc[path];
    if (rd.issues.length > 0) throw new WorkbookError(rd.issues);
    let forbund: Forbund;
    try {
        forbund = parseForbund(doc, fileName);
    } catch (err) {
        if (!(err instanceof ForbundDataError)) throw err;
        throw new WorkbookError(
            err.issues.map((i) => ({ where: cellFor(rd.cells, i.path) ?? 'arbetsboken', reason: swedish(i.reason) })),
        );
    }
    const parts = new Set(forbund.parter.map((p) => p.id));
    const insatser = new Set(forbund.insatser.map((i) => i.id));
    people.forEach((p, i) => {
        if (p.role.partId && !parts.has(p.role.partId))
            rd.issues.push({ where: rd.cells.get(`people:${i}:partId`)!, reason: `okänd part ”${p.role.partId}”` });
        if (p.role.insatsId && !insatser.has(p.role.insatsId))
            rd.issues.push({
                where: rd.cells.get(`people:${i}:insatsId`)!,
                reason: `okänd insats ”${p.role.insatsId}”`,
            });
    });
    if (rd.issues.length > 0) throw new WorkbookError(rd.issues);
    return { document: doc, forbund, people };
}
