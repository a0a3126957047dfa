// Form values: a stored report flattened to the card's field ids, and submitted values nested for the domain schema.
import type { MonthlyReport } from '../../domain/reports';

/** Flat form values by field id (`nya.kvinnor`, `rem.torsby`, `ind.far-stod.besvarade`, `kommentar`). */
export type FormValues = Record<string, string | number | undefined>;

/** A stored report as flat form values (to prefill the next version). */
export function flatten(o: object, prefix = ''): FormValues {
    return Object.fromEntries(
        Object.entries(o).flatMap(([k, v]) =>
            v && typeof v === 'object'
                ? Object.entries(flatten(v as object, `${prefix}${k}.`))
                : [[`${prefix}${k}`, v as string | number | undefined]],
        ),
    );
}

/** Flat form values nested by their dotted ids, as the domain schema reads them. */
export function unflatten(values: FormValues): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [id, v] of Object.entries(values)) {
        const parents = id.split('.');
        const leaf = parents.pop() ?? id;
        let node = out;
        for (const p of parents) node = (node[p] ??= {}) as Record<string, unknown>;
        node[leaf] = v;
    }
    return out;
}

/** The stored report's values for prefilling, or an empty form. */
export const valuesOf = (r: MonthlyReport | undefined): FormValues => (r ? flatten(r) : {});
