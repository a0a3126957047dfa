// The ledger preview card: what saving the file would store as utfall, with save / cancel.
import type { Forbund } from '../../domain';
import type { LedgerPreview } from '../../domain/ledger-preview';
import type { LedgerReading } from '../../workbook/ledger-isolated';
import type { Lang } from '../lang';
import { say, type CardReply } from '../reply';

export function ledgerPreviewCard(
    f: Forbund,
    fileName: string,
    reading: LedgerReading,
    p: LedgerPreview,
    key: string,
    lang: Lang,
): CardReply {
    const text = say(
        lang,
        `Utfall ${p.period} för ${f.name}, ur ${fileName}. Inget sparas förrän du väljer spara.`,
        `Outcome for ${p.period} for ${f.name}, from ${fileName}. Nothing is stored until you choose save.`,
    );
    const about = [
        { title: say(lang, 'Förbund', 'Förbund'), value: f.name },
        { title: say(lang, 'Period', 'Period'), value: p.period },
        { title: say(lang, 'Fil', 'File'), value: `${reading.fileKind}, ${fileName}` },
        ...(reading.generated ? [{ title: say(lang, 'Skapad', 'Made'), value: reading.generated }] : []),
        ...(reading.company
            ? [{ title: say(lang, 'Företag i filen', 'Company in the file'), value: reading.company }]
            : []),
        p.income,
    ];
    return {
        text,
        card: {
            template: 'ledger-preview',
            data: {
                title: say(lang, 'Förhandsvisning av utfallet', 'Outcome preview'),
                text,
                lang,
                key,
                about,
                posts: p.posts,
                unmapped: p.unmapped,
                differences: p.differences.map((line) => ({ line })),
                warnings: p.warnings.map((line) => ({ line })),
                labels: {
                    posts: say(lang, 'Kostnader per budgetpost', 'Costs per budget post'),
                    unmapped: say(lang, 'Ej kopplade konton', 'Accounts not mapped'),
                    noUnmapped: say(lang, 'Inga: alla konton är kopplade.', 'None: every account is mapped.'),
                    differences: say(lang, 'Skillnader mot sparat utfall', 'Differences from the stored outcome'),
                    warnings: say(lang, 'Att observera', 'Notes'),
                    save: say(lang, 'Spara utfallet', 'Save the outcome'),
                    cancel: say(lang, 'Avbryt', 'Cancel'),
                },
            },
        },
    };
}
