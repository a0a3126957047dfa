// Writes a förbund document as the workbook: one sheet per table in sheets.ts, notes on every header, drop-down lists.
import ExcelJS from 'exceljs';
import { writeCell } from './cells';
import { columnLetter, getPath, type RosterRow } from './read';
import { SHEETS, type CellKind, type Column, type FieldsSheet, type TableSheet } from './sheets';

type Obj = Record<string, unknown>;

/** Rows that get validation beyond the data, so the sheet is ready to fill in. */
const SPARE_ROWS = 200;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function validation(kind: CellKind): ExcelJS.DataValidation | undefined {
    const list = (values: readonly string[]): ExcelJS.DataValidation => ({
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: 'Ogiltigt värde',
        error: `Välj ett av: ${values.join(', ')}`,
    });
    if (typeof kind === 'object') return list(kind.enum.map((e) => kind.labels?.[e] ?? e));
    if (kind === 'bool') return list(['ja', 'nej']);
    if (kind === 'int' || kind === 'amount')
        return {
            type: 'whole',
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [kind === 'amount' ? 0 : -1e12],
            showErrorMessage: true,
            errorTitle: 'Ogiltigt värde',
            error: kind === 'amount' ? 'Ett belopp i hela kronor (eller tkr), utan minustecken.' : 'Ett heltal.',
        };
    if (kind === 'share')
        return {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, 1],
            showErrorMessage: true,
            errorTitle: 'Ogiltigt värde',
            error: 'En andel mellan 0 % och 100 %.',
        };
    return undefined;
}

function format(cell: ExcelJS.Cell, kind: CellKind): void {
    if (kind === 'share') cell.numFmt = '0.0%';
    else if (kind === 'amount') cell.numFmt = '#,##0';
    // Kept as text: Excel would turn "11-30" or "2027-01-01" into a date of its own.
    else if (kind === 'mmdd' || kind === 'day' || kind === 'text' || kind === 'list' || kind === 'intList')
        cell.numFmt = '@';
    if (kind === 'lines') cell.alignment = { wrapText: true, vertical: 'top' };
}

function header(ws: ExcelJS.Worksheet, columns: Column[], about: string): void {
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 4) }));
    const row = ws.getRow(1);
    row.font = { bold: true };
    columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.fill = HEADER_FILL;
        cell.note = i === 0 ? `${about}\n\n${c.note}` : c.note;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function table(wb: ExcelJS.Workbook, spec: TableSheet, rows: Obj[], keyColumn?: Column): void {
    const ws = wb.addWorksheet(spec.name);
    const columns = keyColumn ? [keyColumn, ...spec.columns] : spec.columns;
    header(ws, columns, spec.about);
    rows.forEach((r, i) => {
        const row = ws.getRow(i + 2);
        columns.forEach((c, j) => {
            const v = writeCell(c.kind, c.path ? getPath(r, c.path) : r.__key);
            if (v !== undefined) row.getCell(j + 1).value = v;
        });
    });
    columns.forEach((c, j) => {
        const dv = validation(c.kind);
        for (let r = 2; r <= rows.length + 1 + SPARE_ROWS; r++) {
            const cell = ws.getRow(r).getCell(j + 1);
            format(cell, c.kind);
            if (dv) cell.dataValidation = dv;
        }
    });
}

function fields(wb: ExcelJS.Workbook, spec: FieldsSheet, obj: Obj): void {
    const ws = wb.addWorksheet(spec.name);
    ws.columns = [
        { header: 'uppgift', width: 28 },
        { header: 'värde', width: 50 },
        { header: 'förklaring', width: 70 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).getCell(1).note = spec.about;
    [1, 2, 3].forEach((i) => (ws.getRow(1).getCell(i).fill = HEADER_FILL));
    spec.fields.forEach((f, i) => {
        const row = ws.getRow(i + 2);
        row.getCell(1).value = f.header;
        row.getCell(1).note = f.note;
        row.getCell(3).value = f.note;
        const cell = row.getCell(2);
        format(cell, f.kind);
        const dv = validation(f.kind);
        if (dv) cell.dataValidation = dv;
        const v = writeCell(f.kind, getPath(obj, f.path));
        if (v !== undefined) cell.value = v;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function rosterRows(doc: Obj, people: readonly Omit<RosterRow, 'at'>[]): Obj[] {
    const sample = ((doc.roster as Obj[] | undefined) ?? []).flatMap((p) =>
        ((p.roles as Obj[] | undefined) ?? []).map((role) => ({ ...p, role })),
    );
    const real = people.map((p) => ({
        slug: p.slug,
        name: p.name,
        email: p.email,
        sample: false,
        role: { ...p.role, from: p.from, to: p.to },
    }));
    return [...sample, ...real];
}

const INSTRUCTIONS = [
    'Så fyller du i arbetsboken',
    '',
    'Varje blad är en del av förbundets plan. Rad 1 är rubriker: håll muspekaren över en rubrik för en förklaring.',
    'Exempelraderna visar ett påhittat förbund: skriv över dem med ert eget förbunds uppgifter och ta bort resten.',
    'Id:n skrivs med små bokstäver, siffror och bindestreck (t.ex. "ostra-kommun") och används för att koppla ihop bladen:',
    'en post på bladet Budget hör till ett år på bladet Budgetår, en indikator till en insats, en roll till en part.',
    'Belopp skrivs i hela kronor (eller tkr om året har enheten tkr), utan minustecken. Alias skiljs med semikolon.',
    '',
    'Läs in arbetsboken:  npm run forbund -- import <fil.xlsx>            (sparas som förslag)',
    '                     npm run forbund -- import <fil.xlsx> --activate (gäller från i dag)',
    'Boten kontrollerar allt först; om något är fel ändras ingenting och felet anges med blad och cell, t.ex.',
    '"Budget!D7: ”tre” är inte ett belopp".',
];

/** The workbook for `doc` (data-file format) and the förbund's real roster people. */
export async function writeWorkbook(doc: Obj, people: readonly Omit<RosterRow, 'at'>[] = []): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Finsam';
    const intro = wb.addWorksheet('Instruktioner');
    intro.getColumn(1).width = 120;
    INSTRUCTIONS.forEach((line, i) => (intro.getRow(i + 1).getCell(1).value = line));
    intro.getRow(1).font = { bold: true, size: 14 };
    for (const spec of SHEETS) {
        if (spec.type === 'fields') {
            const obj = (getPath(doc, spec.path) as Obj | undefined) ?? {};
            fields(wb, spec, spec.toCells ? spec.toCells(obj) : obj);
            continue;
        }
        const rows = spec.rows;
        if (rows.at === 'roster') table(wb, spec, rosterRows(doc, people));
        else if (rows.at === 'list') {
            const items = (getPath(doc, rows.path) as Obj[] | undefined) ?? [];
            table(wb, spec, spec.toCells ? items.map(spec.toCells) : items);
        } else {
            const parents = (getPath(doc, rows.parent) as Obj[] | undefined) ?? [];
            const items = parents.flatMap((p) =>
                ((p[rows.child] as Obj[] | undefined) ?? []).map((c) => ({ ...c, __key: p[rows.parentKey] })),
            );
            table(wb, spec, items, rows.keyColumn);
        }
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
}

export { columnLetter };
