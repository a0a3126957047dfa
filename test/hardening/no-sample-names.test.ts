// Nothing under src/ or appPackage/ names a sample förbund, its parter, region, insatser, posts, nyckeltal or people
// in a runtime string or in logic: a förbund that arrives as a data file must work from its data alone. The names
// are read from the sample data files; comments are not runtime and are not read. The one exception is the config's
// default sample id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { fold } from '../../src/qa/text';
import { DATA_DIR, rawForbund } from '../domain/load';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = readdirSync(DATA_DIR)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.replace(/\.json$/, ''));

/**
 * Generic Finsam words that a sample also uses as a name (a post "Styrelse", a body "Beredningsgruppen"): every
 * förbund has them, so they may be written in code. A name used by every sample counts as generic too.
 */
const GENERIC = new Set(
    [
        'styrelse',
        'styrelsen',
        'förvaltning',
        'förbundschef',
        'förbundschefen',
        'processtöd',
        'insatsmedel',
        'representation',
        'resekostnader',
        'revisorskostnader',
        'övriga kostnader',
        'styrelsearvoden',
        'kompetensutveckling',
        'kompetenshöjande insatser',
        'strukturella samverkansinsatser',
        'samverkansinsatser',
        'jämställdhetsarbete',
        'utvecklingsarbete',
        'licens',
        'licensen',
        'indikatorer',
        'kansli',
        'kansliet',
        'administration',
        'arvoden',
        'revision',
        'revisor',
        'revisorer',
        'revisorerna',
        'resor',
        'utbildning',
        'beredningsgrupp',
        'beredningsgruppen',
        'styrgrupp',
        'styrgruppen',
        'samverkansgrupp',
        'samverkansgruppen',
        'ekonomi',
        'redovisning',
        'ekonomiadministration',
        'ekonomisk redovisning',
        'projektet',
        'teamet',
        'individinsatsen',
        'arvode',
        'sociala avgifter',
        'övrigt',
        'övriga',
        'resa',
        'reseersättning',
        'jämställdhet',
        'kompetensinsatser',
        'strukturinsatser',
        'strukturell samverkan',
        'strukturella insatser',
        'ansökningar',
        'nya insatser',
        'nya samverkansinsatser',
        'ej fördelade medel',
        'insatspengar',
        'processtödet',
        'processinriktat arbete',
        'processtödjare',
        'styrelsekostnader',
        'förbundsstyrelsen',
        'styrelsemöte',
        'chefen',
        'kanslifunktion',
        'beredningen',
        'chefsgruppen',
        'indikatorverktyget',
        'utbildning',
        'målområde 1',
        'målområde 2',
        'målområde 3',
        'målområde 4',
        'individinsatser',
        'individer',
        'avslutade',
        'måluppfyllelse',
        'arbete eller studier',
        'genomsnittstid',
        'tid i insats',
        'uppföljning',
        'utvärdering',
        'resultatredovisning',
        'strukturövergripande',
        'individinriktade insatser',
        'kompetenshöjande',
        'skattning',
        'stöd',
        'inflytande',
        'studera',
        'vården',
        'kön',
        'kvinnor och män',
        'remittent',
        'avslut',
        'avslut till arbete',
        'tydlig planering',
        'planering vid avslut',
        'eget inflytande',
        'redo att arbeta',
        'arbetsredo',
        'myndighetskontakter',
        'kontakter med myndigheter',
        'stöd de behöver',
        'remitterande part',
        'upplevd nytta',
        'skattningsverktyg',
        'offentlig försörjning',
        'tid i arbetslöshet',
        'tid innan insatsen',
        'genomströmningstid',
        'ordförande',
        'vice ordförande',
        'ledamot',
        'ersättare',
        'sekreterare',
        'kommun',
        'region',
        'staten',
        'ordf',
        'annan',
        'rehab',
        'arbete',
        'studier',
        // The national network of samordningsförbund, the same for every förbund.
        'nns',
    ].map(fold),
);

function names(): Set<string> {
    const perSample = SAMPLES.map((id) => {
        const f = rawForbund(id);
        const out = new Set<string>();
        const add = (v: unknown) => {
            if (typeof v === 'string' && v.trim()) out.add(fold(v));
        };
        const each = (xs: unknown, keys: string[]) => {
            for (const x of (xs as Record<string, unknown>[] | undefined) ?? []) {
                for (const k of keys) {
                    const v = x[k];
                    if (Array.isArray(v)) v.forEach(add);
                    else add(v);
                }
            }
        };
        for (const k of ['id', 'name', 'shortName']) add(f[k]);
        (f.aliases as string[] | undefined)?.forEach(add);
        each(f.parter, ['id', 'name', 'aliases']);
        each(f.insatser, ['id', 'name', 'aliases', 'owner']);
        each(f.bodies, ['name', 'aliases']);
        each(f.roster, ['slug', 'name']);
        for (const y of (f.years as { posts: unknown }[] | undefined) ?? []) each(y.posts, ['id', 'name', 'aliases']);
        const goals = (f.goals ?? {}) as Record<string, unknown>;
        each(goals.nyckeltal, ['id', 'name', 'aliases']);
        each(goals.malomraden, ['id', 'name']);
        each(goals.matpunkter, ['id']);
        return out;
    });
    const shared = perSample.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    const all = new Set(perSample.flatMap((s) => [...s]));
    return new Set([...all].filter((n) => n.length >= 3 && !shared.has(n) && !GENERIC.has(n)));
}

function files(dir: string, ext: string): string[] {
    return readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) return files(p, ext);
        return p.endsWith(ext) ? [p] : [];
    });
}

/** The string literals and identifiers of a TypeScript file (comments are skipped), with their positions. */
function runtimeText(file: string): { text: string; line: number }[] {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const out: { text: string; line: number }[] = [];
    const visit = (n: ts.Node) => {
        if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n))
            out.push({ text: n.text, line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
        else if (ts.isIdentifier(n))
            out.push({ text: n.text, line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
        ts.forEachChild(n, visit);
    };
    visit(src);
    return out;
}

function jsonText(file: string): { text: string; line: number }[] {
    const out: { text: string; line: number }[] = [];
    const walk = (v: unknown) => {
        if (typeof v === 'string') out.push({ text: v, line: 0 });
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(readFileSync(file, 'utf8')));
    return out;
}

/** Where a text names one of `banned` as a whole word or phrase. */
function hits(file: string, texts: { text: string; line: number }[], banned: Set<string>): string[] {
    const out: string[] = [];
    for (const { text, line } of texts) {
        const t = ` ${fold(text)} `;
        for (const name of banned) if (t.includes(` ${name} `)) out.push(`${relative(ROOT, file)}:${line} "${name}"`);
    }
    return out;
}

/** The config's default sample id is the one allowed mention. */
const ALLOWED = new Set([`src/config.ts "${SAMPLES.includes('fryksdalen') ? 'fryksdalen' : SAMPLES[0]}"`]);

describe('No sample names in runtime code', function () {
    // Parses every file under src/: near 10 s on a loaded 2-core machine.
    this.timeout(60_000);
    const banned = names();

    it('When the sample data files are read, then they give the proper names to look for', () => {
        for (const n of [
            'navet',
            'fryksdalen',
            'nedansiljan',
            'tid fore insats',
            'torsby kommun',
            'region dalarna',
            'roa',
        ])
            assert.ok(banned.has(n), n);
    });

    it('When src/ is read, then no string literal or identifier names a sample förbund, part, region, insats, post, nyckeltal or person', () => {
        const found = files(join(ROOT, 'src'), '.ts')
            .flatMap((f) => hits(f, runtimeText(f), banned))
            .filter((h) => !ALLOWED.has(h.replace(/:\d+ /, ' ')));
        assert.deepEqual(found, []);
    });

    it('When appPackage/ is read, then no manifest string names a sample', () => {
        const found = files(join(ROOT, 'appPackage'), '.json').flatMap((f) => hits(f, jsonText(f), banned));
        assert.deepEqual(found, []);
    });
});
