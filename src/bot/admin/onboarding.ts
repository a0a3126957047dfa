// "jag är förbundschef <kod>" in a 1:1 chat: the one-time setup code makes the writer förbundschef.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { hasPlan } from '../../domain';
import type { BotDeps } from '../deps';
import { say, sendReply } from '../reply';
import { onSetupMessage } from '../on-message';

export const ONBOARDING =
    /^(?:jag (?:är|ar)|i am|i'm)\s+(?:förbundschef(?:en)?|forbundschef(?:en)?|(?:the )?director)\s+([A-Za-z0-9]{6,12})\s*[.!]?$/i;

/** Registers the onboarding message route. */
export function registerOnboarding(app: Application<TurnState>, deps: BotDeps): void {
    onSetupMessage(app, deps, ONBOARDING, async (ctx, info) => {
        const { lang } = info;
        if (info.conversation.kind !== 'personal') {
            await sendReply(ctx, {
                text: say(
                    lang,
                    'Skriv koden till mig i en 1:1-chatt, inte här. En kod som visats för andra bör du inte använda: starta om med en ny databas eller be driftansvarig om en ny.',
                    'Send the code to me in a 1:1 chat, not here. A code others have seen should not be used.',
                ),
            });
            return;
        }
        const code = ONBOARDING.exec(info.text)?.[1] ?? '';
        const forbundId = deps.setupCodes.redeem(code, info.user.teamsId);
        const f = forbundId ? deps.forbund.get(forbundId) : undefined;
        if (!f) {
            deps.log.warn('setup code refused', { user: info.user.teamsId });
            await sendReply(ctx, {
                text: say(
                    lang,
                    'Koden stämmer inte eller är redan använd. Inget har ändrats.',
                    'That code is wrong or already used. Nothing was changed.',
                ),
            });
            return;
        }
        const known = await deps.identity.resolve(ctx, info.user, f.id);
        const member = known ? undefined : await deps.identity.lookup(ctx, info.user.teamsId);
        const person = deps.roster.addRole(
            f.id,
            info.user.teamsId,
            {
                personId: known?.id,
                name: known?.name ?? info.user.name ?? member?.name ?? 'Förbundschef',
                email: member?.email ?? member?.userPrincipalName,
                teamsUserId: info.user.teamsId,
                entraId: info.user.entraId ?? member?.aadObjectId,
            },
            { role: 'förbundschef' },
        );
        deps.identity.forgetMisses();
        deps.log.info('förbundschef onboarded', { forbund: f.id, person: person.slug });
        // A förbund invited with no data yet: the chef's first step is the workbook.
        if (!hasPlan(f))
            return sendReply(ctx, {
                text: say(
                    lang,
                    `Välkommen ${person.name}! Du är nu förbundschef för ${f.name}, som inte har några uppgifter i boten ännu. Skicka förbundets arbetsbok (.xlsx) till mig här i chatten; skriv "mall" så får du en tom mall att fylla i. Därefter kan du skicka planen som PDF eller Word-fil. Inget ändras förrän du aktiverar förhandsvisningen.`,
                    `Welcome ${person.name}! You are now förbundschef of ${f.name}, which has no data in the bot yet. Send the förbund's workbook (.xlsx) to me here in the chat; write "template" for an empty template to fill in. Then you can send the plan as a PDF or Word file. Nothing changes until you activate the preview.`,
                ),
            });
        await sendReply(ctx, {
            text: say(
                lang,
                `Välkommen ${person.name}! Du är nu förbundschef för ${f.name}. Skriv "visa roller" för att se rollerna, "lägg till @namn som ledamot för <part>" för att ändra dem, och "hjälp" för allt annat.`,
                `Welcome ${person.name}! You are now förbundschef of ${f.name}. Write "show roles" to see the roles, "add @name as member for <part>" to change them, and "help" for everything else.`,
            ),
        });
    });
}
