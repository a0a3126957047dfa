// `npm run seed-demo`: fills fictional monthly reports for the current plan year into DATA_DIR, validated like real submits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { validateReport } from '../domain/report-schema';
import { addMonths, monthOf, OUTCOMES, referrers, surveyIndicators, yearOfMonth } from '../domain/reports';
import type { Forbund, Insats } from '../domain';
import { FORBUND_DATA_DIR } from '../paths';
import { DatabaseDamagedError, openDb, type Db } from '../storage/db';
import { forbundFromDb } from '../storage/forbund-repository';
import { seedForbund } from '../storage/forbund-seed';
import { createForbundVersions } from '../storage/forbund-versions';
import { acquireInstanceLock, InstanceLockedError } from '../storage/instance-lock';
import { createReports } from '../storage/reports';

/** A small deterministic generator (mulberry32) so the demo data is the same on every run. */
function random(seedText: string) {
    let a = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Spreads `n` over `keys` at random. */
function spread(n: number, keys: readonly string[], int: (lo: number, hi: number) => number) {
    const out = Object.fromEntries(keys.map((k) => [k, 0]));
    for (let i = 0; i < n; i++) out[keys[int(0, keys.length - 1)]]++;
    return out;
}

/** Seeds the months of `year` up to (not including) `until` for one insats; returns how many were stored. */
export function seedInsats(db: Db, f: Forbund, insats: Insats, year: number, until: string, now: Date): number {
    const { int } = random(`${f.id}/${insats.id}/${year}`);
    let stored = 0;
    let pagaende = { kvinnor: int(8, 14), man: int(6, 12), annat: int(0, 1) };
    for (let month = `${year}-01`; month < until && yearOfMonth(month) === year; month = addMonths(month, 1)) {
        const previous = createReports(db).latest(f.id, insats.id, addMonths(month, -1))?.report;
        if (previous) pagaende = previous.pagaende;
        if (createReports(db).latest(f.id, insats.id, month)) continue;
        const nya = { kvinnor: int(0, 4), man: int(0, 3), annat: int(0, 9) === 0 ? 1 : 0 };
        const avslutade = {
            kvinnor: int(0, Math.min(3, pagaende.kvinnor)),
            man: int(0, Math.min(3, pagaende.man)),
            annat: 0,
        };
        const done = avslutade.kvinnor + avslutade.man;
        const ind = Object.fromEntries(
            surveyIndicators(insats).map((i) => {
                const besvarade = done + int(0, 2);
                return [i.id, { besvarade, positiva: Math.round(besvarade * (int(60, 100) / 100)) }];
            }),
        );
        const input = {
            month,
            nya,
            avslutade,
            pagaende: {
                kvinnor: pagaende.kvinnor + nya.kvinnor - avslutade.kvinnor,
                man: pagaende.man + nya.man - avslutade.man,
                annat: pagaende.annat + nya.annat,
            },
            utfall: spread(done, OUTCOMES, int),
            rem: spread(nya.kvinnor + nya.man + nya.annat, referrers(f), int),
            dagar: done * int(90, 240),
            dagarFore: done * int(300, 900),
            ind,
            kommentar: 'Exempeldata: påhittade siffror skapade av npm run seed-demo, inte en verklig rapport.',
        };
        const result = validateReport(input, { forbund: f, insats, now, previous });
        if (!result.ok)
            throw new Error(`demo report ${insats.id} ${month} is invalid: ${JSON.stringify(result.errors)}`);
        createReports(db).insert({
            forbundId: f.id,
            insatsId: insats.id,
            report: result.report,
            submittedBy: 'seed-demo',
            at: now,
            sample: true,
        });
        stored++;
    }
    return stored;
}

function main() {
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    // One writer per DATA_DIR, like every command that writes: not beside a running bot.
    const lock = acquireInstanceLock(config.dataDir);
    // Only the database and the data files: the app itself (and its one-time setup code) is left to `npm start`.
    const db = openDb(config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'finsam.sqlite'));
    const now = new Date();
    try {
        // The database is the truth; a förbund not started yet is seeded from its data file, as on first start.
        const versions = createForbundVersions(db, () => now);
        seedForbund(versions, config.forbundDataDir ?? FORBUND_DATA_DIR, config.forbund);
        const served = forbundFromDb({
            versions,
            configured: config.forbund,
            now: () => now,
            changedElsewhere: () => false,
        });
        for (const f of served.list()) {
            // The current plan year; in January, the year just ended (no month of the new year is over yet).
            const current = monthOf(now);
            const year = yearOfMonth(addMonths(current, -1));
            if (!f.years.some((y) => y.year === year)) {
                process.stdout.write(`${f.shortName}: ${year} är inget planår – inga exempelrapporter.\n`);
                continue;
            }
            for (const insats of f.insatser) {
                const n = seedInsats(db, f, insats, year, current, now);
                process.stdout.write(
                    `${f.shortName} / ${insats.name} ${year}: ${n} påhittade månadsrapporter sparade.\n`,
                );
            }
        }
    } finally {
        db.close();
        lock.release();
    }
}

if (require.main === module) {
    try {
        main();
    } catch (err) {
        const known = [ConfigError, InstanceLockedError, DatabaseDamagedError].some((E) => err instanceof E);
        process.stderr.write(`${known ? (err as Error).message : (err as Error).stack}\n`);
        process.exit(1);
    }
}
