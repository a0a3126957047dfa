// Reading a workbook in a child process with a memory limit: good and bad workbooks as in-process, a hostile one ends the
// child (not this process) with a Swedish refusal.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookError } from '../../src/workbook/errors';
import { ISOLATED_LIMITS, readWorkbookIsolated } from '../../src/workbook/isolated';
import { writeWorkbook } from '../../src/workbook/write';

const EXAMPLE = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'data', 'templates', 'exempel.json'), 'utf8'),
) as Record<string, unknown>;

const refusal = async (p: Promise<unknown>) => {
    try {
        await p;
    } catch (err) {
        assert.ok(err instanceof WorkbookError, String(err));
        return err.message;
    }
    assert.fail('the workbook was read');
};

describe('readWorkbookIsolated (a workbook read in a child process with a memory limit)', function () {
    // Each case starts a child process and reads a whole workbook there.
    this.timeout(60_000);
    it('When the workbook is good, then the model comes back checked', async () => {
        const data = await readWorkbookIsolated(await writeWorkbook(EXAMPLE), 'exempel.xlsx');
        assert.equal(data.forbund.id, EXAMPLE.id);
        assert.ok(data.forbund.years.length > 0);
    });

    it('When a cell is wrong, then the error names sheet, cell and reason', async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await writeWorkbook(EXAMPLE)) as unknown as ArrayBuffer);
        wb.getWorksheet('Budget')!.getCell('D2').value = '1,5 milj';
        const buf = Buffer.from(await wb.xlsx.writeBuffer());
        assert.match(await refusal(readWorkbookIsolated(buf, 'x.xlsx')), /Budget!D2: ”1,5 milj” är inte ett belopp/);
    });

    it('When reading needs more memory than the limit, then the child ends and the workbook is refused', async () => {
        const small = { ...ISOLATED_LIMITS, heapMb: 48 };
        const plain = await writeWorkbook(EXAMPLE);
        assert.equal(
            (await readWorkbookIsolated(plain, 'x.xlsx', small)).forbund.id,
            EXAMPLE.id,
            'the limit fits a plan',
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(plain as unknown as ArrayBuffer);
        const ws = wb.addWorksheet('Fyllnad');
        const text = 'x'.repeat(200);
        for (let r = 1; r <= 4000; r++) ws.getRow(r).values = Array.from({ length: 20 }, (_, i) => `${text}${r}-${i}`);
        const buf = Buffer.from(await wb.xlsx.writeBuffer());
        assert.match(await refusal(readWorkbookIsolated(buf, 'x.xlsx', small)), /mer minne än tillåtet/);
    });
});
