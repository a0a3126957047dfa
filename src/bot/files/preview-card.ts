// The workbook preview card: what the file would put in force, with activate / save as förslag / cancel.
import type { WorkbookPreview } from '../../domain/workbook-preview';
import type { Lang } from '../lang';
import { say, type CardReply } from '../reply';

export function workbookPreviewCard(p: WorkbookPreview, fileName: string, key: string, lang: Lang): CardReply {
    const text = say(
        lang,
        `${p.name}, ${p.years}, ur ${fileName}. Inget är ändrat förrän du väljer: aktivera (gäller från i dag), spara som förslag eller avbryt.`,
        `${p.name}, ${p.years}, from ${fileName}. Nothing changes until you choose: activate (in force from today), save as förslag or cancel.`,
    );
    return {
        text,
        card: {
            template: 'workbook-preview',
            data: {
                title: say(lang, 'Förhandsvisning av arbetsboken', 'Workbook preview'),
                text,
                lang,
                key,
                totals: p.totals,
                ek: p.ek,
                findings: (p.findings.length ? p.findings : [say(lang, 'Inga avvikelser.', 'No findings.')]).map(
                    (line) => ({ line }),
                ),
                changes: p.changes.map((line) => ({ line })),
                labels: {
                    totals: say(lang, 'Budget per år', 'Budget per year'),
                    ek: say(lang, 'Eget kapital (prognos)', 'Equity (forecast)'),
                    findings: say(lang, 'Avvikelser och regler', 'Findings and rules'),
                    changes: say(lang, 'Skillnader mot versionen som gäller', 'Differences from the version in force'),
                    activate: say(lang, 'Aktivera', 'Activate'),
                    save: say(lang, 'Spara som förslag', 'Save as förslag'),
                    cancel: say(lang, 'Avbryt', 'Cancel'),
                },
            },
        },
    };
}
