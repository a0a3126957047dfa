// Uppdrag done in chat: "uppdrag 3 klart: <note>". Questions about open uppdrag are the Q&A's (src/qa/answers/uppdrag.ts).
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { ownerName } from '../../domain/uppdrag';
import type { BotDeps } from '../deps';
import { onMessage } from '../on-message';
import { say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';
import { mayClose, notYours } from './done';

export const CHAT_DONE =
    /^(?:uppdrag|uppdraget)\s+(\d{1,9})\s+(?:är\s+)?(?:klart|klar|gjort)\s*[:.–-]?\s*(.*)$|^assignment\s+(\d{1,9})\s+(?:is\s+)?done\s*[:.–-]?\s*(.*)$/is;

/** Registers the uppdrag chat routes (before the deadline "klar:" route, which they do not overlap). */
export function registerUppdragChat(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(
        app,
        deps,
        (t) => CHAT_DONE.test(t.text),
        (ctx, t) => doneInChat(ctx, deps, t),
    );
}

async function doneInChat(ctx: TurnContext, deps: BotDeps, t: LinkedTurn) {
    const { lang, forbund: f } = t;
    const m = CHAT_DONE.exec(t.text);
    const id = Number(m?.[1] ?? m?.[3]);
    const note = (m?.[2] ?? m?.[4] ?? '').trim().slice(0, 500) || undefined;
    const u = deps.uppdrag.byId(id);
    if (!u || u.forbundId !== f.id)
        return sendReply(ctx, {
            text: say(
                lang,
                `Jag hittar inget uppdrag ${id}. Skriv "vilka uppdrag är öppna?" för att se dem. Inget har ändrats.`,
                `I find no assignment ${id}. Write "which assignments are open?" to see them. Nothing was changed.`,
            ),
        });
    const person = await t.caller();
    if (!mayClose(u, person)) return sendReply(ctx, { text: notYours(lang) });
    const name = (pid: number) => deps.roster.byId(pid)?.name;
    if (u.done)
        return sendReply(ctx, {
            text: say(lang, `Uppdrag ${id} är redan klart.`, `Assignment ${id} is already done.`),
        });
    deps.transaction(() => deps.uppdrag.markDone(u.id, person.id, note, person.slug));
    return sendReply(ctx, {
        text: say(
            lang,
            `Noterat: uppdraget "${u.what}" (${ownerName(f, u, name)}) är klart. Inga fler påminnelser om det.`,
            `Noted: the assignment "${u.what}" (${ownerName(f, u, name)}) is done. No more reminders about it.`,
        ),
    });
}
