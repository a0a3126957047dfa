// "mall" in the 1:1 chat: a signed link to the workbook template (an invented example förbund in every sheet), the
// file a new förbundschef fills in and sends back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ROOT } from '../../paths';
import type { BotDeps } from '../deps';
import { onMessage } from '../on-message';
import { say, sendReply } from '../reply';

export const TEMPLATE_FILE = 'forbund-mall.xlsx';
const TEMPLATE_PATH = join(ROOT, 'data', 'templates', TEMPLATE_FILE);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LINK_TTL_S = 24 * 3600;

export const TEMPLATE_REQUEST =
    /^\s*(?:mall(?:en)?|arbetsboksmall(?:en)?|(?:ge mig |skicka )?mallen för arbetsboken|(?:the )?(?:workbook )?template)\s*[.!?]?\s*$/i;

/** Registers the `workbook-template` download and the "mall" route. */
export function registerTemplateDownload(app: Application<TurnState>, deps: BotDeps): void {
    deps.downloads.register('workbook-template', (id) =>
        id === TEMPLATE_FILE
            ? { contentType: XLSX, filename: TEMPLATE_FILE, body: readFileSync(TEMPLATE_PATH) }
            : undefined,
    );
    onMessage(app, deps, TEMPLATE_REQUEST, async (ctx, turn) => {
        const url = deps.downloads.link('workbook-template', TEMPLATE_FILE, LINK_TTL_S);
        await sendReply(ctx, {
            text: say(
                turn.lang,
                `Mallen för förbundets arbetsbok: [ladda ner ${TEMPLATE_FILE}](${url}) (länken gäller i 24 timmar). Varje blad har ett påhittat exempel: skriv in ert förbunds uppgifter, spara och skicka filen till mig här i 1:1-chatten. Jag visar en förhandsvisning, och inget ändras förrän du aktiverar. Planen (PDF eller Word) skickar du på samma sätt.`,
                `The template for the förbund's workbook: [download ${TEMPLATE_FILE}](${url}) (the link is valid for 24 hours). Each sheet has an invented example: enter your förbund's data, save and send the file to me here in the 1:1 chat. I show a preview, and nothing changes until you activate. Send the plan (PDF or Word) the same way.`,
            ),
        });
    });
}
