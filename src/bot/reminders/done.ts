// "budgeten är fastställd" / "klar: årsredovisning": the chef marks a deadline done, so no more reminders go out.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/access';
import { addDaysTo, calendarOf, dayOf } from '../../domain/deadlines';
import { listDeadlines, type Listed } from '../../scheduler/reminder-plan';
import type { BotDeps } from '../deps';
import { say, sendReply } from '../reply';
import { findByName } from '../text';
import type { LinkedTurn } from '../turn';
import { doneText } from './list';
import { dayText } from './messages';
import { BUDGET_DONE, DONE } from './words';

/** Handles the "done" phrases. */
export async function markDone(ctx: TurnContext, deps: BotDeps, info: LinkedTurn, person: Person): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const now = deps.now();
    const today = dayOf(now);
    const all = listDeadlines(deps, f, calendarOf(f), addDaysTo(today, -60), addDaysTo(today, 365));
    const budget = BUDGET_DONE.exec(info.text);
    let pick: (ls: Listed[]) => Listed | undefined;
    let asked: string;
    if (budget) {
        const year = Number(budget[1] ?? budget[2]) || undefined;
        asked = year ? `budget ${year}` : 'budget';
        pick = (ls) => ls.find((l) => l.deadline.kind === 'budget' && (!year || l.deadline.subject?.year === year - 1));
    } else {
        const m = DONE.exec(info.text);
        asked = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
        pick = (ls) => findByName(asked, ls, (l) => [l.deadline.title.sv, l.deadline.title.en]);
    }
    const open = pick(all.filter((l) => !l.done));
    if (!open) {
        const done = pick(all.filter((l) => l.done));
        const why = done?.done?.why;
        const text =
            done && why
                ? say(
                      lang,
                      `${done.deadline.title.sv} är redan klar (${doneText(lang, why)}).`,
                      `${done.deadline.title.en} is already done (${doneText(lang, why)}).`,
                  )
                : say(
                      lang,
                      `Jag hittar ingen öppen deadline som passar "${asked}". Skriv "vilka deadlines har vi?" för att se dem. Inget har ändrats.`,
                      `I find no open deadline matching "${asked}". Write "which deadlines do we have?" to see them. Nothing was changed.`,
                  );
        return sendReply(ctx, { text });
    }
    const d = open.deadline;
    deps.transaction(() => {
        deps.deadlines.upsert(f.id, d, person.slug, now);
        deps.deadlines.markDone(f.id, d.key, person.name, now);
        deps.roster.audit(f.id, person.slug, 'deadline.done', { key: d.key });
    });
    await sendReply(ctx, {
        text: say(
            lang,
            `Noterat: **${d.title.sv}** (${dayText(d.due)}) är klar. Inga fler påminnelser om den.`,
            `Noted: **${d.title.en}** (${dayText(d.due, 'en')}) is done. No more reminders about it.`,
        ),
    });
}
