// Tests the Teams app package: the filled manifest against the official v1.22 schema, the zip, the icons, env errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildAppPackage, fillPlaceholders, packageApp, resolvePackageEnv } from '../../src/cli/package-app';

const root = path.resolve(__dirname, '..', '..');
const appDir = path.join(root, 'appPackage');
const template = readFileSync(path.join(appDir, 'manifest.json'), 'utf8');
const schema = JSON.parse(
    readFileSync(path.join(__dirname, '..', 'fixtures', 'teams-manifest-v1.22.schema.json'), 'utf8'),
);
const sample = {
    TEAMS_APP_ID: '3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b2c',
    BOT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    BOT_DOMAIN: 'finsam-3978.euw.devtunnels.ms',
    APP_NAME_SUFFIX: '-local',
};

// The schema's only format is "uri" (on $schema); ajv-formats is not installed, so formats are not validated by ajv
// and the $schema URL is asserted directly below instead.
const validateManifest = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);

function fill(env: Record<string, string | undefined>): unknown {
    const result = fillPlaceholders(template, env);
    assert.ok(result.ok, `unexpected missing: ${!result.ok && result.missing.join(', ')}`);
    return JSON.parse(result.text);
}

function readPng(buf: Buffer): PNG {
    return PNG.sync.read(buf);
}

describe('Teams app package', () => {
    it('When the manifest is filled with sample values, then it is valid against the Teams v1.22 schema', () => {
        const manifest = fill(sample) as Record<string, any>;
        const valid = validateManifest(manifest);
        assert.ok(valid, JSON.stringify(validateManifest.errors, null, 2));
        assert.equal(
            manifest.$schema,
            'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
        );
        assert.equal(manifest.id, sample.TEAMS_APP_ID);
        assert.equal(manifest.bots[0].botId, sample.BOT_ID);
        assert.deepEqual(manifest.validDomains, [sample.BOT_DOMAIN]);
        assert.equal(manifest.name.short, 'Finsam-local');
        assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
    });

    it('When a placeholder is filled with a malformed id, then the schema rejects the manifest', () => {
        assert.equal(validateManifest(fill({ ...sample, BOT_ID: 'not-a-guid' })), false);
    });

    it('When the command lists are read, then each scope has one list within the Teams limits', () => {
        const bot = (fill(sample) as Record<string, any>).bots[0];
        assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
        assert.equal(bot.supportsFiles, true);
        const listScopes = bot.commandLists.map((l: { scopes: string[] }) => l.scopes).flat();
        assert.deepEqual([...listScopes].sort(), ['groupChat', 'personal', 'team']);
        for (const list of bot.commandLists) {
            assert.ok(list.commands.length <= 10, `${list.scopes}: ${list.commands.length} commands`);
            for (const { title, description } of list.commands) {
                assert.ok(title.length <= 32, `title too long: ${title}`);
                assert.ok(description.length <= 128, `description too long: ${description}`);
            }
            assert.ok(list.commands.some((c: { title: string }) => c.title === 'hjälp'));
        }
    });

    it('When variables are missing, then each missing name is reported once and nothing is filled', () => {
        const result = fillPlaceholders(template, { TEAMS_APP_ID: sample.TEAMS_APP_ID });
        assert.deepEqual(result, { ok: false, missing: ['APP_NAME_SUFFIX', 'BOT_ID', 'BOT_DOMAIN'] });
    });

    it('When a value contains JSON syntax, then it is escaped and the manifest stays valid JSON', () => {
        const manifest = fill({ ...sample, APP_NAME_SUFFIX: ' "x"\\' }) as Record<string, any>;
        assert.equal(manifest.name.short, 'Finsam "x"\\');
    });

    const envCases: { name: string; raw: Record<string, string>; problems: RegExp[] }[] = [
        { name: 'nothing is set', raw: {}, problems: [/^BOT_ID is missing/, /^BOT_DOMAIN is missing/] },
        {
            name: 'BOT_ID is blank',
            raw: { BOT_ID: ' ', BOT_DOMAIN: sample.BOT_DOMAIN },
            problems: [/^BOT_ID is missing/],
        },
        {
            name: 'BOT_DOMAIN has a scheme and TEAMS_APP_ID is no GUID',
            raw: { BOT_ID: sample.BOT_ID, TEAMS_APP_ID: 'abc', BOT_DOMAIN: 'https://x.example.org' },
            problems: [/^TEAMS_APP_ID must be a GUID/, /^BOT_DOMAIN must be a bare host name/],
        },
    ];
    for (const { name, raw, problems } of envCases) {
        it(`When ${name}, then the env check names each bad variable`, () => {
            const result = resolvePackageEnv(raw);
            assert.ok(!result.ok);
            assert.equal(result.problems.length, problems.length, result.problems.join('\n'));
            problems.forEach((re, i) => assert.match(result.problems[i], re));
        });
    }

    it('When only MicrosoftAppId and BOT_DOMAIN are set (others blank), then BOT_ID and TEAMS_APP_ID default to it', () => {
        const result = resolvePackageEnv({
            MicrosoftAppId: sample.BOT_ID,
            BOT_DOMAIN: sample.BOT_DOMAIN,
            BOT_ID: '',
            TEAMS_APP_ID: '',
        });
        assert.deepEqual(result, {
            ok: true,
            env: {
                BOT_ID: sample.BOT_ID,
                TEAMS_APP_ID: sample.BOT_ID,
                BOT_DOMAIN: sample.BOT_DOMAIN,
                APP_NAME_SUFFIX: '',
            },
        });
    });

    it('When the package is built, then the zip holds the manifest and both icons at its root', async () => {
        const zip = await JSZip.loadAsync(
            await buildAppPackage({
                manifest: JSON.stringify(fill(sample)),
                colorPng: readFileSync(path.join(appDir, 'color.png')),
                outlinePng: readFileSync(path.join(appDir, 'outline.png')),
            }),
        );
        assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
        const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
        assert.ok(zip.file(manifest.icons.color) && zip.file(manifest.icons.outline));
        const color = readPng(await zip.file('color.png')!.async('nodebuffer'));
        const outline = readPng(await zip.file('outline.png')!.async('nodebuffer'));
        assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    });

    it('When the outline icon is read, then every pixel is white or fully transparent, and both occur', () => {
        const png = readPng(readFileSync(path.join(appDir, 'outline.png')));
        let opaque = 0;
        let clear = 0;
        for (let i = 0; i < png.data.length; i += 4) {
            const [r, g, b, a] = png.data.subarray(i, i + 4);
            if (a === 0) clear++;
            else assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
            if (a === 255) opaque++;
        }
        assert.ok(opaque > 50 && clear > 50, `opaque ${opaque}, transparent ${clear}`);
    });

    it('When the colour icon is read, then it is full colour with an opaque centre', () => {
        const png = readPng(readFileSync(path.join(appDir, 'color.png')));
        const centre = png.data.subarray((96 * 192 + 40) * 4, (96 * 192 + 40) * 4 + 4);
        assert.equal(centre[3], 255);
        assert.notDeepEqual([centre[0], centre[1], centre[2]], [255, 255, 255]);
        assert.ok(centre[0] !== centre[1] || centre[1] !== centre[2], 'centre pixel is grey, not colour');
    });

    it('When packageApp runs on a copy of appPackage, then it writes build/appPackage.<env>.zip', async () => {
        const tmp = mkdtempSync(path.join(os.tmpdir(), 'finsam-pkg-'));
        try {
            cpSync(appDir, path.join(tmp, 'appPackage'), { recursive: true, filter: (src) => !src.includes('build') });
            const result = await packageApp({ root: tmp, envName: 'test', env: sample });
            assert.deepEqual(result, {
                ok: true,
                zipPath: path.join(tmp, 'appPackage', 'build', 'appPackage.test.zip'),
            });
            const zip = await JSZip.loadAsync(
                readFileSync(path.join(tmp, 'appPackage', 'build', 'appPackage.test.zip')),
            );
            assert.ok(validateManifest(JSON.parse(await zip.file('manifest.json')!.async('string'))));
        } finally {
            rmSync(tmp, { recursive: true, force: true });
        }
    });

    it('When the CLI runs without BOT_ID and BOT_DOMAIN, then it names both and exits 1', () => {
        const { PATH, HOME, SYSTEMROOT } = process.env;
        const run = spawnSync(
            process.execPath,
            ['--import', 'tsx', path.join(root, 'src', 'cli', 'package-app.ts'), '--env', 'no-such-env'],
            { cwd: root, env: { PATH, HOME, SYSTEMROOT }, encoding: 'utf8' },
        );
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stderr, /BOT_ID is missing/);
        assert.match(run.stderr, /BOT_DOMAIN is missing/);
        assert.equal(run.stdout, '');
    });
});
