// A workbook read in the child process, on its way to the chef: its preview card (the model waits in file_previews
// until a button decides) or its errors naming sheet, cell and reason in the chef's language.
import { hasPlan, type Forbund } from '../../domain';
import { workbookPreview } from '../../domain/workbook-preview';
import type { WorkbookError } from '../../workbook/errors';
import { issueLine } from '../../workbook/issue-text';
import type { WorkbookData } from '../../workbook/read';
import { newActionKey } from '../cards/action-key';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { messageCard, say, type Reply } from '../reply';
import { previewRecord } from './decide';
import { workbookPreviewCard } from './preview-card';
import { toPreviewModel } from './preview-model';

export function workbookErrorsReply(err: WorkbookError, lang: Lang): Reply {
    const lines = err.issues.map((i) => `- ${issueLine(i, lang)}`).join('\n');
    const text = `${say(lang, 'Inget har ändrats. Rätta i arbetsboken och skicka den igen:', 'Nothing was changed. Correct the workbook and send it again:')}\n\n${lines}`;
    return { text, card: messageCard(say(lang, 'Arbetsboken lästes inte in', 'The workbook was not imported'), text) };
}

/** Stores the preview of a workbook for `active` (the förbund in force) and answers its card; a foreign one is refused. */
export function workbookPreviewReply(
    deps: BotDeps,
    active: Forbund,
    by: string,
    name: string,
    data: WorkbookData,
    lang: Lang,
): Reply {
    if (data.forbund.id !== active.id) {
        const text = say(
            lang,
            `Arbetsboken gäller ${data.forbund.name} (${data.forbund.id}), inte ${active.name}. Inget har ändrats.`,
            `The workbook is for ${data.forbund.name} (${data.forbund.id}), not ${active.name}. Nothing was changed.`,
        );
        return {
            text,
            card: messageCard(say(lang, 'Arbetsboken lästes inte in', 'The workbook was not imported'), text),
        };
    }
    const id = deps.previews.add({
        forbundId: active.id,
        kind: 'workbook',
        fileName: name,
        model: toPreviewModel(data),
        by,
    });
    return workbookPreviewCard(
        // A förbund invited with no data yet has nothing in force to compare with.
        workbookPreview(data.forbund, hasPlan(active) ? active : undefined, lang),
        name,
        newActionKey(previewRecord(id), 0),
        lang,
    );
}
