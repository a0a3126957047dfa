// "vilka deadlines har vi?": the coming year's deadlines with their day, what each is for, its source and whether done.
import type { TurnContext } from 'botbuilder';
import { addDaysTo, calendarOf, dayOf, type Text } from '../../domain/deadlines';
import type { Forbund } from '../../domain/schema';
import { listDeadlines, type Listed } from '../../scheduler/reminder-plan';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { say, sendReply, type Reply } from '../reply';
import type { LinkedTurn } from '../turn';
import { dayText } from './messages';

const MAX_ITEMS = 25;

/** "30, 14, 7 och 1 dag före och på dagen" for lead times in days. */
export function leadsText(lang: Lang, leads: readonly number[]): string {
    const and = say(lang, ' och ', ' and ');
    const join = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')}${and}${xs.at(-1)}` : (xs[0] ?? ''));
    const sorted = [...new Set(leads)].sort((a, b) => b - a);
    const before = sorted.filter((n) => n > 0);
    const after = sorted.filter((n) => n < 0).map((n) => -n);
    const parts = [
        before.length
            ? say(lang, `${join(before.map(String))} dagar före`, `${join(before.map(String))} days before`)
            : '',
        sorted.includes(0) ? say(lang, 'på dagen', 'on the day') : '',
        after.length
            ? say(lang, `${join(after.map(String))} dagar efter`, `${join(after.map(String))} days after`)
            : '',
    ];
    return join(parts.filter(Boolean));
}

/** Why a deadline is done, in the reader's language. */
export function doneText(lang: Lang, why: Text | string): string {
    if (typeof why !== 'string') return say(lang, `Klar – ${why.sv}`, `Done – ${why.en}`);
    if (why === 'beslut') return say(lang, 'Klar – beslutet är justerat', 'Done – the decision is approved');
    return say(lang, `Klar – markerad av ${why}`, `Done – marked by ${why}`);
}

/** Deadlines from a week back to a year ahead; only the next monthly report per insats, past ones only while open. */
export function upcoming(deps: BotDeps, f: Forbund, today: string): Listed[] {
    const all = listDeadlines(deps, f, calendarOf(f), addDaysTo(today, -7), addDaysTo(today, 365));
    const seenReport = new Set<string>();
    return all.filter((l) => {
        if (l.deadline.due < today) return !l.done;
        if (l.deadline.kind !== 'projektrapport') return true;
        const insats = l.deadline.subject?.insatsId ?? '';
        if (seenReport.has(insats)) return false;
        seenReport.add(insats);
        return true;
    });
}

/** Answers the listing in text and as a card. */
export async function answerList(ctx: TurnContext, deps: BotDeps, info: LinkedTurn): Promise<void> {
    const { lang, forbund: f } = info;
    const today = dayOf(deps.now());
    const shown = upcoming(deps, f, today);
    await sendReply(ctx, deadlineListReply(f, shown, today, lang));
}

/** The listing of `shown` deadlines as seen on `today`, in text and as a card. */
export function deadlineListReply(f: Forbund, shown: Listed[], today: string, lang: Lang): Reply {
    const items = shown.slice(0, MAX_ITEMS).map((l) => ({
        date: dayText(l.deadline.due, lang, 'd MMM yyyy'),
        title: l.deadline.title[lang],
        source: l.deadline.source[lang],
        status: l.done
            ? doneText(lang, l.done.why)
            : l.deadline.due < today
              ? say(lang, 'Passerad, inte markerad som klar', 'Passed, not marked done')
              : '',
    }));
    const title = say(lang, `Deadlines för ${f.name}`, `Deadlines for ${f.name}`);
    const first = shown.length > MAX_ITEMS ? say(lang, ` (de ${MAX_ITEMS} första)`, ` (the first ${MAX_ITEMS})`) : '';
    const intro = shown.length
        ? say(
              lang,
              `Det kommande året${first}. Påminnelser går ut ${leadsText(lang, calendarOf(f).leadDays)}.`,
              `The coming year${first}. Reminders go out ${leadsText(lang, calendarOf(f).leadDays)}.`,
          )
        : say(lang, 'Inga deadlines det kommande året.', 'No deadlines in the coming year.');
    const note = say(
        lang,
        'Lägg till en egen: "påminn mig om revisionsmötet 3 mars". Markera klar: "budgeten är fastställd" eller "klar: <namn>".',
        'Add your own: "remind me about the audit meeting 3 March". Mark done: "the budget is adopted" or "done: <name>".',
    );
    const lines = items.map((i) => `- **${i.date}** ${i.title} (${i.source})${i.status ? ` – ${i.status}` : ''}`);
    return {
        text: [title, intro, ...lines].join('\n'),
        card: { template: 'reminder-list', data: { title, intro, items, note } },
    };
}
