// Builds the teams-ai Application and registers every capability's routes in order; the catch-all comes last.
import type { TurnState } from '@microsoft/teams-ai';
// The package index also loads the AI planners (openai, gpt-tokenizer, @azure/identity): ~12 MB of heap we never use.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type Storage, type TurnContext } from 'botbuilder';
import { expandCard } from '../cards/render';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { fromValidatedToken } from './adapter';
import { LINK, linkPrompt, registerLinking } from './admin/linking';
import { ONBOARDING, registerOnboarding } from './admin/onboarding';
import { registerRoster } from './admin/roster';
import { agendaViews, registerAgenda } from './agenda';
import { decisionContext, registerDecisions } from './decisions';
import type { BotDeps } from './deps';
import { registerFiles } from './files';
import { registerHelp } from './help/help';
import { registerQa } from './qa/qa';
import { messageCard, say, sendReply } from './reply';
import { registerReminders } from './reminders';
import { registerUppdrag } from './uppdrag';
import { requestLog } from './request-log';
import { registerReports } from './reports';
import { referenceOf, turnInfo } from './turn';

/** Creates the bot application over the given adapter and storage. */
export function createBotApplication(deps: BotDeps, adapter: TeamsAdapter, storage: Storage, botAppId: string) {
    const app = new Application<TurnState>({
        adapter,
        storage,
        botAppId,
        removeRecipientMention: true,
        startTypingTimer: false,
    });

    app.turn('beforeTurn', async (ctx) => {
        const info = turnInfo(ctx, deps);
        rememberReferences(ctx, deps);
        // Binding the Teams ids of a roster person as soon as they write 1:1 makes them reachable for reminders.
        if (info.forbund && info.conversation.kind === 'personal')
            await deps.identity.resolve(ctx, info.user, info.forbund.id);
        if (info.forbund || ctx.activity.type !== ActivityTypes.Message) return true;
        if (ONBOARDING.test(info.text) || LINK.test(info.text)) return true;
        await sendReply(ctx, linkPrompt(deps, info));
        return false;
    });

    app.conversationUpdate('membersAdded', async (ctx) => {
        const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient.id);
        if (!botAdded) return;
        const info = turnInfo(ctx, deps);
        if (!info.forbund) return sendReply(ctx, linkPrompt(deps, info));
        await sendReply(ctx, {
            text: say(
                info.lang,
                `Hej! Jag är styrelseassistent för ${info.forbund.name}. Fråga mig om budget, eget kapital och mål, eller skriv "hjälp".`,
                `Hi! I'm the board assistant for ${info.forbund.name}. Ask me about the budget, eget kapital and goals, or write "help".`,
            ),
        });
    });

    registerOnboarding(app, deps);
    registerLinking(app, deps);
    registerRoster(app, deps);
    registerAgenda(app, deps);
    registerDecisions(app, deps, agendaViews(deps));
    registerFiles(app, deps);
    registerReports(app, deps);
    registerUppdrag(app, deps);
    registerReminders(app, deps);
    registerHelp(app, deps);
    registerQa(app, deps, decisionContext(deps));

    app.error(async (ctx, err) => {
        requestLog(ctx, deps.log).error('turn failed', { error: err, activityType: ctx.activity?.type });
        const lang = turnInfo(ctx, deps).lang;
        const sorry = say(
            lang,
            'Något gick fel hos mig, och inget har sparats. Försök igen om en stund.',
            'Something went wrong on my side, and nothing was saved. Please try again in a moment.',
        );
        if (ctx.activity?.type === ActivityTypes.Message) await ctx.sendActivity(sorry);
        if (ctx.activity?.name === 'adaptiveCard/action' && !ctx.turnState.get(INVOKE_RESPONSE_KEY)) {
            // The card shows the apology instead of Teams' generic "something went wrong".
            const card = expandCard(messageCard(say(lang, 'Kunde inte utföras', 'Could not be done'), sorry));
            await ctx.sendActivity({
                type: ActivityTypes.InvokeResponse,
                value: {
                    status: 200,
                    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
                },
            });
        }
    });
    return app;
}

function rememberReferences(ctx: TurnContext, deps: BotDeps) {
    const info = turnInfo(ctx, deps);
    const ref = referenceOf(ctx, info.conversation.id);
    const origin = {
        conversationType: ctx.activity.conversation.conversationType,
        tenantId: info.conversation.tenantId,
        authenticated: fromValidatedToken(ctx),
    };
    deps.refs.put('conversation', info.conversation.id, ref, origin);
    if (info.conversation.kind === 'personal') deps.refs.put('user', info.user.teamsId, ref, origin);
}
