// The parsed workbook a preview keeps until the chef decides: checked with zod and the domain parser when read back.
import { z } from 'zod';
import { parseForbund } from '../../domain';
import { rosterRowSchema } from '../../workbook/isolated';
import type { WorkbookData } from '../../workbook/read';

const model = z.object({ document: z.record(z.unknown()), people: z.array(rosterRowSchema) });

export const toPreviewModel = (d: WorkbookData): z.input<typeof model> => ({
    document: d.document,
    people: d.people,
});

/** The stored model as workbook data again; throws when it no longer validates. */
export function fromPreviewModel(raw: unknown, source: string): WorkbookData {
    const m = model.parse(raw);
    return { document: m.document, forbund: parseForbund(m.document, source), people: m.people };
}
