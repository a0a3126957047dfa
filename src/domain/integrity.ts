// Cross-references inside a parsed förbund that zod's per-field schemas cannot see.
import { isAmount } from './amount';
import type { DataIssue } from './errors';
import type { Forbund } from './schema';

type Push = (path: string, reason: string) => void;

function unique(items: readonly { id?: string; slug?: string }[], at: string, push: Push): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
        const key = item.id ?? item.slug ?? '';
        if (seen.has(key)) push(`${at}[${i}]`, `id "${key}" förekommer mer än en gång`);
        seen.add(key);
    });
}

function checkBudget(f: Forbund, push: Push): void {
    const parts = new Set(f.parter.map((p) => p.id));
    f.years.forEach((y, i) => {
        if (i > 0 && y.year !== (f.years[i - 1]?.year ?? 0) + 1) push(`years[${i}].year`, 'åren ska komma i följd');
        unique(y.posts, `years[${i}].posts`, push);
        unique(
            y.income.map((l) => ({ id: l.partId })),
            `years[${i}].income`,
            push,
        );
        y.income.forEach((l, j) => {
            if (!parts.has(l.partId)) push(`years[${i}].income[${j}].partId`, `okänd part "${l.partId}"`);
        });
    });
    const payers = f.parter.filter((p) => p.paysStateShare);
    payers.forEach((p) => {
        if (p.kind !== 'stat' || payers.length > 1)
            push(`parter[${f.parter.indexOf(p)}].paysStateShare`, 'en statlig part betalar statens andel');
    });
    const years = new Set(f.years.map((y) => y.year));
    f.claims.forEach((c, i) => {
        const outside = c.kind !== 'state-allocation' && c.kind !== 'allotted-change';
        if (outside && !years.has(c.year)) push(`claims[${i}].year`, `${c.year} är inte ett år i planen`);
        if ((c.kind === 'ek-share') === isAmount(c.value))
            push(`claims[${i}].value`, c.kind === 'ek-share' ? 'förväntade "percent"' : 'förväntade ett belopp');
    });
    const first = f.years[0]?.year;
    if (!f.claims.some((c) => c.kind === 'ek-opening' && c.year === first))
        push('claims', `ingående eget kapital för ${first} saknas (kind "ek-opening")`);
}

function checkOrganisation(f: Forbund, push: Push): void {
    const parts = new Set(f.parter.map((p) => p.id));
    const insatser = new Set(f.insatser.map((i) => i.id));
    const posts = new Set(f.years.flatMap((y) => y.posts.map((p) => p.id)));
    f.insatser.forEach((ins, i) => {
        if (ins.postId && !posts.has(ins.postId)) push(`insatser[${i}].postId`, `okänd post "${ins.postId}"`);
        if (ins.ownerPartId && !parts.has(ins.ownerPartId)) push(`insatser[${i}].ownerPartId`, 'okänd part');
    });
    f.bodies.forEach((b, i) => {
        if (b.insatsId && !insatser.has(b.insatsId)) push(`bodies[${i}].insatsId`, `okänd insats "${b.insatsId}"`);
        if (b.kind === 'styrgrupp' && !b.insatsId) push(`bodies[${i}].insatsId`, 'en styrgrupp hör till en insats');
    });
    const seats = new Set<string>();
    const single = new Set<string>();
    f.roster.forEach((p, i) => {
        p.roles.forEach((r, j) => {
            const at = `roster[${i}].roles[${j}]`;
            if (r.partId && !parts.has(r.partId)) push(`${at}.partId`, `okänd part "${r.partId}"`);
            if (r.insatsId && !insatser.has(r.insatsId)) push(`${at}.insatsId`, `okänd insats "${r.insatsId}"`);
            const seat = `${r.role}/${r.partId}`;
            if ((r.role === 'ledamot' || r.role === 'ersättare') && seats.has(seat))
                push(`${at}`, `${r.partId} har redan en ${r.role}`);
            seats.add(seat);
            if (['ordförande', 'vice ordförande', 'förbundschef'].includes(r.role)) {
                if (single.has(r.role)) push(at, `det finns redan en ${r.role}`);
                single.add(r.role);
                if (r.role !== 'förbundschef' && !p.roles.some((x) => x.role === 'ledamot'))
                    push(at, `${r.role} väljs bland ledamöterna`);
            }
        });
    });
}

function checkGoals(f: Forbund, push: Push): void {
    const { malomraden, verksamhetsmal, matpunkter, nyckeltal } = f.goals;
    const areas = new Set(malomraden.map((m) => m.id));
    const goals = new Set(verksamhetsmal.map((v) => v.id));
    const insatser = new Set(f.insatser.map((i) => i.id));
    verksamhetsmal.forEach((v, i) => {
        if (v.malomradeId && !areas.has(v.malomradeId))
            push(`goals.verksamhetsmal[${i}].malomradeId`, 'okänt målområde');
    });
    matpunkter.forEach((m, i) => {
        const at = `goals.matpunkter[${i}]`;
        if (m.verksamhetsmalId && !goals.has(m.verksamhetsmalId))
            push(`${at}.verksamhetsmalId`, 'okänt verksamhetsmål');
        if (m.insatsId && !insatser.has(m.insatsId)) push(`${at}.insatsId`, `okänd insats "${m.insatsId}"`);
        if (!m.threshold) return;
        const limit = f.thresholds[m.threshold];
        if (limit === undefined || m.target === undefined || Math.abs(m.target / 100 - limit) > 1e-9)
            push(`${at}.target`, `stämmer inte med thresholds.${m.threshold}`);
    });
    [malomraden, verksamhetsmal, matpunkter, nyckeltal].forEach((list, i) =>
        unique(list, `goals.${['malomraden', 'verksamhetsmal', 'matpunkter', 'nyckeltal'][i]}`, push),
    );
}

/** Every broken cross-reference in a parsed förbund, with its JSON path. */
export function integrityIssues(f: Forbund): DataIssue[] {
    const issues: DataIssue[] = [];
    const push: Push = (path, reason) => issues.push({ path, reason });
    for (const [list, at] of [
        [f.parter, 'parter'],
        [f.bodies, 'bodies'],
        [f.insatser, 'insatser'],
        [f.claims, 'claims'],
        [f.roster, 'roster'],
    ] as const)
        unique(list, at, push);
    unique(
        f.bokslut.map((b) => ({ id: String(b.year) })),
        'bokslut',
        push,
    );
    checkBudget(f, push);
    checkOrganisation(f, push);
    checkGoals(f, push);
    const posts = new Set(f.years.flatMap((y) => y.posts.map((p) => p.id)));
    f.utfall?.mapping.forEach((r, i) => {
        if (r.post !== undefined && !posts.has(r.post)) push(`utfall.mapping[${i}].post`, `okänd post "${r.post}"`);
        const [from, to = from] = r.konton.split('-');
        if (Number(to) < Number(from)) push(`utfall.mapping[${i}].konton`, 'intervallet slutar före det börjar');
    });
    return issues;
}
