// Uppdrag given by decisions: marked done from the card or in chat, listed in chat, worded for the reminder.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps';
import { registerUppdragChat } from './chat';
import { registerUppdragDone } from './done';

export { uppdragReminderCard } from './reminder';

export function registerUppdrag(app: Application<TurnState>, deps: BotDeps): void {
    registerUppdragDone(app, deps);
    registerUppdragChat(app, deps);
}
