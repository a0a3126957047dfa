// Agenda rules: the customary skeleton per body, numbering and reordering, and the ekonomisk rapport text.
import { yearTotals } from './budget';
import { ekForecast } from './equity';
import { must } from './must';
import { findings } from './findings';
import { formatAmount, formatClaimValue, formatPercent } from './format';
import { ruleChecks, type RuleName } from './rules';
import { bodyDecides, type Body, type Forbund } from './schema';

export const ITEM_KINDS = ['information', 'beslut', 'diskussion'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Skeleton items by role, so later steps (justerare, per capsulam, protokoll) can find them after edits. */
export const SLOTS = [
    'oppnande',
    'justerare',
    'dagordning',
    'ekonomi',
    'insatser',
    'beslutsarenden',
    'ovriga',
    'avslutande',
] as const;
export type Slot = (typeof SLOTS)[number];
export type NewItem = { slot?: Slot; kind: ItemKind; title: string; proposal?: string; details?: string };

/**
 * The agenda a meeting starts from; the styrelse gets the customary skeleton with the economy pre-filled: from the
 * latest utfall when the bot has one (`fromUtfall`, see utfallAgendaText), else from the plan.
 */
export function skeleton(f: Forbund, body: Body, meetingYear: number, fromUtfall?: string): NewItem[] {
    const open: NewItem = { slot: 'oppnande', kind: 'information', title: 'Mötets öppnande' };
    const other: NewItem = { slot: 'ovriga', kind: 'diskussion', title: 'Övriga frågor' };
    const close: NewItem = { slot: 'avslutande', kind: 'information', title: 'Mötets avslutande' };
    const insatser = f.insatser.filter((i) => body.kind !== 'styrgrupp' || i.id === body.insatsId);
    const reports: NewItem = {
        slot: 'insatser',
        kind: 'information',
        title: 'Rapporter från insatser',
        details: insatser.map((i) => i.name).join(', ') || undefined,
    };
    if (!bodyDecides(body)) return [open, reports, other, close];
    const economy: NewItem[] =
        body.kind === 'styrelse'
            ? [
                  {
                      slot: 'ekonomi',
                      kind: 'information',
                      title: 'Ekonomisk rapport',
                      details: fromUtfall ?? ekonomiskRapport(f, meetingYear),
                  },
              ]
            : [];
    return [
        open,
        {
            slot: 'justerare',
            kind: 'beslut',
            title: 'Val av justerare',
            proposal: 'Att utse två justerare att jämte ordföranden justera protokollet',
        },
        {
            slot: 'dagordning',
            kind: 'beslut',
            title: 'Godkännande av dagordning',
            proposal: 'Att godkänna dagordningen',
        },
        ...economy,
        reports,
        { slot: 'beslutsarenden', kind: 'beslut', title: 'Beslutsärenden' },
        other,
        close,
    ];
}

type Ordered = { id: number; slot?: Slot };
/** The opening and the closing keep their places: they are neither moved nor removed. */
export const isPinned = (x: { slot?: Slot }) => x.slot === 'oppnande' || x.slot === 'avslutande';
export type Move = { ok: true; order: number[] } | { ok: false; reason: 'unknown-item' | 'edge' | 'pinned' };

/** Moves an item one step; the opening stays first and the closing stays last. Numbers follow the new order. */
export function moveItem(items: readonly Ordered[], itemId: number, dir: 'up' | 'down'): Move {
    const i = items.findIndex((x) => x.id === itemId);
    if (i < 0) return { ok: false, reason: 'unknown-item' };
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return { ok: false, reason: 'edge' };
    if (isPinned(items[i]) || isPinned(items[j])) return { ok: false, reason: 'pinned' };
    const order = items.map((x) => x.id);
    [order[i], order[j]] = [order[j], order[i]];
    return { ok: true, order };
}

/** Where a new item goes: before "Övriga frågor", else before the closing, else last. */
export function insertIndex(items: readonly Ordered[]): number {
    for (const slot of ['ovriga', 'avslutande'] as const) {
        const i = items.findIndex((x) => x.slot === slot);
        if (i >= 0) return i;
    }
    return items.length;
}

const RULE_TEXT: Record<RuleName, string> = {
    'ek-tak': 'eget kapital över taket',
    'ek-buffert': 'eget kapital under bufferten',
    'ek-negativt': 'negativt eget kapital',
    'admin-tak': 'administrationen över taket',
    'kostnader-över-intäkter': 'kostnaderna överstiger intäkterna',
    'lagens-fördelning': 'statens andel avviker från lagens hälft',
};

/** The plan year a meeting reports on: its own year, else the latest earlier plan year, else the first. */
export function reportYear(f: Forbund, meetingYear: number): number {
    const years = f.years.map((y) => y.year).sort((a, b) => a - b);
    return years.includes(meetingYear) ? meetingYear : ([...years].reverse().find((y) => y < meetingYear) ?? years[0]);
}

/** The ekonomisk rapport for a meeting in `meetingYear`, in Swedish, computed from the plan (never typed in). */
export function ekonomiskRapport(f: Forbund, meetingYear: number): string {
    const year = reportYear(f, meetingYear);
    const y = must(
        f.years.find((x) => x.year === year),
        `plan year ${year}`,
    );
    const t = yearTotals(f, year);
    const lines = [
        `Budget ${year} (${y.status}): intäkter ${t ? formatAmount(t.income) : '–'}, kostnader ${t ? formatAmount(t.costs) : '–'}, resultat ${t ? formatAmount(t.result) : '–'}.`,
    ];
    const ek = ekForecast(f).filter((e) => e.year >= year);
    for (const e of ek) {
        const basis =
            e.closingBasis === 'printed'
                ? 'enligt planen'
                : e.closingBasis === 'utfall'
                  ? `utfall ${e.year}`
                  : 'beräknat';
        lines.push(
            `Eget kapital vid utgången av ${e.year} (${basis}): ${formatAmount(e.closing)}, ${formatPercent(e.shareOfAllotted)} av tilldelade medel – ${e.verdict}.`,
        );
    }
    const breaches = ruleChecks(f).filter((r) => !r.passed && r.year >= year);
    const byRule = new Map<RuleName, number[]>();
    for (const b of breaches) byRule.set(b.rule, [...(byRule.get(b.rule) ?? []), b.year]);
    lines.push(
        byRule.size
            ? `Regelavvikelser: ${[...byRule].map(([rule, ys]) => `${RULE_TEXT[rule]} (${ys.join(', ')})`).join('; ')}.`
            : 'Regelavvikelser: inga.',
    );
    const found = findings(f);
    const shown = found
        .slice(0, 3)
        .map(
            (x) =>
                `${x.claim.where}: tryckt ${formatClaimValue(x.claim.value)}, beräknat ${formatClaimValue(x.derived)}`,
        );
    const more = found.length > 3 ? ` och ${found.length - 3} till` : '';
    lines.push(
        found.length
            ? `Avvikelser i planens siffror: ${shown.join('; ')}${more}.`
            : 'Avvikelser i planens siffror: inga.',
    );
    return lines.join('\n');
}
