import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runUtfall } from '../../src/cli/utfall';
import { FRYKSDALEN, PERIODS } from '../fixtures/utfall/figures';
import { openDb, type Db } from '../../src/storage/db';
import { createUtfall } from '../../src/storage/utfall';
import { createRoster } from '../../src/storage/roster';
import { forbund } from '../domain/load';

const DIR = join(__dirname, '..', 'fixtures', 'utfall');
const NOW = new Date('2026-05-20T08:00:00Z');

describe('npm run utfall', () => {
    let db: Db;
    let out: string[];
    const run = (...args: string[]) =>
        runUtfall(args, {
            db,
            forbund: [forbund('fryksdalen'), forbund('nedansiljan')],
            now: () => NOW,
            out: (s) => out.push(s),
        });
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    beforeEach(async () => {
        db = openDb(':memory:');
        out = [];
        for (const id of ['fryksdalen', 'nedansiljan']) createRoster(db, () => NOW).seedOnce(id, forbund(id).roster);
    });
    afterEach(() => db.close());

    it('import without --spara shows the preview and stores nothing', async () => {
        assert.equal(await run('import', join(DIR, 'fryksdalen-2026-sie4.se'), '--forbund', 'fryksdalen'), 0);
        const text = out.join('\n');
        assert.match(text, /SIE 4-fil, utfall 2026, perioder 2026-01–2026-04 \(4 månader\)/);
        assert.match(text, /Intäkter: 1 160 000 kr/);
        assert.match(text, /Ej kopplade konton: inga\./);
        assert.match(text, /Inget sparat/);
        assert.equal(count('utfall_imports'), 0);
        assert.equal(count('utfall_lines'), 0);
    });

    it('a re-import of a period replaces it and keeps the earlier import as history', async () => {
        assert.equal(
            await run(
                'import',
                join(DIR, 'nedansiljan-2026-sie3.se'),
                '--forbund',
                'nedansiljan',
                '--spara',
                '--av',
                'malin-sjoberg',
            ),
            0,
        );
        const before = createUtfall(db, () => NOW).current('nedansiljan', 2026);
        out = [];
        const dir = mkdtempSync(join(tmpdir(), 'utfall-'));
        const csv = join(dir, 'mars.csv');
        writeFileSync(csv, 'konto;objekt;period;belopp\n4010;1:120;2026-03;50 000,00\n4010;;2026-03;50 000,00\n');
        assert.equal(await run('import', csv, '--forbund', 'nedansiljan', '--spara', '--av', 'malin-sjoberg'), 0);
        assert.match(out.join('\n'), /2026-03 är redan importerad \(nedansiljan-2026-sie3\.se\); den ersätts/);
        const repo = createUtfall(db, () => NOW);
        const after = repo.current('nedansiljan', 2026);
        const march = (d: typeof after) => d?.lines.filter((l) => l.period === '2026-03');
        assert.deepEqual(march(after), [
            { period: '2026-03', target: 'post', key: 'insatsmedel', kr: 50000 },
            { period: '2026-03', target: 'post', key: 'processtod', kr: 50000 },
        ]);
        assert.deepEqual(
            before?.lines.filter((l) => l.period !== '2026-03'),
            after?.lines.filter((l) => l.period !== '2026-03'),
        );
        assert.deepEqual(
            repo.history('nedansiljan', '2026-03').map((h) => [h.fileName, h.inForce, h.by]),
            [
                ['nedansiljan-2026-sie3.se', false, 'malin-sjoberg'],
                ['mars.csv', true, 'malin-sjoberg'],
            ],
        );
    });

    it('a bad file: the error, exit 1 and nothing stored', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'utfall-'));
        const bad = join(dir, 'bad.csv');
        writeFileSync(bad, 'konto;period;belopp\n4010;2026-01;1,00\n4010;2026-02;ett\n');
        assert.equal(await run('import', bad, '--forbund', 'fryksdalen', '--spara', '--av', 'helena-vik'), 1);
        assert.match(out.join('\n'), /Rad 3: beloppet "ett" för konto 4010 är inget belopp[\s\S]*Inget har sparats/);
        assert.equal(count('utfall_imports'), 0);
    });

    it('prognos and rapport: a set prognos shows in the report', async () => {
        await run(
            'import',
            join(DIR, 'fryksdalen-2026.csv'),
            '--forbund',
            'fryksdalen',
            '--spara',
            '--av',
            'helena-vik',
        );
        assert.equal(
            await run(
                'prognos',
                '--forbund',
                'fryksdalen',
                '--post',
                'navet',
                '--belopp',
                '2700000',
                '--av',
                'helena-vik',
            ),
            0,
        );
        out = [];
        assert.equal(await run('rapport', '--forbund', 'fryksdalen'), 0);
        assert.match(
            out.join('\n'),
            /Navet: 2 599 000 kr \| 871 501 kr \(33,5 %, 33,3 %\) \| 2 700 000 kr \| 101 000 kr \| enligt budget/,
        );
        assert.equal(await run('prognos', '--forbund', 'fryksdalen', '--post', 'okand', '--belopp', '1'), 2);
    });

    it('a write by someone who is not förbundschef or ekonom is refused and stores nothing; an ekonom may', async () => {
        const file = join(DIR, 'fryksdalen-2026.csv');
        assert.equal(await run('import', file, '--forbund', 'fryksdalen', '--spara'), 1);
        assert.match(out.at(-1) ?? '', /Ange vem som sparar: --av <person-id>/);
        assert.equal(await run('import', file, '--forbund', 'fryksdalen', '--spara', '--av', 'anders-berg'), 1);
        assert.match(
            out.at(-1) ?? '',
            /"anders-berg" är inte förbundschef eller ekonom i Fryksdalens samordningsförbund\. Inget har sparats\./,
        );
        assert.equal(count('utfall_imports'), 0);
        const roster = createRoster(db, () => NOW);
        const anders = roster.bySlug('fryksdalen', 'anders-berg');
        assert.ok(anders);
        roster.addRole('fryksdalen', 'helena-vik', { personId: anders.id, name: anders.name }, { role: 'ekonom' });
        assert.equal(await run('import', file, '--forbund', 'fryksdalen', '--spara', '--av', 'anders-berg'), 0);
        assert.equal(count('utfall_imports'), 1);
    });

    it('an .xlsx workbook in the CSV layout (numbers and date cells) gives the same utfall as the CSV', async () => {
        const cell = (ref: string, v: string | number) =>
            typeof v === 'number'
                ? `<c r="${ref}"><v>${v}</v></c>`
                : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
        // 2026-01-01 is Excel day 46023; a date cell in the period column.
        const day = (p: string) =>
            46023 + (Date.UTC(2026, Number(p.slice(5)) - 1, 1) - Date.UTC(2026, 0, 1)) / 86_400_000;
        const rows = [['konto', 'period', 'belopp'] as (string | number)[]];
        PERIODS.forEach((p, m) => FRYKSDALEN.forEach((f) => rows.push([Number(f.konto), day(p), f.months[m]])));
        const sheet = rows
            .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(`${'ABC'[j]}${i + 1}`, v)).join('')}</row>`)
            .join('');
        const zip = new JSZip();
        zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheet}</sheetData></worksheet>`);
        const dir = mkdtempSync(join(tmpdir(), 'utfall-'));
        writeFileSync(join(dir, 'utfall.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
        assert.equal(await run('import', join(dir, 'utfall.xlsx'), '--forbund', 'fryksdalen'), 0);
        const xlsx = out.join('\n');
        out = [];
        assert.equal(await run('import', join(DIR, 'fryksdalen-2026.csv'), '--forbund', 'fryksdalen'), 0);
        assert.match(xlsx, /XLSX-fil, utfall 2026, perioder 2026-01–2026-04/);
        assert.equal(xlsx.split('\n').slice(1).join('\n'), out.join('\n').split('\n').slice(1).join('\n'));
    });

    it('an unknown förbund names itself and the usage', async () => {
        assert.equal(await run('import', 'x.se', '--forbund', 'okand'), 2);
        assert.match(out.join('\n'), /Okänt förbund "okand"/);
    });
});
