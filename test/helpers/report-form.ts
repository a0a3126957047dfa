// The monthly report form as Teams handles it: its inputs, what a button sends, the error under a field.
import { parseForbund } from '../../src/domain';
import { rawForbund } from '../domain/load';

export type Card = { body: any[]; actions?: any[] };
export const inputs = (items: any[]): any[] =>
    items.flatMap((i) => (i.type?.startsWith('Input.') ? [i] : inputs(i.items ?? i.columns ?? [])));
/** What Teams sends for a form: the button's data plus every input's value, with `change` applied. */
export function submitData(card: Card, change: Record<string, string | number> = {}) {
    const values = Object.fromEntries(
        inputs(card.body).map((i) => [i.id, i.value === null || i.value === undefined ? '' : String(i.value)]),
    );
    return {
        ...card.actions![0].data,
        ...values,
        ...Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)])),
    };
}
/** The error text shown right under an input, or at the top of its group for sum rules. */
export function errorAt(card: Card, field: string): string | undefined {
    const walk = (items: any[]): string | undefined => {
        for (let k = 0; k < items.length; k++) {
            const it = items[k];
            if (it.id === field && items[k + 1]?.color === 'Attention') return items[k + 1].text;
            const groupHit =
                it.type === 'Container' &&
                inputs(it.items).some((i: any) => i.id.startsWith(`${field}.`)) &&
                it.items[1]?.color === 'Attention';
            if (groupHit && !inputs(it.items).some((i: any) => i.id === field)) return it.items[1].text;
            const inner = walk(it.items ?? []);
            if (inner) return inner;
        }
        return undefined;
    };
    return walk(card.body);
}

/** Fryksdalen plus an invented insats whose projektägare is `owner` (a sample person, not on the plan's roster). */
export function fryksdalenWithInsats(
    insats: { id: string; name: string; type?: string },
    owner: { name: string; email: string; slug: string },
) {
    const raw = rawForbund('fryksdalen') as { insatser: object[]; roster: object[] };
    raw.insatser.push({ ...insats, indicators: [] });
    raw.roster.push({
        slug: owner.slug,
        name: owner.name,
        email: owner.email,
        sample: true,
        roles: [{ role: 'projektägare', insatsId: insats.id }],
    });
    return parseForbund(raw, `fryksdalen+${insats.id}`);
}
