// Words proactive reminders (a card, or the report form itself for a missing monthly report) and notices to the chef.
import { daysBetween, dayOf, type Deadline } from '../../domain/deadlines';
import { formatDate } from '../../domain/format';
import type { Forbund } from '../../domain/schema';
import type { NoticeItem, ReminderComposer } from '../../scheduler/reminders';
import type { Planned } from '../../scheduler/reminder-plan';
import { langOfLocale, type Lang } from '../lang';
import type { CardSpec } from '../../cards/render';
import { messageCard, replyActivity, say, type Reply } from '../reply';

/** The empty report form a missing-report reminder carries; the reports capability makes it (app.ts passes it in). */
export type EmptyReportForm = (f: Forbund, insats: Forbund['insatser'][number], month: string, lang: Lang) => CardSpec;
/** The uppdrag card with its "done" button; the uppdrag capability makes it (app.ts passes it in). */
export type UppdragCardOf = (
    f: Forbund,
    d: Deadline,
    lang: Lang,
    words: { title: string; text: string; late: string },
) => CardSpec | undefined;

const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);
/** "30 november 2025" / "30 November 2025" for a yyyy-MM-dd day. */
export const dayText = (day: string, lang: Lang = 'sv', pattern = 'd MMMM yyyy') =>
    formatDate(dayDate(day), pattern, lang);

/** "om 14 dagar", "i morgon", "i dag", "för 3 dagar sedan" / "in 14 days", "tomorrow", "today", "3 days ago". */
export function relativeDay(today: string, due: string, lang: Lang): string {
    const n = daysBetween(today, due);
    if (lang === 'en') {
        if (n === 0) return 'today';
        if (n === 1) return 'tomorrow';
        if (n === -1) return 'yesterday';
        return n > 0 ? `in ${n} days` : `${-n} days ago`;
    }
    if (n === 0) return 'i dag';
    if (n === 1) return 'i morgon';
    if (n === -1) return 'i går';
    return n > 0 ? `om ${n} dagar` : `för ${-n} dagar sedan`;
}

/** What to write to the bot when the deadline is done, if that is how it ends. */
function hint(d: Deadline, lang: Lang): string {
    switch (d.kind) {
        case 'budget':
            return say(
                lang,
                'Skriv "budgeten är fastställd" till mig när det är gjort, så slutar påminnelserna.',
                'Write "the budget is adopted" to me when it is done, and the reminders stop.',
            );
        case 'kallelse':
            return say(
                lang,
                'Skriv "skicka kallelse" till mig när dagordningen är klar; då slutar påminnelserna.',
                'Write "send notice" to me when the agenda is ready; then the reminders stop.',
            );
        case 'mote':
            return say(
                lang,
                'Svara på kallelsen i kanalen om du kommer eller har förhinder.',
                'Answer the notice in the channel: attending or unable to attend.',
            );
        case 'projektrapport':
            return '';
        case 'uppdrag':
            return say(
                lang,
                `Markera uppdraget som klart på kortet, eller skriv "uppdrag ${d.subject?.uppdragId ?? ''} klart: <kort redovisning>" till mig.`,
                `Mark the assignment done on the card, or write "assignment ${d.subject?.uppdragId ?? ''} done: <short report>" to me.`,
            );
        case 'utfall':
            return say(
                lang,
                'Importera SIE-filen från ekonomisystemet (npm run utfall -- import <fil> --forbund <id> --spara); då är påminnelsen klar.',
                'Import the SIE file from the accounting system (npm run utfall -- import <file> --forbund <id> --spara); then the reminder is done.',
            );
        default:
            return say(
                lang,
                `Skriv "klar: ${d.title.sv}" till mig när det är gjort, så slutar påminnelserna.`,
                `Write "done: ${d.title.en}" to me when it is done, and the reminders stop.`,
            );
    }
}

/** The reminder of one planned deadline: a card, or the report form itself for a missing monthly report. */
export function reminderReply(
    reportForm: EmptyReportForm,
    f: Forbund,
    p: Planned,
    now: Date,
    lang: Lang,
    uppdragCard?: UppdragCardOf,
): Reply {
    const d = p.deadline;
    const today = dayOf(now);
    const when = relativeDay(today, d.due, lang);
    const late = p.late
        ? say(
              lang,
              `Den här påminnelsen kommer sent: den skulle ha kommit ${formatDate(p.fireAt, "d MMMM 'kl.' HH:mm")}.`,
              `This reminder is late: it should have come on ${formatDate(p.fireAt, "d MMMM 'at' HH:mm", 'en')}.`,
          )
        : '';
    const passed = d.due < today;
    const due = dayText(d.due, lang, 'EEEE d MMMM yyyy');
    const line = say(
        lang,
        `${passed ? 'Skulle ha varit klart' : 'Senast'} ${due} – ${when}.`,
        `${passed ? 'Was due' : 'Due'} ${due} – ${when}.`,
    );
    const insats = d.subject?.insatsId && f.insatser.find((i) => i.id === d.subject?.insatsId);
    if (d.kind === 'projektrapport' && insats && d.subject?.month) {
        const month = d.subject.month;
        const card = reportForm(f, insats, month, lang);
        const text = say(
            lang,
            `${late ? `${late} ` : ''}Påminnelse: månadsrapporten för ${insats.name} saknas. ${line} Fyll i kortet och skicka.`,
            `${late ? `${late} ` : ''}Reminder: the monthly report for ${insats.name} is missing. ${line} Fill in the card and send it.`,
        );
        return { text, card };
    }
    const title = say(lang, `Påminnelse: ${d.title.sv}`, `Reminder: ${d.title.en}`);
    const facts = [
        { title: say(lang, 'Datum', 'Date'), value: dayText(d.due, lang) },
        { title: say(lang, 'Källa', 'Source'), value: d.source[lang] },
    ];
    const text = [late, `**${title}**`, line, hint(d, lang)].filter(Boolean).join('\n\n');
    const own = d.kind === 'uppdrag' ? uppdragCard?.(f, d, lang, { title, text: line, late }) : undefined;
    if (own) return { text, card: own };
    return { text, card: { template: 'reminder', data: { title, late, text: line, facts, hint: hint(d, lang) } } };
}

function noticeLine(n: NoticeItem, lang: Lang): string {
    const name = n.person.name;
    const who = `${name} (${n.deadline.title[lang]})`;
    if (n.kind === 'unreachable')
        return say(
            lang,
            `${who}: jag når inte ${name} i Teams. Be hen öppna boten i Teams en gång (sök upp appen och skriv "hej"), eller installera appen för hen. Påminnelsen skickas då vid nästa kontroll.`,
            `${who}: I cannot reach ${name} in Teams. Ask them to open the bot in Teams once (find the app and write "hi"), or install the app for them. The reminder is then sent at the next check.`,
        );
    if (n.final)
        return say(
            lang,
            `${who}: Teams tog inte emot påminnelsen (${n.error}). Hen kan ha tagit bort appen: be hen öppna boten i Teams igen.`,
            `${who}: Teams did not accept the reminder (${n.error}). They may have removed the app: ask them to open the bot in Teams again.`,
        );
    return say(
        lang,
        `${who}: kunde inte skickas just nu (${n.error}). Jag försöker igen vid nästa kontroll, om en kvart.`,
        `${who}: could not be sent just now (${n.error}). I will try again at the next check, in a quarter of an hour.`,
    );
}

/** The composer the reminder service uses: texts in the recipient's Teams language, the report form for missing reports. */
export function createReminderComposer(reportForm: EmptyReportForm, uppdragCard?: UppdragCardOf): ReminderComposer {
    return {
        reminder: (f, p, now, locale) =>
            replyActivity(reminderReply(reportForm, f, p, now, langOfLocale(locale), uppdragCard)),
        notice: (f, items, _now, locale) => {
            const lang = langOfLocale(locale);
            const lines = items.map((n) => noticeLine(n, lang));
            const title = say(lang, 'Påminnelser som inte kom fram', 'Reminders that did not get through');
            const text = `${title} (${f.shortName}):\n${lines.map((l) => `- ${l}`).join('\n')}`;
            return replyActivity({ text, card: messageCard(title, lines.join('\n\n')) });
        },
    };
}
