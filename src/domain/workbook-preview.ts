// What a preview card says about a workbook before it is activated: its years and totals, the EK forecast, every
// finding and rule breach, and what differs from the version now in force. Swedish, like the workbook's own errors.
import { planYears, yearTotals } from './budget';
import { ekForecast } from './equity';
import { findings } from './findings';
import { formatAmount, formatClaimValue, formatDifference, formatPercent } from './format';
import { ruleChecks } from './rules';
import type { Forbund } from './schema';

export type WorkbookPreview = {
    name: string;
    years: string;
    totals: { title: string; value: string }[];
    ek: { title: string; value: string }[];
    findings: string[];
    changes: string[];
};

const RULES: Record<string, string> = {
    'ek-tak': 'eget kapital över förbundets tak',
    'ek-buffert': 'eget kapital under bufferten',
    'ek-negativt': 'negativt eget kapital',
    'admin-tak': 'administrationen över förbundets tak',
    'kostnader-över-intäkter': 'kostnaderna över intäkterna',
    'lagens-fördelning': 'finansieringen avviker från lagens 50/25/25',
};

/** The changes from `before` (the version in force) to `after`, per year: posts added, removed and changed. */
function changes(before: Forbund | undefined, after: Forbund): string[] {
    if (!before) return ['Ingen version gäller ännu: allt är nytt.'];
    const out: string[] = [];
    for (const y of after.years) {
        const old = before.years.find((o) => o.year === y.year);
        if (!old) {
            out.push(`${y.year}: nytt år i planen`);
            continue;
        }
        for (const p of y.posts) {
            const was = old.posts.find((o) => o.id === p.id);
            if (!was) out.push(`${y.year}: ny post ${p.name} (${formatAmount(p.amount)})`);
            else if (was.amount.kr !== p.amount.kr)
                out.push(`${y.year}: ${p.name} ${formatAmount(was.amount)} → ${formatAmount(p.amount)}`);
        }
        for (const o of old.posts)
            if (!y.posts.some((p) => p.id === o.id)) out.push(`${y.year}: posten ${o.name} är borttagen`);
        if (old.allotted.kr !== y.allotted.kr)
            out.push(`${y.year}: ${y.allottedLabel} ${formatAmount(old.allotted)} → ${formatAmount(y.allotted)}`);
    }
    for (const o of before.years)
        if (!after.years.some((y) => y.year === o.year)) out.push(`${o.year}: året finns inte längre i planen`);
    const names = (f: Forbund) => new Set(f.roster.map((p) => p.name));
    const [was, now] = [names(before), names(after)];
    for (const n of now) if (!was.has(n)) out.push(`roster: ${n} tillkommer`);
    for (const n of was) if (!now.has(n)) out.push(`roster: ${n} försvinner`);
    return out.length > 0 ? out : ['Samma belopp som versionen som gäller nu.'];
}

export function workbookPreview(f: Forbund, active: Forbund | undefined): WorkbookPreview {
    const years = planYears(f);
    return {
        name: f.name,
        years: years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0]),
        totals: years.flatMap((y) => {
            const t = yearTotals(f, y);
            return t
                ? [
                      {
                          title: String(y),
                          value: `intäkter ${formatAmount(t.income)}, kostnader ${formatAmount(t.costs)}, resultat ${formatDifference(t.result)}`,
                      },
                  ]
                : [];
        }),
        ek: ekForecast(f).map((e) => ({
            title: `EK ${e.year}`,
            value: `${formatAmount(e.closing)} (${formatPercent(e.shareOfAllotted)} av tilldelade medel${e.closingBasis === 'beräknat' ? ', beräknat' : ''})`,
        })),
        findings: [
            ...findings(f).map(
                (x) =>
                    `${x.claim.where}: tryckt ${formatClaimValue(x.claim.value)}, beräknat ${formatClaimValue(x.derived)}`,
            ),
            ...ruleChecks(f)
                .filter((r) => !r.passed)
                .map((r) => `${r.year}: ${RULES[r.rule] ?? r.rule}`),
        ],
        changes: changes(active, f),
    };
}
