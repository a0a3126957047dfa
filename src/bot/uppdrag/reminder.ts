// The reminder of an uppdrag (to its owner, or the chef's overdue notice) is the uppdrag card with its "Klart" button.
import type { Deadline } from '../../domain/deadline-types';
import type { Forbund } from '../../domain/schema';
import type { CardSpec } from '../../cards/render';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { uppdragCard } from './card';

/** What the reminder composer calls for an uppdrag deadline; undefined when the uppdrag is gone. */
export type UppdragReminderCard = (
    f: Forbund,
    d: Deadline,
    lang: Lang,
    words: { title: string; text: string; late: string },
) => CardSpec | undefined;

export function uppdragReminderCard(deps: Pick<BotDeps, 'uppdrag' | 'roster'>): UppdragReminderCard {
    return (f, d, lang, words) => {
        const id = d.subject?.uppdragId;
        const u = id === undefined ? undefined : deps.uppdrag.byId(id);
        if (!u || u.forbundId !== f.id) return undefined;
        return uppdragCard(f, u, (pid) => deps.roster.byId(pid)?.name, lang, words);
    };
}
