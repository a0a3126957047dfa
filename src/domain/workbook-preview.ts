// What a preview card says about a workbook before it is activated: its years and totals, the EK forecast, every
// finding and rule breach, and what differs from the version now in force. In Swedish or English.
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

type Lang = 'sv' | 'en';
const say = (lang: Lang, sv: string, en: string) => (lang === 'en' ? en : sv);

const RULES: Record<string, [string, string]> = {
    'ek-tak': ['eget kapital över förbundets tak', "equity above the förbund's ceiling"],
    'ek-buffert': ['eget kapital under bufferten', 'equity below the buffer'],
    'ek-negativt': ['negativt eget kapital', 'negative equity'],
    'admin-tak': ['administrationen över förbundets tak', "administration above the förbund's ceiling"],
    'kostnader-över-intäkter': ['kostnaderna över intäkterna', 'costs above income'],
    'lagens-fördelning': ['finansieringen avviker från lagens 50/25/25', "the funding departs from the law's 50/25/25"],
};

/** The changes from `before` (the version in force) to `after`, per year: posts added, removed and changed. */
function changes(before: Forbund | undefined, after: Forbund, lang: Lang): string[] {
    if (!before)
        return [say(lang, 'Ingen version gäller ännu: allt är nytt.', 'No version is in force yet: all of it is new.')];
    const out: string[] = [];
    for (const y of after.years) {
        const old = before.years.find((o) => o.year === y.year);
        if (!old) {
            out.push(say(lang, `${y.year}: nytt år i planen`, `${y.year}: new year in the plan`));
            continue;
        }
        for (const p of y.posts) {
            const was = old.posts.find((o) => o.id === p.id);
            if (!was)
                out.push(
                    say(
                        lang,
                        `${y.year}: ny post ${p.name} (${formatAmount(p.amount)})`,
                        `${y.year}: new post ${p.name} (${formatAmount(p.amount)})`,
                    ),
                );
            else if (was.amount.kr !== p.amount.kr)
                out.push(`${y.year}: ${p.name} ${formatAmount(was.amount)} → ${formatAmount(p.amount)}`);
        }
        for (const o of old.posts)
            if (!y.posts.some((p) => p.id === o.id))
                out.push(
                    say(lang, `${y.year}: posten ${o.name} är borttagen`, `${y.year}: the post ${o.name} is removed`),
                );
        if (old.allotted.kr !== y.allotted.kr)
            out.push(
                `${y.year}: ${say(lang, y.allottedLabel, 'allotted funds')} ${formatAmount(old.allotted)} → ${formatAmount(y.allotted)}`,
            );
    }
    for (const o of before.years)
        if (!after.years.some((y) => y.year === o.year))
            out.push(
                say(lang, `${o.year}: året finns inte längre i planen`, `${o.year}: the year is no longer in the plan`),
            );
    const names = (f: Forbund) => new Set(f.roster.map((p) => p.name));
    const [was, now] = [names(before), names(after)];
    for (const n of now) if (!was.has(n)) out.push(say(lang, `roster: ${n} tillkommer`, `roster: ${n} is added`));
    for (const n of was) if (!now.has(n)) out.push(say(lang, `roster: ${n} försvinner`, `roster: ${n} is removed`));
    return out.length > 0
        ? out
        : [say(lang, 'Samma belopp som versionen som gäller nu.', 'The same amounts as the version in force.')];
}

export function workbookPreview(f: Forbund, active: Forbund | undefined, lang: Lang = 'sv'): WorkbookPreview {
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
                          value: say(
                              lang,
                              `intäkter ${formatAmount(t.income)}, kostnader ${formatAmount(t.costs)}, resultat ${formatDifference(t.result)}`,
                              `income ${formatAmount(t.income)}, costs ${formatAmount(t.costs)}, result ${formatDifference(t.result)}`,
                          ),
                      },
                  ]
                : [];
        }),
        ek: ekForecast(f).map((e) => ({
            title: `EK ${e.year}`,
            value: say(
                lang,
                `${formatAmount(e.closing)} (${formatPercent(e.shareOfAllotted)} av tilldelade medel${e.closingBasis === 'beräknat' ? ', beräknat' : ''})`,
                `${formatAmount(e.closing)} (${formatPercent(e.shareOfAllotted)} of allotted funds${e.closingBasis === 'beräknat' ? ', computed' : ''})`,
            ),
        })),
        findings: [
            ...findings(f).map((x) =>
                say(
                    lang,
                    `${x.claim.where}: tryckt ${formatClaimValue(x.claim.value)}, beräknat ${formatClaimValue(x.derived)}`,
                    `${x.claim.where}: printed ${formatClaimValue(x.claim.value)}, computed ${formatClaimValue(x.derived)}`,
                ),
            ),
            ...ruleChecks(f)
                .filter((r) => !r.passed)
                .map((r) => {
                    const text = RULES[r.rule];
                    return `${r.year}: ${text ? say(lang, ...text) : r.rule}`;
                }),
        ],
        changes: changes(active, f, lang),
    };
}
