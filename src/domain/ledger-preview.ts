// What a preview card says about an accounting file before it is saved as utfall: its period, the sums per budget
// post, the konton no rule maps, and what differs from the utfall already stored for those months. sv or en.
import { formatAmount, formatDate } from './format';
import type { Forbund } from './schema';
import type { UtfallImport, UtfallLine } from './utfall';
import type { UtfallData } from './utfall-report';

type Lang = 'sv' | 'en';
type Fact = { title: string; value: string };

export type LedgerPreview = {
    /** "januari–april 2026 (4 månader)". */
    period: string;
    income: Fact;
    posts: Fact[];
    unmapped: Fact[];
    differences: string[];
    warnings: string[];
};

const kr = (n: number) => formatAmount({ kr: n, unit: 'kr' });
const say = (lang: Lang, sv: string, en: string) => (lang === 'en' ? en : sv);
const month = (p: string, lang: Lang, pattern = 'LLLL') => formatDate(new Date(`${p}-15T12:00:00Z`), pattern, lang);

/** The months of a file as words: "januari–april 2026". */
export function periodText(periods: readonly string[], lang: Lang): string {
    const [first, last] = [periods[0], periods.at(-1) ?? periods[0]];
    if (!first) return '';
    return first === last ? month(first, lang, 'LLLL yyyy') : `${month(first, lang)}–${month(last, lang, 'LLLL yyyy')}`;
}

const sum = (lines: readonly UtfallLine[], pick: (l: UtfallLine) => boolean) =>
    lines.filter(pick).reduce((s, l) => s + l.kr, 0);

/** A line's target as the chef reads it: the post's name, intäkter, or the konto. */
function targetName(f: Forbund, year: number, l: Pick<UtfallLine, 'target' | 'key'>, lang: Lang): string {
    if (l.target === 'intakt') return say(lang, 'Intäkter', 'Income');
    if (l.target === 'konto') return say(lang, `konto ${l.key} (ej kopplat)`, `account ${l.key} (not mapped)`);
    const post = f.years.find((y) => y.year === year)?.posts.find((p) => p.id === l.key);
    return post?.name ?? l.key;
}

/** What saving would change in the stored utfall of the file's months, per post, intäkter and unmapped konto. */
function differences(f: Forbund, imp: UtfallImport, stored: UtfallData | undefined, lang: Lang): string[] {
    const months = new Set(imp.periods);
    const old = (stored?.lines ?? []).filter((l) => months.has(l.period));
    const storedMonths = imp.periods.filter((p) => old.some((l) => l.period === p));
    if (storedMonths.length === 0)
        return [
            say(
                lang,
                `Inget utfall är sparat för ${periodText(imp.periods, lang)} ännu: allt är nytt.`,
                `No utfall is stored for ${periodText(imp.periods, lang)} yet: all of it is new.`,
            ),
        ];
    const keyOf = (l: Pick<UtfallLine, 'target' | 'key'>) => `${l.target}|${l.key}`;
    const keys = [...new Set([...old, ...imp.lines].map(keyOf))];
    const out: string[] = [];
    for (const k of keys) {
        const [target, key] = k.split('|') as [UtfallLine['target'], string];
        const was = sum(old, (l) => keyOf(l) === k);
        const now = sum(imp.lines, (l) => keyOf(l) === k && months.has(l.period));
        if (was !== now) out.push(`${targetName(f, imp.year, { target, key }, lang)}: ${kr(was)} → ${kr(now)}`);
    }
    const fresh = imp.periods.filter((p) => !storedMonths.includes(p));
    const head = say(
        lang,
        `${periodText(storedMonths, lang)} är redan sparat${stored ? ` (${stored.source.fileName})` : ''}; det ersätts och den tidigare importen sparas som historik.`,
        `${periodText(storedMonths, lang)} is already stored${stored ? ` (${stored.source.fileName})` : ''}; it is replaced and the earlier import kept as history.`,
    );
    return [
        head,
        ...(fresh.length
            ? [say(lang, `Nya månader: ${periodText(fresh, lang)}.`, `New months: ${periodText(fresh, lang)}.`)]
            : []),
        ...(out.length ? out : [say(lang, 'Samma belopp som det som är sparat.', 'The same amounts as those stored.')]),
    ];
}

export function ledgerPreview(
    f: Forbund,
    imp: UtfallImport,
    stored: UtfallData | undefined,
    lang: Lang,
): LedgerPreview {
    const y = f.years.find((x) => x.year === imp.year);
    const n = imp.periods.length;
    return {
        period: `${periodText(imp.periods, lang)} (${n} ${say(lang, n === 1 ? 'månad' : 'månader', n === 1 ? 'month' : 'months')})`,
        income: {
            title: say(lang, 'Intäkter', 'Income'),
            value: kr(sum(imp.lines, (l) => l.target === 'intakt')),
        },
        posts: (y?.posts ?? []).map((p) => ({
            title: p.name,
            value: kr(sum(imp.lines, (l) => l.target === 'post' && l.key === p.id)),
        })),
        unmapped: imp.unmapped.map((u) => ({ title: u.konto, value: kr(u.kr) })),
        differences: differences(f, imp, stored, lang),
        warnings: imp.warnings.map((w) => w[lang]),
    };
}

/** Lowercase words of a name without the words every förbund's name shares. */
const words = (s: string) =>
    s
        .toLowerCase()
        .replace(/samordningsförbund(et)?|finsam|förbund(et)?/g, ' ')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();

/**
 * Whom the company name an accounting file gives (#FNAMN) names: this förbund, another one of `others` (the file was
 * sent to the wrong förbund), or none of them (shown on the card for the sender to check).
 */
export function companyOf(
    company: string | undefined,
    f: Forbund,
    others: readonly Forbund[],
): { is: 'this' | 'unknown' } | { is: 'other'; forbund: Forbund } {
    const c = company ? words(company) : '';
    if (!c) return { is: 'this' };
    const names = (x: Forbund) => [x.name, x.shortName, ...x.aliases].map(words).filter(Boolean);
    const fits = (x: Forbund) => names(x).some((n) => c.includes(n) || n.includes(c));
    if (fits(f)) return { is: 'this' };
    const other = others.find((x) => x.id !== f.id && fits(x));
    return other ? { is: 'other', forbund: other } : { is: 'unknown' };
}
