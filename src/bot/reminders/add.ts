// "påminn mig om revisionsmötet 3 mars": the chef adds a one-off deadline that reminds them at the usual lead times.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/access';
import { calendarOf, reminderTimes, type Deadline } from '../../domain/deadlines';
import { formatDate } from '../../domain/format';
import type { BotDeps } from '../deps';
import { say, sendReply } from '../reply';
import { foldName as fold } from '../../qa/text';
import type { LinkedTurn } from '../turn';
import { dayText } from './messages';
import { ADD, findDay, titleFrom } from './words';

/** Handles "påminn mig om …" / "remind me about …". */
export async function addDeadline(ctx: TurnContext, deps: BotDeps, info: LinkedTurn, person: Person): Promise<void> {
    const { lang } = info;
    const f = info.forbund;
    const now = deps.now();
    const m = ADD.exec(info.text);
    const found = findDay(m?.[1] ?? m?.[2] ?? '', now);
    const example = say(lang, '"påminn mig om revisionsmötet 3 mars"', '"remind me about the audit meeting 3 March"');
    if (!found)
        return sendReply(ctx, {
            text: say(lang, `Vilket datum? Skriv till exempel ${example}.`, `Which day? Write for example ${example}.`),
        });
    if (found.past)
        return sendReply(ctx, {
            text: say(
                lang,
                `${dayText(found.day)} har redan varit. Inget har sparats.`,
                `${dayText(found.day, 'en')} has passed. Nothing was saved.`,
            ),
        });
    const title = titleFrom(found.rest);
    if (!title)
        return sendReply(ctx, {
            text: say(
                lang,
                `Vad ska jag påminna om? Skriv till exempel ${example}.`,
                `Remind you about what? Write for example ${example}.`,
            ),
        });
    const cal = calendarOf(f);
    const d: Deadline = {
        key: `egen:${person.id}:${found.day}:${fold(title)}`.slice(0, 200),
        kind: 'egen',
        due: found.day,
        title: { sv: title, en: title },
        source: {
            sv: `Tillagd i chatten av ${person.name} ${formatDate(now)}`,
            en: `Added in chat by ${person.name} on ${formatDate(now)}`,
        },
        origin: 'chatt',
        audience: { to: 'person', personId: person.id },
        leads: cal.leadDays,
        knownFrom: now,
    };
    const existed = deps.deadlines.byKey(f.id, d.key) !== undefined;
    if (!existed)
        deps.transaction(() => {
            deps.deadlines.upsert(f.id, d, person.slug, now);
            deps.roster.audit(f.id, person.slug, 'deadline.add', { key: d.key, due: d.due });
        });
    const times = reminderTimes(d, cal).filter((t) => t.at.getTime() > now.getTime());
    const list = times.map((t) => formatDate(t.at, 'd MMMM')).join(', ');
    const text = existed
        ? say(
              lang,
              `Den finns redan: **${title}** ${dayText(d.due)}.`,
              `It is already there: **${title}** on ${dayText(d.due, 'en')}.`,
          )
        : say(
              lang,
              `Sparat: **${title}** ${dayText(d.due)}. Jag påminner dig i en 1:1-chatt ${times.length ? `den ${list}, kl. ${String(cal.sendHour).padStart(2, '0')}` : 'på dagen'}.`,
              `Saved: **${title}** on ${dayText(d.due, 'en')}. I will remind you in a 1:1 chat ${times.length ? `on ${list}, at ${String(cal.sendHour).padStart(2, '0')}:00` : 'on the day'}.`,
          );
    await sendReply(ctx, { text });
}
