// From a read accounting file to utfall per budget post and month: the förbund's konto mapping, the checks, the preview.
import type { Text } from './deadline-types';
import { formatDate } from './format';
import { fromCumulative, LedgerFileError, type LedgerEntry, type LedgerFile } from './ledger';
import type { Forbund } from './schema';
import type { KontoRule } from './schema-utfall';

/**
 * One stored utfall figure: whole kronor for a month. `target` is a budget post (kostnader, debit positive), the
 * year's intäkter (shown positive: credit turned round) or a konto no rule maps (signed as in the accounts).
 */
export type UtfallLine = { period: string; target: 'post' | 'intakt' | 'konto'; key: string; kr: number };

/** What an import would store, and what the chef is shown before saving. */
export type UtfallImport = {
    year: number;
    periods: string[];
    lines: UtfallLine[];
    /** Konton no rule maps, with their sum over the file (signed as in the accounts); stored, never dropped. */
    unmapped: { konto: string; kr: number }[];
    cumulative: boolean;
    warnings: Text[];
};

const inRule = (r: KontoRule, konto: string) => {
    const [from, to = from] = r.konton.split('-');
    const n = Number(konto);
    return n >= Number(from) && n <= Number(to);
};

/** The first rule that fits a konto and its objekt. */
export function ruleFor(rules: readonly KontoRule[], konto: string, objekt: readonly string[]): KontoRule | undefined {
    return rules.find((r) => inRule(r, konto) && (r.objekt === undefined || objekt.includes(r.objekt)));
}

/**
 * Period balances (SIE 2/3) give a konto's total with {} and breakdowns per objekt that overlap it. Makes them
 * additive: where the rules name objekt of one dimension for the konto, those rows plus the rest of the total;
 * otherwise the total alone.
 */
function additive(entries: readonly LedgerEntry[], rules: readonly KontoRule[]): LedgerEntry[] {
    const groups = new Map<string, LedgerEntry[]>();
    for (const e of entries) {
        const key = `${e.konto}|${e.period}`;
        groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const out: LedgerEntry[] = [];
    for (const group of groups.values()) {
        const { konto, period } = group[0];
        const dim = rules.find((r) => r.objekt && inRule(r, konto))?.objekt?.split(':')[0];
        const total = group.find((e) => e.objekt.length === 0);
        const firstDim = group.find((e) => e.objekt.length > 0)?.objekt[0]?.split(':')[0];
        const rowsOf = (d: string | undefined) =>
            group.filter((e) => e.objekt.length > 0 && e.objekt[0].split(':')[0] === d);
        const all = total?.ore ?? rowsOf(firstDim).reduce((s, e) => s + e.ore, 0);
        const used = dim ? rowsOf(dim).map((e) => ({ ...e, objekt: [e.objekt[0]] })) : [];
        const rest = all - used.reduce((s, e) => s + e.ore, 0);
        out.push(...used);
        if (rest !== 0 || used.length === 0) out.push({ konto, objekt: [], period, ore: rest });
    }
    return out;
}

const monthOf = (p: string) => Number(p.slice(5, 7));

/**
 * Maps a read file to utfall for one plan year: checks the periods (in the year, the plan has the year, none in the
 * future) and sums per post, intäkter and unmapped konto. Throws LedgerFileError when the file cannot be used.
 */
export function mapLedger(f: Forbund, file: LedgerFile, now: Date, opts: { cumulative?: boolean } = {}): UtfallImport {
    const settings = f.utfall;
    if (!settings)
        throw new LedgerFileError('layout', {
            sv: `${f.name} har ingen kontokoppling ännu (utfall.mapping i förbundets data), så utfallet kan inte fördelas på budgetposter.`,
            en: `${f.name} has no account mapping yet (utfall.mapping in the förbund data), so the outcome cannot be split into budget posts.`,
        });
    const current = file.years.find((y) => y.index === 0);
    if (current && !(current.start.endsWith('-01-01') && current.end.endsWith('-12-31')))
        throw new LedgerFileError('year', {
            sv: `Räkenskapsåret i filen (#RAR 0: ${current.start}–${current.end}) är inte ett kalenderår som förbundets budget.`,
            en: `The file's financial year (#RAR 0: ${current.start}–${current.end}) is not a calendar year like the förbund's budget.`,
        });
    // A file with several years (#RAR 0 and −1) is imported for its current year; the earlier one is only reference.
    const years = [...new Set(file.entries.map((e) => Number(e.period.slice(0, 4))))].sort();
    const year = current ? Number(current.start.slice(0, 4)) : years.at(-1);
    if (year === undefined || file.entries.length === 0)
        throw new LedgerFileError('period', {
            sv: 'Filen har inga belopp på resultatkonton (klass 3–8) att läsa.',
            en: 'The file has no amounts on result accounts (classes 3–8) to read.',
        });
    const warnings = [...file.warnings];
    const others = years.filter((y) => y !== year);
    if (others.length > 0 && !current)
        throw new LedgerFileError('period', {
            sv: `Filen har perioder från flera år (${years.join(', ')}). Importera ett år i taget.`,
            en: `The file has periods from several years (${years.join(', ')}). Import one year at a time.`,
        });
    if (others.length > 0)
        warnings.push({
            sv: `Perioder från ${others.join(', ')} i filen läses inte; importen gäller ${year}.`,
            en: `Periods from ${others.join(', ')} in the file are not read; the import is for ${year}.`,
        });
    if (!f.years.some((y) => y.year === year))
        throw new LedgerFileError('period', {
            sv: `Planen har ingen budget för ${year} (planens år: ${f.years.map((y) => y.year).join(', ')}), så utfallet för ${year} kan inte jämföras.`,
            en: `The plan has no budget for ${year} (the plan's years: ${f.years.map((y) => y.year).join(', ')}), so the ${year} outcome cannot be compared.`,
        });
    const thisMonth = formatDate(now, 'yyyy-MM');
    let entries = file.entries.filter((e) => e.period.startsWith(`${year}-`));
    const future = [...new Set(entries.filter((e) => e.period > thisMonth).map((e) => e.period))];
    if (future.length > 0)
        throw new LedgerFileError('period', {
            sv: `Perioden ${future.sort().join(', ')} har inte börjat än. Kontrollera att filen gäller rätt år.`,
            en: `The period ${future.sort().join(', ')} has not started yet. Check that the file is for the right year.`,
        });
    const cumulative = opts.cumulative ?? settings.cumulative;
    if (cumulative) {
        entries = fromCumulative(entries);
        warnings.push({
            sv: 'Beloppen i filen är ackumulerade (hittills i år) och har räknats om till belopp per månad.',
            en: 'The amounts in the file are cumulative (year to date) and have been converted to monthly amounts.',
        });
    }
    if (file.source === 'periodsaldon') entries = additive(entries, settings.mapping);
    const ore = new Map<string, number>();
    const add = (period: string, target: UtfallLine['target'], key: string, v: number) => {
        const k = `${period}|${target}|${key}`;
        ore.set(k, (ore.get(k) ?? 0) + v);
    };
    for (const e of entries) {
        const rule = ruleFor(settings.mapping, e.konto, e.objekt);
        if (!rule) add(e.period, 'konto', e.konto, e.ore);
        else if (rule.intakt) add(e.period, 'intakt', '', -e.ore);
        else add(e.period, 'post', rule.post ?? '', e.ore);
    }
    const lines = [...ore].map(([k, v]) => {
        const [period, target, key] = k.split('|') as [string, UtfallLine['target'], string];
        return { period, target, key, kr: Math.round(v / 100) };
    });
    const periods = [...new Set(entries.map((e) => e.period))].sort();
    const gaps = periods.length ? monthOf(periods.at(-1) ?? '') - periods.length : 0;
    if (gaps > 0)
        warnings.push({
            sv: `Filen saknar ${gaps} av månaderna före ${periods.at(-1)}; de räknas som 0 kr tills de importeras.`,
            en: `The file lacks ${gaps} of the months before ${periods.at(-1)}; they count as 0 kr until imported.`,
        });
    const unmappedKr = new Map<string, number>();
    for (const l of lines.filter((x) => x.target === 'konto'))
        unmappedKr.set(l.key, (unmappedKr.get(l.key) ?? 0) + l.kr);
    const unmapped = [...unmappedKr]
        .map(([konto, kr]) => ({ konto, kr }))
        .sort((a, b) => a.konto.localeCompare(b.konto));
    if (unmapped.length > 0)
        warnings.push({
            sv: `${unmapped.length} konton saknar koppling till en budgetpost: ${unmapped.map((u) => u.konto).join(', ')}. De sparas som "ej kopplade" och visas för sig; lägg till dem i kontokopplingen.`,
            en: `${unmapped.length} accounts have no budget post: ${unmapped.map((u) => u.konto).join(', ')}. They are kept as "not mapped" and shown apart; add them to the account mapping.`,
        });
    return { year, periods, lines, unmapped, cumulative, warnings };
}
