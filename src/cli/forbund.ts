// `npm run forbund -- new|template|export|import|versions|activate`: a förbund's data as an .xlsx workbook, into and out of
// the database. Runs beside a running bot (one SQLite transaction per command; the bot re-reads after it commits).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { ForbundDataError, parseForbund } from '../domain';
import { slug } from '../domain/schema-common';
import { isDay } from '../domain/deadline-days';
import { ROOT } from '../paths';
import { DatabaseDamagedError, openDb, type Db } from '../storage/db';
import { createForbundVersions, inForceOn } from '../storage/forbund-versions';
import { dayOf } from '../domain/deadline-days';
import { createRoster } from '../storage/roster';
import { createSetupCodes } from '../storage/setup-codes';
import { WorkbookError } from '../workbook/errors';
import { importWorkbook } from '../workbook/import';
import { writeWorkbook } from '../workbook/write';

/** The invented förbund whose rows fill the template. */
export const TEMPLATE_EXAMPLE = join(ROOT, 'data', 'templates', 'exempel.json');

const USAGE = [
    'Användning:',
    '  npm run forbund -- new <id>                                bjud in ett nytt förbund utan uppgifter (engångskod)',
    '  npm run forbund -- template <fil.xlsx>                     tom mall med ett påhittat exempel',
    '  npm run forbund -- export <id> <fil.xlsx> [--version N]    förbundets uppgifter som arbetsbok',
    '  npm run forbund -- import <fil.xlsx> [--activate] [--from ÅÅÅÅ-MM-DD]',
    '                                                             läs in (förslag, eller aktiv från i dag/--from)',
    '  npm run forbund -- versions <id>                           förbundets versioner',
    '  npm run forbund -- activate <id> <version> [--from ÅÅÅÅ-MM-DD]',
].join('\n');

type Out = { out: (s: string) => void; err: (s: string) => void };
class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} behöver ett värde`);
    args.splice(i, 2);
    return v;
}
function flag(args: string[], name: string): boolean {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
}
function day(v: string | undefined): string | undefined {
    if (v !== undefined && !isDay(v)) throw new UsageError(`--from ”${v}” är inget datum (ÅÅÅÅ-MM-DD)`);
    return v;
}

async function run(argv: readonly string[], io: Out, env: NodeJS.ProcessEnv, now: () => Date): Promise<number> {
    const args = [...argv];
    const command = args.shift();
    if (command === 'template') {
        const [file] = args;
        if (!file) throw new UsageError('ange filen att skriva');
        const doc = JSON.parse(readFileSync(TEMPLATE_EXAMPLE, 'utf8')) as Record<string, unknown>;
        parseForbund(doc, TEMPLATE_EXAMPLE);
        writeFileSync(file, await writeWorkbook(doc));
        io.out(`Mallen är skriven till ${file}. Fyll i den och läs in den med: npm run forbund -- import ${file}\n`);
        return 0;
    }
    if (!['new', 'export', 'import', 'versions', 'activate'].includes(command ?? ''))
        throw new UsageError('okänt kommando');
    const config = loadConfig(env);
    const db = openDb(config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'finsam.sqlite'));
    try {
        return await withDb(db, command!, args, io, now);
    } finally {
        db.close();
    }
}

async function withDb(db: Db, command: string, args: string[], io: Out, now: () => Date): Promise<number> {
    const versions = createForbundVersions(db, now);
    const roster = createRoster(db, now);
    if (command === 'new') return invite(db, versions, args[0], io, now);
    if (command === 'import') {
        const activate = flag(args, '--activate');
        const from = day(option(args, '--from'));
        const [file] = args;
        if (!file) throw new UsageError('ange arbetsboken att läsa in');
        if (!existsSync(file)) throw new UsageError(`filen ${file} finns inte`);
        const r = await importWorkbook(
            { versions, roster, setupCodes: createSetupCodes(db, now), transaction: (fn) => db.transaction(fn)(), now },
            readFileSync(file),
            file,
            { by: 'npm run forbund import', activate: activate || from !== undefined, from },
        );
        const v = r.version;
        io.out(
            `${r.name} (${r.forbundId}): version ${v.version} sparad som ${v.status}` +
                (v.status === 'aktiv' ? `, gäller från ${v.activeFrom}` : '; aktivera den med --activate') +
                '.\n',
        );
        if (r.roles.granted || r.roles.ended)
            io.out(`Roster: ${r.roles.granted} roller inlagda, ${r.roles.ended} tidigare roller avslutade.\n`);
        if (r.setupCode)
            io.out(
                `Nytt förbund: förbundschefen skriver "jag är förbundschef ${r.setupCode}" till boten i en 1:1-chatt. ` +
                    'Koden visas bara nu.\n',
            );
        return 0;
    }
    const [id, second] = args;
    if (!id) throw new UsageError('ange förbundets id');
    const list = versions.list(id);
    if (list.length === 0) throw new UsageError(`förbundet ”${id}” har inga versioner i databasen`);
    if (command === 'versions') {
        const current = inForceOn(list, dayOf(now()));
        for (const v of list)
            io.out(
                `${v.version}\t${v.status}${v === current ? ' (gäller nu)' : ''}\t${v.activeFrom ?? ''}\t` +
                    `${v.createdAt.toISOString().slice(0, 10)} ${v.createdBy}\t${v.source}\n`,
            );
        return 0;
    }
    if (command === 'activate') {
        const from = day(option(args, '--from'));
        const version = Number(second);
        if (!Number.isInteger(version)) throw new UsageError('ange versionens nummer');
        const v = versions.activate(id, version, { by: 'npm run forbund activate', from });
        io.out(`${id}: version ${v.version} är aktiv från ${v.activeFrom}.\n`);
        return 0;
    }
    const wanted = option(args, '--version');
    const file = args[1];
    if (!file) throw new UsageError('ange filen att skriva');
    const v = wanted ? list.find((x) => x.version === Number(wanted)) : (inForceOn(list, dayOf(now())) ?? list.at(-1));
    if (!v) throw new UsageError(`förbundet ”${id}” har ingen version ${wanted}`);
    const doc = versions.document(id, v.version) as Record<string, unknown>;
    writeFileSync(file, await writeWorkbook(doc, roster.periods(id)));
    io.out(`${id} version ${v.version} (${v.status}) är skriven till ${file}.\n`);
    return 0;
}

/**
 * Registers a förbund with no data and prints its one-time setup code: the chef redeems it in Teams and sends the
 * workbook there. Refused for a förbund that already has data or a code (a code is shown once only).
 */
function invite(
    db: Db,
    versions: ReturnType<typeof createForbundVersions>,
    id: string | undefined,
    io: Out,
    now: () => Date,
) {
    if (!id) throw new UsageError('ange det nya förbundets id, t.ex. mitt-forbund');
    if (!slug.safeParse(id).success)
        throw new UsageError(
            `”${id}” duger inte som id: små bokstäver a–z, siffror och bindestreck (t.ex. mitt-forbund)`,
        );
    const codes = createSetupCodes(db, now);
    const code = db.transaction(() => {
        if (versions.list(id).length > 0) return undefined;
        versions.addForbund(id, 'npm run forbund new');
        return codes.issueIfMissing(id);
    })();
    if (!code) {
        io.err(
            `Förbundet ${id} finns redan (med uppgifter eller en utfärdad kod); ingen ny kod skapades. ` +
                'En kod visas bara en gång.\n',
        );
        return 1;
    }
    io.out(
        `Förbundet ${id} är inbjudet. Förbundschefen skriver "jag är förbundschef ${code}" till boten i en 1:1-chatt ` +
            'och skickar sedan arbetsboken där ("mall" ger en tom mall). Koden visas bara nu.\n',
    );
    return 0;
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function forbundCommand(
    argv: readonly string[],
    io: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
    env: NodeJS.ProcessEnv = process.env,
    now: () => Date = () => new Date(),
): Promise<number> {
    try {
        return await run(argv, io, env, now);
    } catch (err) {
        if (err instanceof UsageError) {
            io.err(`${err.message}\n\n${USAGE}\n`);
            return 2;
        }
        if (err instanceof WorkbookError) {
            io.err(`Arbetsboken lästes inte in; ingenting har ändrats:\n${err.message}\n`);
            return 1;
        }
        const known = [ConfigError, DatabaseDamagedError, ForbundDataError].some((E) => err instanceof E);
        io.err(`${known ? (err as Error).message : (err as Error).stack}\n`);
        return 1;
    }
}

if (require.main === module) {
    if (existsSync('.env')) process.loadEnvFile('.env');
    void forbundCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
