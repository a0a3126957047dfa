// The monthly report form: its fields for an insats, values kept between tries, and each error beside its field.
import type { CardSpec } from '../../cards/render';
import { warningsKey, type PlausibilityWarning } from '../../domain/report-plausibility';
import type { ReportFieldError } from '../../domain/report-schema';
import { GENDERS, OTHER_REFERRER, OUTCOMES, surveyIndicators, tracksTimeBefore } from '../../domain/reports';
import type { Forbund, Insats } from '../../domain';
import type { Lang } from '../lang';
import { sampleMark } from './followup-parts';
import type { FormValues } from './form-values';
import { say } from '../reply';
import { errorText, GENDER_LABEL, GROUP_LABEL, GROUP_SHORT, monthName, OUTCOME_LABEL, warningText } from './labels';

type Field = { id: string; label: string };
type Group = { id: keyof typeof GROUP_LABEL; fields: Field[] };

const pick = (l: Lang, pair: readonly [string, string]) => (l === 'en' ? pair[1] : pair[0]);

/** The number fields of the insats's form, grouped as the card shows them. */
export function formGroups(f: Forbund, insats: Insats, lang: Lang): Group[] {
    const gender = (g: 'nya' | 'avslutade' | 'pagaende'): Group => ({
        id: g,
        fields: GENDERS.map((k) => ({ id: `${g}.${k}`, label: pick(lang, GENDER_LABEL[k]) })),
    });
    const days: Field[] = [
        { id: 'dagar', label: say(lang, 'Dagar i insatsen, totalt', 'Days in the insats, total') },
        ...(tracksTimeBefore(f)
            ? [
                  {
                      id: 'dagarFore',
                      label: say(
                          lang,
                          'Dagar i arbetslöshet/offentlig försörjning före insatsen, totalt',
                          'Days unemployed / on public support before the insats, total',
                      ),
                  },
              ]
            : []),
    ];
    const indicators = surveyIndicators(insats).flatMap((i) => [
        { id: `ind.${i.id}.besvarade`, label: `${i.text} – ${say(lang, 'besvarade', 'answered')}` },
        { id: `ind.${i.id}.positiva`, label: `${i.text} – ${say(lang, 'positiva', 'positive')}` },
    ]);
    return [
        gender('nya'),
        gender('avslutade'),
        gender('pagaende'),
        { id: 'utfall', fields: OUTCOMES.map((o) => ({ id: `utfall.${o}`, label: pick(lang, OUTCOME_LABEL[o]) })) },
        {
            id: 'rem',
            fields: [
                ...f.parter.map((p) => ({ id: `rem.${p.id}`, label: p.name })),
                { id: `rem.${OTHER_REFERRER}`, label: say(lang, 'Annan', 'Other') },
            ],
        },
        { id: 'dagar', fields: days },
        ...(indicators.length ? [{ id: 'ind' as const, fields: indicators }] : []),
    ];
}

/** How a changed field is named in the history: `Nya: Kvinnor`, `Kommentar`. */
export function fieldLabel(f: Forbund, insats: Insats, lang: Lang, id: string): string {
    if (id === 'kommentar') return say(lang, 'Kommentar', 'Comment');
    if (id === 'avvikelse') return say(lang, 'Avvikelse', 'Deviation');
    for (const g of formGroups(f, insats, lang)) {
        const hit = g.fields.find((x) => x.id === id);
        if (hit) return `${pick(lang, GROUP_SHORT[g.id])}: ${hit.label}`;
    }
    return id;
}

export type FormArgs = {
    f: Forbund;
    insats: Insats;
    month: string;
    lang: Lang;
    key: string;
    values: FormValues;
    errors: ReportFieldError[];
    /** Values far outside the insats's history or plan: the card asks "Spara ändå" or "Ändra". */
    warnings?: PlausibilityWarning[];
    /** The version stored now, if any (the submit will become the next one); `sample` for a seeded demo row. */
    latest?: { version: number; by: string; at: string; sample?: boolean };
};

/** The form card: each error under its field (sum rules under their group), values kept. */
export function formCard(a: FormArgs): CardSpec {
    const { lang } = a;
    const err = (field: string) => {
        const e = a.errors.find((x) => x.field === field);
        return e ? errorText(e, lang) : '';
    };
    const num = (v: unknown) =>
        typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : null;
    const text = (id: string, label: string, placeholder: string) => ({
        id,
        label,
        placeholder,
        value: String(a.values[id] ?? ''),
        error: err(id),
    });
    const title = `${say(lang, 'Månadsrapport', 'Monthly report')} ${a.insats.name} – ${monthName(a.month, lang)}`;
    const warnings = a.warnings ?? [];
    const action = { key: a.key, forbundId: a.f.id, insatsId: a.insats.id, month: a.month, lang };
    const data = {
        title,
        intro: a.latest
            ? (a.latest.sample ? `${sampleMark(lang)} ` : '') +
              say(
                  lang,
                  `Version ${a.latest.version} finns redan (${a.latest.by}, ${a.latest.at}). Det du skickar nu sparas som version ${a.latest.version + 1}; tidigare versioner finns kvar.`,
                  `Version ${a.latest.version} exists (${a.latest.by}, ${a.latest.at}). What you send now is stored as version ${a.latest.version + 1}; earlier versions are kept.`,
              )
            : say(
                  lang,
                  'Fyll i antal för månaden. Tomma fält räknas som 0.',
                  'Fill in the counts for the month. Empty fields count as 0.',
              ),
        summary: a.errors.length
            ? say(
                  lang,
                  `${a.errors.length} fält behöver rättas. Inget har sparats.`,
                  `${a.errors.length} fields need fixing. Nothing was stored.`,
              )
            : '',
        monthError: err('month'),
        groups: formGroups(a.f, a.insats, lang).map((g) => ({
            title: GROUP_LABEL[g.id][lang === 'en' ? 1 : 0],
            error: err(g.id),
            fields: g.fields.map((x) => ({ ...x, value: num(a.values[x.id]), error: err(x.id) })),
        })),
        privacy: say(
            lang,
            'Skriv inga personuppgifter – inga namn, personnummer eller hälsouppgifter om deltagare – i fritexten.',
            'Do not write personal details – no names, personal identity numbers or health details about participants – in the free text.',
        ),
        texts: [
            text('kommentar', say(lang, 'Kommentar', 'Comment'), say(lang, 'Valfritt', 'Optional')),
            text(
                'avvikelse',
                say(
                    lang,
                    'Avvikelse (skickas till förbundschefen och styrgruppen)',
                    'Deviation (sent to the förbundschef and the steering group)',
                ),
                say(lang, 'Lämna tomt om inget avviker', 'Leave empty if nothing deviates'),
            ),
        ],
        note: say(lang, 'Procentsatser räknas ut av boten.', 'Percentages are computed by the bot.'),
        warning: warnings.length
            ? [
                  say(lang, 'Inget har sparats än. Stämmer det här?', 'Nothing is stored yet. Is this right?'),
                  ...warnings.map((w) => warningText(w, lang)),
                  say(
                      lang,
                      'Välj "Spara ändå" om siffrorna stämmer, eller rätta dem och välj "Ändra".',
                      'Choose "Save anyway" if the figures are right, or correct them and choose "Change".',
                  ),
              ].join(' ')
            : '',
        actions: warnings.length
            ? [
                  { title: say(lang, 'Ändra', 'Change'), data: action },
                  {
                      title: say(lang, 'Spara ändå', 'Save anyway'),
                      data: { ...action, confirm: warningsKey(warnings) },
                  },
              ]
            : [{ title: say(lang, 'Skicka rapporten', 'Send the report'), data: action }],
    };
    return { template: 'report-form', data };
}
