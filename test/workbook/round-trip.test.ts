// Export → import gives back the same model for both samples, the third förbund and the committed template.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForbund } from '../../src/domain';
import { readWorkbook } from '../../src/workbook/read';
import { writeWorkbook } from '../../src/workbook/write';

const ROOT = join(__dirname, '..', '..');
const DOCS = {
    fryksdalen: join(ROOT, 'data', 'forbund', 'fryksdalen.json'),
    nedansiljan: join(ROOT, 'data', 'forbund', 'nedansiljan.json'),
    testbygden: join(ROOT, 'test', 'fixtures', 'forbund', 'testbygden.json'),
    exempelbygden: join(ROOT, 'data', 'templates', 'exempel.json'),
};

describe('workbook round trip', () => {
    for (const [id, file] of Object.entries(DOCS)) {
        it(`When ${id} is exported and the workbook imported, then the model is the same`, async () => {
            const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
            const model = parseForbund(doc, file);
            const back = await readWorkbook(await writeWorkbook(doc), `${id}.xlsx`);
            assert.deepEqual(back.forbund, model);
            assert.deepEqual(back.people, []);
        });
    }
});
