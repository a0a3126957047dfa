// `npm run utfall -- import <fil> --forbund <id> [--spara]`: reads an SIE or CSV file from the accounts, shows the
// preview (period, totals, per-post sums, unmapped konton) and saves only with --spara. Also `rapport`, `prognos`
// and `bokslut`. The same import as a file sent to the bot in Teams (src/bot/files/ledger.ts), for the server.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import type { Forbund } from '../domain';
import { formatAmount, formatPercent } from '../domain/format';
import { fileKind, LedgerFileError } from '../domain/ledger';
import { readLedgerBytes } from '../workbook/ledger-rows';
import { mapLedger, type UtfallImport } from '../domain/utfall';
import { STATUS_EN, utfallReport, sourceLine, type UtfallReport } from '../domain/utfall-report';
import { FORBUND_DATA_DIR } from '../paths';
import { DatabaseDamagedError, openDb, type Db } from '../storage/db';
import { loadForbunds } from '../storage/forbund-files';
import { acquireInstanceLock, InstanceLockedError } from '../storage/instance-lock';
import { createUtfall, type UtfallRepo } from '../storage/utfall';
import { createRoster } from '../storage/roster';
import { authorize } from '../domain/access';

const kr = (n: number) => formatAmount({ kr: n, unit: 'kr' });

/** The preview of an import, in Swedish: what would be stored. */
export function previewText(f: Forbund, imp: UtfallImport, kind: string, replaced: ReturnType<UtfallRepo['inForce']>) {
    const y = f.years.find((x) => x.year === imp.year);
    const sumOf = (pick: (l: UtfallImport['lines'][number]) => boolean) =>
        imp.lines.filter(pick).reduce((s, l) => s + l.kr, 0);
    const costs = sumOf((l) => l.target === 'post');
    const lines = [
        `${f.name}: ${kind}-fil, utfall ${imp.year}, perioder ${imp.periods[0]}–${imp.periods.at(-1)} (${imp.periods.length} månader).`,
        `Intäkter: ${kr(sumOf((l) => l.target === 'intakt'))}. Kostnader på budgetposter: ${kr(costs)}.`,
        'Per post:',
        ...(y?.posts ?? []).map((p) => `  ${p.name}: ${kr(sumOf((l) => l.target === 'post' && l.key === p.id))}`),
    ];
    if (imp.unmapped.length)
        lines.push(
            'Ej kopplade konton (sparas och visas för sig):',
            ...imp.unmapped.map((u) => `  ${u.konto}: ${kr(u.kr)}`),
        );
    else lines.push('Ej kopplade konton: inga.');
    for (const w of imp.warnings) lines.push(`Obs: ${w.sv}`);
    for (const r of replaced)
        lines.push(
            `Obs: ${r.period} är redan importerad (${r.fileName}); den ersätts och den tidigare importen sparas som historik.`,
        );
    return lines.join('\n');
}

/** The report as plain text, for the terminal. */
export function reportText(r: UtfallReport, lang: 'sv' | 'en' = 'sv'): string {
    const head =
        lang === 'en'
            ? 'post: budget | outcome (used, pro rata) | prognos | deviation | status'
            : 'post: budget | utfall (förbrukat, pro rata) | prognos | avvikelse | status';
    const line = (x: UtfallReport['posts'][number]) =>
        `  ${x.name}: ${formatAmount(x.budget)} | ${formatAmount(x.utfall)} (${x.used === undefined ? '–' : formatPercent(x.used)}, ${formatPercent(x.proRata)}) | ${formatAmount(x.prognos)} | ${formatAmount(x.deviation)} | ${lang === 'en' ? STATUS_EN[x.status] : x.status}`;
    return [
        sourceLine(r, lang),
        head,
        line(r.income),
        ...r.posts.map(line),
        line(r.totals.costs),
        ...(r.unmapped ? [line(r.unmapped)] : []),
    ].join('\n');
}

export type UtfallCliEnv = { db: Db; forbund: readonly Forbund[]; now: () => Date; out: (s: string) => void };

const USAGE = [
    'Användning:',
    '  npm run utfall -- import <fil> --forbund <id> [--ackumulerad] [--spara --av <person-id>]',
    '  npm run utfall -- rapport --forbund <id> [--ar <år>]',
    '  npm run utfall -- prognos --forbund <id> --post <post-id|intakter> --belopp <kr|bort> --av <person-id> [--ar <år>]',
    '  npm run utfall -- bokslut --forbund <id> --ar <år> --intakter <kr> --kostnader <kr> --av <person-id>',
].join('\n');

/** Runs one utfall command; returns the exit code. Nothing is written unless the command says so and succeeds. */
export async function runUtfall(argv: readonly string[], env: UtfallCliEnv): Promise<number> {
    const { values, positionals } = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
            forbund: { type: 'string' },
            spara: { type: 'boolean', default: false },
            ackumulerad: { type: 'boolean' },
            av: { type: 'string' },
            ar: { type: 'string' },
            post: { type: 'string' },
            belopp: { type: 'string' },
            intakter: { type: 'string' },
            kostnader: { type: 'string' },
        },
    });
    const [command, file] = positionals;
    const f = env.forbund.find((x) => x.id === values.forbund);
    if (!command || !f) {
        env.out(`${f || !values.forbund ? '' : `Okänt förbund "${values.forbund}". `}${USAGE}`);
        return 2;
    }
    const repo = createUtfall(env.db, env.now);
    // Every write names who makes it: the förbundschef or an ekonom on the förbund's roster.
    const writer = () => {
        const person = values.av ? createRoster(env.db, env.now).bySlug(f.id, values.av) : undefined;
        const access = authorize(person, f.id, { kind: 'utfall.import' });
        if (access.ok) return access.person.slug;
        env.out(
            `${values.av ? `"${values.av}" är inte förbundschef eller ekonom i ${f.name}.` : 'Ange vem som sparar: --av <person-id> (förbundschef eller ekonom).'} Inget har sparats.`,
        );
        return undefined;
    };
    const year = values.ar ? Number(values.ar) : (repo.latestYear(f.id) ?? env.now().getFullYear());
    switch (command) {
        case 'import': {
            if (!file) return (env.out(USAGE), 2);
            const bytes = readFileSync(file);
            try {
                const ledger = await readLedgerBytes(bytes);
                const imp = mapLedger(f, ledger, env.now(), { cumulative: values.ackumulerad });
                const kind = fileKind(ledger);
                env.out(previewText(f, imp, kind, repo.inForce(f.id, imp.periods)));
                if (!values.spara) {
                    env.out('Inget sparat. Kör samma kommando med --spara för att spara utfallet.');
                    return 0;
                }
                const by = writer();
                if (!by) return 1;
                const saved = repo.save(f.id, imp, {
                    fileName: basename(file),
                    fileKind: kind,
                    sha256: createHash('sha256').update(bytes).digest('hex'),
                    generated: ledger.generated,
                    by,
                });
                env.out(`Sparat som import ${saved.importId} (${imp.periods.length} månader).`);
                return 0;
            } catch (err) {
                if (!(err instanceof LedgerFileError)) throw err;
                env.out(`Filen kan inte importeras: ${err.text.sv}\nInget har sparats.`);
                return 1;
            }
        }
        case 'rapport': {
            const data = repo.current(f.id, year);
            const r = data && utfallReport(f, data);
            env.out(r ? reportText(r) : `Inget utfall för ${year} är importerat.`);
            return r ? 0 : 1;
        }
        case 'prognos': {
            const ids = new Set(['intakter', ...f.years.flatMap((y) => y.posts.map((p) => p.id))]);
            const amount = values.belopp === 'bort' ? undefined : Number(values.belopp);
            if (!values.post || !ids.has(values.post) || (amount !== undefined && !Number.isInteger(amount))) {
                env.out(`Ange --post (${[...ids].join(', ')}) och --belopp i hela kronor eller "bort".`);
                return 2;
            }
            const by = writer();
            if (!by) return 1;
            repo.setPrognos(f.id, year, values.post, amount, by);
            env.out(
                amount === undefined
                    ? `Prognosen för ${values.post} ${year} är borttagen.`
                    : `Prognos för ${values.post} ${year}: ${kr(amount)}.`,
            );
            return 0;
        }
        case 'bokslut': {
            const [i, k] = [Number(values.intakter), Number(values.kostnader)];
            if (
                !values.ar ||
                !Number.isInteger(i) ||
                !Number.isInteger(k) ||
                values.intakter === undefined ||
                values.kostnader === undefined
            ) {
                env.out('Ange --ar, --intakter och --kostnader i hela kronor.');
                return 2;
            }
            const by = writer();
            if (!by) return 1;
            repo.setBokslut(f.id, year, i, k, by);
            env.out(`Bokslut ${year}: intäkter ${kr(i)}, kostnader ${kr(k)}, resultat ${kr(i - k)}.`);
            return 0;
        }
        default:
            env.out(USAGE);
            return 2;
    }
}

async function main() {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    const lock = acquireInstanceLock(config.dataDir);
    const db = openDb(config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'finsam.sqlite'));
    try {
        const forbund = loadForbunds(config.forbundDataDir ?? FORBUND_DATA_DIR, config.forbund);
        process.exitCode = await runUtfall(process.argv.slice(2), {
            db,
            forbund,
            now: () => new Date(),
            out: (s) => process.stdout.write(`${s}\n`),
        });
    } finally {
        db.close();
        lock.release();
    }
}

if (require.main === module) {
    main().catch((err: unknown) => {
        const known = [ConfigError, InstanceLockedError, DatabaseDamagedError].some((E) => err instanceof E);
        process.stderr.write(`${known ? (err as Error).message : (err as Error).stack}\n`);
        process.exit(1);
    });
}
