// One cell ↔ one field value: reading what a person typed (numbers as text, ja/nej, dates) and writing it back.
import type { CellKind } from './sheets';

/** A cell's value after formulas, rich text and links are reduced to what the cell shows. */
export type Plain = string | number | boolean | Date | undefined;

/** exceljs cell values (formula results, rich text, hyperlinks) as a plain value; empty text is undefined. */
export function plain(v: unknown): Plain {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v;
    if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
    if (typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('result' in o) return plain(o.result);
        if (Array.isArray(o.richText)) return plain(o.richText.map((r: { text?: string }) => r.text ?? '').join(''));
        if ('text' in o) return plain(o.text);
        if ('error' in o) return typeof o.error === 'string' ? o.error : '#FEL';
    }
    return undefined;
}

/** ”tre” with Swedish quotes, as the error messages show a value. */
export const quoted = (v: Plain) => `”${v instanceof Date ? v.toISOString().slice(0, 10) : String(v)}”`;

type Read = { ok: true; value: unknown } | { ok: false; reason: string };
const ok = (value: unknown): Read => ({ ok: true, value });
const bad = (reason: string): Read => ({ ok: false, reason });

/** "1 500 000", "1500000", "-5" → an integer; anything else undefined. */
function integerText(s: string): number | undefined {
    const t = s.replace(/[\s\u00a0\u202f]/g, '');
    return /^[-−]?\d+$/.test(t) ? Number(t.replace('−', '-')) : undefined;
}
/** "20,5", "20.5", "1 000" → a number. */
function numberText(s: string): number | undefined {
    const t = s
        .replace(/[\s\u00a0\u202f]/g, '')
        .replace(',', '.')
        .replace('−', '-');
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}
const pad = (n: number) => String(n).padStart(2, '0');
/** A Date cell's calendar day: exceljs reads dates as UTC midnight. */
const dayOfCell = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isRealDay = (s: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Reads a non-empty cell as `kind`; the reason is Swedish and quotes the value. */
export function readCell(kind: CellKind, v: Exclude<Plain, undefined>): Read {
    const text = () => (v instanceof Date ? dayOfCell(v) : String(v).trim());
    if (typeof kind === 'object') {
        const t = text().toLowerCase();
        const hit = kind.enum.find((e) => e.toLowerCase() === t || kind.labels?.[e]?.toLowerCase() === t);
        return hit !== undefined
            ? ok(hit)
            : bad(`${quoted(v)} är inte ett av: ${kind.enum.map((e) => kind.labels?.[e] ?? e).join(', ')}`);
    }
    switch (kind) {
        case 'text':
            return ok(text());
        case 'lines':
            return ok(
                text()
                    .split(/\r?\n/)
                    .map((l) => l.trim())
                    .filter(Boolean),
            );
        case 'list':
            return ok(
                text()
                    .split(';')
                    .map((l) => l.trim())
                    .filter(Boolean),
            );
        case 'int':
        case 'amount': {
            const n = typeof v === 'number' ? v : typeof v === 'string' ? integerText(v) : undefined;
            const what = kind === 'amount' ? 'ett belopp' : 'ett heltal';
            if (n === undefined) return bad(`${quoted(v)} är inte ${what}`);
            if (!Number.isInteger(n))
                return bad(`${quoted(v)} är inte ${what} i hela ${kind === 'amount' ? 'kronor' : 'tal'}`);
            return ok(n);
        }
        case 'number': {
            const n = typeof v === 'number' ? v : typeof v === 'string' ? numberText(v) : undefined;
            return n === undefined ? bad(`${quoted(v)} är inte ett tal`) : ok(n);
        }
        case 'share': {
            const percent = typeof v === 'string' && /%\s*$/.test(v);
            const n =
                typeof v === 'number' ? v : typeof v === 'string' ? numberText(v.replace(/%\s*$/, '')) : undefined;
            if (n === undefined) return bad(`${quoted(v)} är inte en andel (t.ex. 20 %)`);
            // A plain 20 in a cell without percent format means 20 %.
            return ok(percent || n >= 1 ? Math.round(n * 1e6) / 1e8 : n);
        }
        case 'bool': {
            if (typeof v === 'boolean') return ok(v);
            const t = text().toLowerCase();
            if (t === 'ja' || t === 'yes' || t === 'sant' || t === 'true') return ok(true);
            if (t === 'nej' || t === 'no' || t === 'falskt' || t === 'false') return ok(false);
            return bad(`${quoted(v)} ska vara ja eller nej`);
        }
        case 'day': {
            const t = text();
            return isRealDay(t) ? ok(t) : bad(`${quoted(v)} är inte ett datum (åååå-mm-dd)`);
        }
        case 'mmdd': {
            const t = v instanceof Date ? dayOfCell(v).slice(5) : text();
            return /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)
                ? ok(t)
                : bad(`${quoted(v)} är inte en dag (MM-DD, t.ex. 11-30)`);
        }
        case 'intList': {
            if (typeof v === 'number') return Number.isInteger(v) ? ok([v]) : bad(`${quoted(v)} är inte heltal`);
            const parts = text()
                .split(/[;,]/)
                .map((p) => p.trim())
                .filter(Boolean)
                .map(integerText);
            return parts.some((p) => p === undefined)
                ? bad(`${quoted(v)} är inte heltal åtskilda med semikolon`)
                : ok(parts);
        }
    }
}

/** A field value as the cell shows it; undefined leaves the cell empty. */
export function writeCell(kind: CellKind, value: unknown): string | number | undefined {
    if (value === undefined || value === null) return undefined;
    // Document values are JSON scalars or arrays of them.
    const v = value as string | number | boolean | (string | number)[];
    if (typeof kind === 'object') return kind.labels?.[String(v)] ?? String(v);
    switch (kind) {
        case 'lines':
            return (v as string[]).length ? (v as string[]).join('\n') : undefined;
        case 'list':
        case 'intList':
            return (v as unknown[]).length ? (v as unknown[]).join('; ') : undefined;
        case 'bool':
            return v ? 'ja' : 'nej';
        case 'int':
        case 'amount':
        case 'number':
        case 'share':
            return v as number;
        default:
            return String(v);
    }
}
