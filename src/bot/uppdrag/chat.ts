// Uppdrag in chat: "vilka uppdrag är öppna?", "vad ska Helena göra?", and "uppdrag 3 klart: <note>".
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { dayOf } from '../../domain/deadline-days';
import { isOverdue, ownerName } from '../../domain/uppdrag';
import type { BotDeps } from '../deps';
import { onMessage } from '../on-message';
import { say, sendReply } from '../reply';
import { findByName } from '../text';
import type { LinkedTurn } from '../turn';
import { uppdragLine } from './card';
import { mayClose, notYours } from './done';

export const OPEN_LIST =
    /^(?:vilka|visa|lista)\s+(?:öppna\s+)?uppdrag\b|^(?:which|show|list)\s+(?:the\s+)?(?:open\s+)?assignments\b|^open\s+assignments\b/i;
export const WHO_DOES = /^vad\s+ska\s+(.+?)\s+göra\b|^what\s+(?:is|should)\s+(.+?)\s+(?:to\s+)?do\b/i;
export const CHAT_DONE =
    /^(?:uppdrag|uppdraget)\s+(\d{1,9})\s+(?:är\s+)?(?:klart|klar|gjort)\s*[:.–-]?\s*(.*)$|^assignment\s+(\d{1,9})\s+(?:is\s+)?done\s*[:.–-]?\s*(.*)$/is;

/** Registers the uppdrag chat routes (before the deadline "klar:" route, which they do not overlap). */
export function registerUppdragChat(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(
        app,
        deps,
        (t) => OPEN_LIST.test(t.text),
        (ctx, t) => listOpen(ctx, deps, t),
    );
    onMessage(
        app,
        deps,
        (t) => WHO_DOES.test(t.text) && personNamed(deps, t) !== undefined,
        (ctx, t) => listOpen(ctx, deps, t, personNamed(deps, t)),
    );
    onMessage(
        app,
        deps,
        (t) => CHAT_DONE.test(t.text),
        (ctx, t) => doneInChat(ctx, deps, t),
    );
}

function personNamed(deps: BotDeps, t: LinkedTurn) {
    const m = WHO_DOES.exec(t.text);
    const asked = (m?.[1] ?? m?.[2] ?? '').trim();
    return asked ? findByName(asked, deps.roster.list(t.forbund.id), (p) => [p.name]) : undefined;
}

async function listOpen(ctx: TurnContext, deps: BotDeps, t: LinkedTurn, only?: { id: number; name: string }) {
    const { lang, forbund: f } = t;
    if (!(await t.caller()))
        return sendReply(ctx, {
            text: say(
                lang,
                'Uppdragen visas för dem som finns i förbundets register.',
                "Assignments are shown to those on the förbund's roster.",
            ),
        });
    const today = dayOf(deps.now());
    const name = (id: number) => deps.roster.byId(id)?.name;
    const open = deps.uppdrag
        .open(f.id)
        .filter((u) => !only || ('personId' in u.owner && u.owner.personId === only.id));
    if (open.length === 0)
        return sendReply(ctx, {
            text: only
                ? say(lang, `${only.name} har inga öppna uppdrag.`, `${only.name} has no open assignments.`)
                : say(lang, 'Det finns inga öppna uppdrag.', 'There are no open assignments.'),
        });
    const lines = open.map(
        (u) =>
            `- (${u.id}) ${uppdragLine(f, u, name, lang)}${isOverdue(u, today) ? say(lang, ' – försenat', ' – overdue') : ''}`,
    );
    const head = only
        ? say(lang, `Öppna uppdrag för ${only.name}:`, `Open assignments for ${only.name}:`)
        : say(lang, `Öppna uppdrag (${open.length}):`, `Open assignments (${open.length}):`);
    const hint = say(
        lang,
        'Skriv "uppdrag <nummer> klart: <kort redovisning>" när ett är gjort.',
        'Write "assignment <number> done: <short report>" when one is done.',
    );
    return sendReply(ctx, { text: [head, ...lines, '', hint].join('\n') });
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
