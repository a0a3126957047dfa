// The uppdrag card: the owner's reminder with "Klart" and a note field, or the uppdrag as it stands once done.
import type { Forbund } from '../../domain/schema';
import { formatDate } from '../../domain/format';
import { ownerName } from '../../domain/uppdrag';
import type { CardSpec } from '../../cards/render';
import type { Uppdrag } from '../../storage/uppdrag';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';

/** The record an uppdrag's card key names, and its version (1 open, 2 done). */
export const uppdragRecord = (id: number) => `uppdrag:${id}`;
export const uppdragVersion = (u: Uppdrag) => (u.done ? 2 : 1);

export const dueText = (u: Uppdrag, lang: Lang) => formatDate(new Date(`${u.due}T12:00:00Z`), 'd MMMM yyyy', lang);

/** One line: "Helena Vik: Ta fram förslag – senast 1 mars 2026". */
export const uppdragLine = (f: Forbund, u: Uppdrag, name: (id: number) => string | undefined, lang: Lang) =>
    `${ownerName(f, u, name)}: ${u.what} – ${say(lang, 'senast', 'due')} ${dueText(u, lang)}`;

/** The card for an uppdrag; `title`/`text`/`late` come from the reminder when it is one. */
export function uppdragCard(
    f: Forbund,
    u: Uppdrag,
    name: (id: number) => string | undefined,
    lang: Lang,
    opts: { title?: string; text?: string; late?: string } = {},
): CardSpec {
    const body = f.bodies.find((b) => b.id === u.bodyId)?.name ?? u.bodyId;
    const doneNote = u.done
        ? say(
              lang,
              `Klart ${formatDate(u.done.at, 'd MMMM yyyy', lang)}${u.done.note ? `: ${u.done.note}` : ''}`,
              `Done ${formatDate(u.done.at, 'd MMMM yyyy', lang)}${u.done.note ? `: ${u.done.note}` : ''}`,
          )
        : '';
    return {
        template: 'uppdrag',
        data: {
            title: opts.title ?? say(lang, `Uppdrag: ${u.what}`, `Assignment: ${u.what}`),
            late: opts.late ?? '',
            text: opts.text ?? u.what,
            facts: [
                { title: say(lang, 'Till', 'Given to'), value: ownerName(f, u, name) },
                { title: say(lang, 'Senast', 'Due'), value: dueText(u, lang) },
                { title: say(lang, 'Beslutat av', 'Decided by'), value: body },
            ],
            note: doneNote,
            open: !u.done,
            key: newActionKey(uppdragRecord(u.id), uppdragVersion(u)),
            uppdragId: u.id,
            lang,
            labels: {
                note: say(lang, 'Kort redovisning (valfritt)', 'Short report (optional)'),
                done: say(lang, 'Markera som klart', 'Mark as done'),
            },
        },
    };
}
