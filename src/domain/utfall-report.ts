// The ekonomisk rapport from utfall: per post budget, utfall hittills, share used, helårsprognos, deviation and EK.
import { budgetYear } from './budget';
import type { Text } from './deadline-types';
import { ekForecast, ekVerdict, type EkVerdict } from './equity';
import { formatAmount, formatDate, formatPercent } from './format';
import type { Amount, Forbund } from './schema';
import type { UtfallLine } from './utfall';

/** Where the utfall came from, for the card and the agenda. */
export type UtfallSource = {
    fileName: string;
    kind: string;
    importedAt: Date;
    /** The day the accounting system made the file, when it says. */
    generated?: string;
    cumulative: boolean;
};

/** The stored utfall of one year and what the chef has set: the report's input. */
export type UtfallData = {
    year: number;
    lines: readonly UtfallLine[];
    /** The latest month with utfall (yyyy-MM). */
    latest: string;
    source: UtfallSource;
    /** Prognos set by the chef, kronor per post id ("intakter" for the year's intäkter). */
    prognos: Readonly<Record<string, number>>;
    /** Bokslut for closed years: the year's actual intäkter and kostnader; they replace the plan in the EK forecast. */
    bokslut: readonly { year: number; intakter: number; kostnader: number }[];
};

export type RowStatus = 'enligt budget' | 'över budget' | 'under budget' | 'ingen budget';
export const STATUS_EN: Record<RowStatus, string> = {
    'enligt budget': 'on budget',
    'över budget': 'over budget',
    'under budget': 'under budget',
    'ingen budget': 'no budget',
};

export type ReportRow = {
    id: string;
    name: string;
    kind: 'intakt' | 'kostnad' | 'ej kopplat';
    budget: Amount;
    utfall: Amount;
    /** utfall ÷ budget; undefined without a budget. */
    used?: number;
    /** The share of the year gone by the latest month (months ÷ 12). */
    proRata: number;
    prognos: Amount;
    prognosBasis: 'linjär' | 'budget' | 'satt';
    /** prognos − budget. */
    deviation: Amount;
    status: RowStatus;
};

export type EkPrognos = {
    year: number;
    opening: Amount;
    result: Amount;
    closing: Amount;
    share: number;
    verdict: EkVerdict;
    basis: 'bokslut' | 'prognos' | 'plan';
};

export type UtfallReport = {
    year: number;
    latest: string;
    months: number;
    source: UtfallSource;
    income: ReportRow;
    posts: ReportRow[];
    /** Konton without a budget post, as one row (signed as in the accounts); not in the totals. */
    unmapped?: ReportRow & { konton: string[] };
    totals: { income: ReportRow; costs: ReportRow; result: { budget: Amount; utfall: Amount; prognos: Amount } };
    ek: EkPrognos[];
};

const kr = (n: number): Amount => ({ kr: n, unit: 'kr' });

function statusOf(budget: number, prognos: number, tolerance: number): RowStatus {
    if (budget === 0) return prognos === 0 ? 'enligt budget' : 'ingen budget';
    const off = (prognos - budget) / budget;
    return off > tolerance ? 'över budget' : off < -tolerance ? 'under budget' : 'enligt budget';
}

/** The report for the utfall year; undefined when the plan has no budget for it. */
export function utfallReport(f: Forbund, data: UtfallData): UtfallReport | undefined {
    const y = budgetYear(f, data.year);
    if (!y) return undefined;
    const months = Number(data.latest.slice(5, 7));
    const proRata = months / 12;
    const tolerance = f.utfall?.tolerance ?? 0.05;
    const sumOf = (pick: (l: UtfallLine) => boolean) => data.lines.filter(pick).reduce((s, l) => s + l.kr, 0);
    const row = (id: string, name: string, kind: ReportRow['kind'], budget: Amount, utfall: number): ReportRow => {
        const set = data.prognos[id];
        const linear = Math.round((utfall * 12) / months);
        const prognos = set ?? (kind === 'intakt' ? budget.kr : linear);
        return {
            id,
            name,
            kind,
            budget,
            utfall: kr(utfall),
            used: budget.kr === 0 ? undefined : utfall / budget.kr,
            proRata,
            prognos: kr(prognos),
            prognosBasis: set !== undefined ? 'satt' : kind === 'intakt' ? 'budget' : 'linjär',
            deviation: kr(prognos - budget.kr),
            status: kind === 'ej kopplat' ? 'ingen budget' : statusOf(budget.kr, prognos, tolerance),
        };
    };
    const income = row(
        'intakter',
        y.allottedLabel,
        'intakt',
        y.allotted,
        sumOf((l) => l.target === 'intakt'),
    );
    const posts = y.posts.map((p) =>
        row(
            p.id,
            p.name,
            'kostnad',
            p.amount,
            sumOf((l) => l.target === 'post' && l.key === p.id),
        ),
    );
    // Utfall on a post of another plan year (a post the year's budget does not have) is still shown.
    const known = new Set(y.posts.map((p) => p.id));
    const strays = [...new Set(data.lines.filter((l) => l.target === 'post' && !known.has(l.key)).map((l) => l.key))];
    for (const id of strays) {
        const name = f.years.flatMap((x) => x.posts).find((p) => p.id === id)?.name ?? id;
        posts.push(
            row(
                id,
                name,
                'kostnad',
                kr(0),
                sumOf((l) => l.target === 'post' && l.key === id),
            ),
        );
    }
    const konton = [...new Set(data.lines.filter((l) => l.target === 'konto').map((l) => l.key))].sort();
    const unmapped = konton.length
        ? {
              ...row(
                  'ej-kopplat',
                  'Ej kopplade konton',
                  'ej kopplat',
                  kr(0),
                  sumOf((l) => l.target === 'konto'),
              ),
              konton,
          }
        : undefined;
    const total = (rows: ReportRow[], id: string, name: string): ReportRow => {
        const budget = rows.reduce((s, r) => s + r.budget.kr, 0);
        const utfall = rows.reduce((s, r) => s + r.utfall.kr, 0);
        const prognos = rows.reduce((s, r) => s + r.prognos.kr, 0);
        return {
            id,
            name,
            kind: 'kostnad',
            budget: { kr: budget, unit: y.unit },
            utfall: kr(utfall),
            used: budget === 0 ? undefined : utfall / budget,
            proRata,
            prognos: kr(prognos),
            prognosBasis: rows.some((r) => r.prognosBasis === 'satt') ? 'satt' : 'linjär',
            deviation: kr(prognos - budget),
            status: statusOf(budget, prognos, tolerance),
        };
    };
    const costs = total(posts, 'kostnader', 'Kostnader');
    const result = {
        budget: { kr: income.budget.kr - costs.budget.kr, unit: y.unit },
        utfall: kr(income.utfall.kr - costs.utfall.kr),
        prognos: kr(income.prognos.kr - costs.prognos.kr),
    };
    return {
        year: data.year,
        latest: data.latest,
        months,
        source: data.source,
        income,
        posts,
        unmapped,
        totals: { income, costs, result },
        ek: ekWithPrognos(f, data, result.prognos),
    };
}

/**
 * The EK forecast with the prognos: a year with a bokslut uses its actual result, the utfall year its prognos, later
 * years the plan's result; the plan's opening balance is kept until the first year that changes.
 */
export function ekWithPrognos(f: Forbund, data: UtfallData, prognosResult: Amount): EkPrognos[] {
    const plan = ekForecast(f);
    const out: EkPrognos[] = [];
    let changed = false;
    for (const e of plan) {
        const bokslut = data.bokslut.find((b) => b.year === e.year);
        const opening = changed ? (out.at(-1)?.closing ?? e.opening) : e.opening;
        const basis = bokslut ? 'bokslut' : e.year === data.year ? 'prognos' : 'plan';
        const result =
            basis === 'bokslut' && bokslut
                ? kr(bokslut.intakter - bokslut.kostnader)
                : basis === 'prognos'
                  ? prognosResult
                  : e.result;
        if (basis !== 'plan') changed = true;
        const closing = changed ? kr(opening.kr + result.kr) : e.closing;
        const share = e.allotted.kr === 0 ? 0 : closing.kr / e.allotted.kr;
        out.push({ year: e.year, opening, result, closing, share, verdict: ekVerdict(f, closing, share), basis });
    }
    return out;
}

const monthName = (latest: string, lang: 'sv' | 'en') =>
    formatDate(new Date(`${latest}-15T12:00:00Z`), 'LLLL yyyy', lang);

/** "Utfall t.o.m. mars 2026 (SIE-fil bok.se, importerad 2 april 2026)": where the figures come from. */
export function sourceLine(r: UtfallReport, lang: 'sv' | 'en'): string {
    const imported = formatDate(r.source.importedAt, lang === 'en' ? 'd MMMM yyyy' : 'd MMMM yyyy', lang);
    const made = r.source.generated
        ? lang === 'en'
            ? `, made ${r.source.generated}`
            : `, skapad ${r.source.generated}`
        : '';
    const cum = r.source.cumulative
        ? lang === 'en'
            ? '; cumulative amounts converted to monthly'
            : '; ackumulerade belopp omräknade per månad'
        : '';
    return lang === 'en'
        ? `Outcome to ${monthName(r.latest, 'en')} from the accounts (${r.source.kind} file ${r.source.fileName}${made}, imported ${imported}${cum}).`
        : `Utfall t.o.m. ${monthName(r.latest, 'sv')} ur bokföringen (${r.source.kind}-fil ${r.source.fileName}${made}, importerad ${imported}${cum}).`;
}

/** The agenda's "Ekonomisk rapport" text from the latest utfall, in Swedish. */
export function utfallAgendaText(r: UtfallReport): string {
    const t = r.totals;
    const lines = [
        `${sourceLine(r, 'sv')}`,
        `Kostnader hittills ${formatAmount(t.costs.utfall)} av budget ${formatAmount(t.costs.budget)} (${formatPercent(t.costs.used ?? 0)}; efter ${r.months} av 12 månader ${formatPercent(r.months / 12)}).`,
        `Helårsprognos: intäkter ${formatAmount(t.income.prognos)}, kostnader ${formatAmount(t.costs.prognos)}, resultat ${formatAmount(t.result.prognos)} (budget ${formatAmount(t.result.budget)}).`,
    ];
    const off = r.posts.filter((p) => p.status === 'över budget' || p.status === 'under budget');
    lines.push(
        off.length
            ? `Avvikelser: ${off.map((p) => `${p.name} ${p.status} (prognos ${formatAmount(p.prognos)} mot ${formatAmount(p.budget)})`).join('; ')}.`
            : 'Avvikelser: inga poster utanför budget enligt prognosen.',
    );
    if (r.unmapped)
        lines.push(
            `Ej kopplade konton (ingår inte i summorna): ${r.unmapped.konton.join(', ')}, ${formatAmount(r.unmapped.utfall)}.`,
        );
    const ek = r.ek.find((e) => e.year === r.year);
    if (ek)
        lines.push(
            `Eget kapital vid utgången av ${ek.year} med prognosen: ${formatAmount(ek.closing)}, ${formatPercent(ek.share)} av tilldelade medel – ${ek.verdict}.`,
        );
    return lines.join('\n');
}

/** Warnings for the report itself (not the import), in both languages. */
export function reportNotes(r: UtfallReport): Text[] {
    return r.unmapped
        ? [
              {
                  sv: `Konton utan budgetpost (${r.unmapped.konton.join(', ')}): ${formatAmount(r.unmapped.utfall)}, ingår inte i summorna.`,
                  en: `Accounts without a budget post (${r.unmapped.konton.join(', ')}): ${formatAmount(r.unmapped.utfall)}, not in the totals.`,
              },
          ]
        : [];
}
