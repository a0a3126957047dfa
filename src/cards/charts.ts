// Teams-only chart elements (Chart.*): the JS renderer does not know them, so each is checked here against its
// documented shape and must carry a fallback the renderer can show instead.
import { z } from 'zod';

const point = z.object({ x: z.union([z.string(), z.number()]), y: z.number() }).passthrough();
const series = z.object({ legend: z.string().optional(), values: z.array(point).min(1) }).passthrough();
const slice = z.object({ legend: z.string(), value: z.number() }).passthrough();
const base = { type: z.string(), title: z.string().optional(), fallback: z.object({ type: z.string() }).passthrough() };

const SHAPES: Record<string, z.ZodTypeAny> = {
    'Chart.Line': z.object({ ...base, data: z.array(series).min(1) }).passthrough(),
    'Chart.VerticalBar': z.object({ ...base, data: z.array(point).min(1) }).passthrough(),
    'Chart.VerticalBar.Grouped': z.object({ ...base, data: z.array(series).min(1) }).passthrough(),
    'Chart.HorizontalBar': z.object({ ...base, data: z.array(point).min(1) }).passthrough(),
    'Chart.Donut': z.object({ ...base, data: z.array(slice).min(1) }).passthrough(),
    'Chart.Pie': z.object({ ...base, data: z.array(slice).min(1) }).passthrough(),
    'Chart.Gauge': z.object({ ...base, value: z.number() }).passthrough(),
};

/** Every Chart.* element in a card (at any depth). */
export function chartsIn(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
    if (Array.isArray(node)) node.forEach((n) => chartsIn(n, found));
    else if (node && typeof node === 'object') {
        const el = node as Record<string, unknown>;
        if (typeof el.type === 'string' && el.type.startsWith('Chart.')) found.push(el);
        Object.entries(el).forEach(([k, v]) => k !== 'fallback' && chartsIn(v, found));
    }
    return found;
}

/** Problems with the card's charts: unknown chart type, wrong shape, or no object fallback. */
export function chartProblems(card: unknown): string[] {
    return chartsIn(card).flatMap((el) => {
        const shape = SHAPES[String(el.type)];
        if (!shape) return [`unknown chart element ${String(el.type)}`];
        const r = shape.safeParse(el);
        return r.success ? [] : r.error.issues.map((i) => `${String(el.type)}.${i.path.join('.')}: ${i.message}`);
    });
}
