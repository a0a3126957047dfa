// Words proactive reminders (a card, or the report form itself for a missing monthly report) and notices to the chef.
import { daysBetween, dayOf, type Deadline } from '../../domain/deadlines';
import { formatDate } from '../../domain/format';
import type { Forbund } from '../../domain/schema';
import type { NoticeItem, ReminderComposer } from '../../scheduler/reminders';
import type { Planned } from '../../scheduler/reminder-plan';
import type { Db } from '../../storage/db';
import { reportVersionCount } from '../../storage/reports';
import { newActionKey } from '../cards/action-key';
import { messageCard, replyActivity, type Reply } from '../reply';
import { formCard } from '../reports/form';
import { valuesOf } from '../reports/form-values';
import { reportRecord } from '../reports/submit';

const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);
/** "30 november 2025" for a yyyy-MM-dd day. */
export const dayText = (day: string, pattern = 'd MMMM yyyy') => formatDate(dayDate(day), pattern);

/** "om 14 dagar", "i morgon", "i dag", "för 3 dagar sedan". */
export function relativeSv(today: string, due: string): string {
    const n = daysBetween(today, due);
    if (n === 0) return 'i dag';
    if (n === 1) return 'i morgon';
    if (n === -1) return 'i går';
    return n > 0 ? `om ${n} dagar` : `för ${-n} dagar sedan`;
}

/** What to write to the bot when the deadline is done, if that is how it ends. */
function hint(d: Deadline): string {
    switch (d.kind) {
        case 'budget':
            return 'Skriv "budgeten är fastställd" till mig när det är gjort, så slutar påminnelserna.';
        case 'kallelse':
            return 'Skriv "skicka kallelse" till mig när dagordningen är klar; då slutar påminnelserna.';
        case 'mote':
            return 'Svara på kallelsen i kanalen om du kommer eller har förhinder.';
        case 'projektrapport':
            return '';
        default:
            return `Skriv "klar: ${d.title.sv}" till mig när det är gjort, så slutar påminnelserna.`;
    }
}

function reminderReply(db: Db, f: Forbund, p: Planned, now: Date): Reply {
    const d = p.deadline;
    const today = dayOf(now);
    const when = relativeSv(today, d.due);
    const late = p.late
        ? `Den här påminnelsen kommer sent: den skulle ha kommit ${formatDate(p.fireAt, "d MMMM 'kl.' HH:mm")}.`
        : '';
    const passed = d.due < today;
    const line = `${passed ? 'Skulle ha varit klart' : 'Senast'} ${dayText(d.due, 'EEEE d MMMM yyyy')} – ${when}.`;
    const insats = d.subject?.insatsId && f.insatser.find((i) => i.id === d.subject?.insatsId);
    if (d.kind === 'projektrapport' && insats && d.subject?.month) {
        const month = d.subject.month;
        const card = formCard({
            f,
            insats,
            month,
            lang: 'sv',
            key: newActionKey(reportRecord(f.id, insats.id, month), reportVersionCount(db, f.id, insats.id, month)),
            values: valuesOf(undefined),
            errors: [],
        });
        const text = `${late ? `${late} ` : ''}Påminnelse: månadsrapporten för ${insats.name} saknas. ${line} Fyll i kortet och skicka.`;
        return { text, card };
    }
    const title = `Påminnelse: ${d.title.sv}`;
    const facts = [
        { title: 'Datum', value: dayText(d.due) },
        { title: 'Källa', value: d.source.sv },
    ];
    const text = [late, `**${title}**`, line, hint(d)].filter(Boolean).join('\n\n');
    return { text, card: { template: 'reminder', data: { title, late, text: line, facts, hint: hint(d) } } };
}

function noticeLine(n: NoticeItem): string {
    const who = `${n.person.name} (${n.deadline.title.sv})`;
    if (n.kind === 'unreachable')
        return `${who}: jag når inte ${n.person.name} i Teams. Be hen öppna boten i Teams en gång (sök upp appen och skriv "hej"), eller installera appen för hen. Påminnelsen skickas då vid nästa kontroll.`;
    return n.final
        ? `${who}: Teams tog inte emot påminnelsen (${n.error}). Hen kan ha tagit bort appen: be hen öppna boten i Teams igen.`
        : `${who}: kunde inte skickas just nu (${n.error}). Jag försöker igen vid nästa kontroll, om en kvart.`;
}

/** The composer the reminder service uses: Swedish texts, the report form for missing monthly reports. */
export function createReminderComposer(db: Db): ReminderComposer {
    return {
        reminder: (f, p, now) => replyActivity(reminderReply(db, f, p, now)),
        notice: (f, items) => {
            const lines = items.map(noticeLine);
            const title = 'Påminnelser som inte kom fram';
            const text = `${title} (${f.shortName}):\n${lines.map((l) => `- ${l}`).join('\n')}`;
            return replyActivity({ text, card: messageCard(title, lines.join('\n\n')) });
        },
    };
}
