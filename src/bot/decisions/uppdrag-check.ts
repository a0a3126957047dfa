// Reads the uppdrag fields of the decision form: nothing, or what, to whom and by when (all three, and sensible).
import { dayOf, isDay } from '../../domain/deadline-days';
import type { UppdragFact } from '../../domain/uppdrag';
import type { Lang } from '../lang';
import type { MeetingState } from '../meeting/state';
import { nothing } from './words';

export type UppdragInput = { uppdragWhat?: string; uppdragWho?: string; uppdragDue?: string };
export type GivenUppdrag = { what: string; owner: UppdragFact['owner']; due: string };
export type UppdragChecked = { ok: true; uppdrag?: GivenUppdrag } | { ok: false; note: string };

/** The uppdrag the form gives, if any; a half-filled one is refused so nothing is recorded. */
export function checkUppdrag(st: MeetingState, s: UppdragInput, lang: Lang): UppdragChecked {
    const what = s.uppdragWhat?.trim();
    const who = s.uppdragWho?.trim();
    const due = s.uppdragDue?.trim();
    if (!what && !who && !due) return { ok: true };
    const fail = (sv: string, en: string): UppdragChecked => ({ ok: false, note: nothing(lang, sv, en) });
    if (!what || !who || !due)
        return fail(
            'Ett uppdrag behöver vad som ska göras, till vem och ett datum då det ska vara klart.',
            'An assignment needs what is to be done, to whom and a date it is due.',
        );
    if (!isDay(due)) return fail(`"${due}" är inget datum (ÅÅÅÅ-MM-DD).`, `"${due}" is not a date (YYYY-MM-DD).`);
    if (due < dayOf(st.meeting.startsAt))
        return fail('Uppdraget kan inte vara klart före mötet.', 'The assignment cannot be due before the meeting.');
    const person = /^p:(\d+)$/.exec(who);
    if (person && st.people.has(Number(person[1])))
        return { ok: true, uppdrag: { what, owner: { personId: Number(person[1]) }, due } };
    const part = /^part:(.+)$/.exec(who);
    if (part && st.f.parter.some((p) => p.id === part[1]))
        return { ok: true, uppdrag: { what, owner: { partId: part[1] }, due } };
    return fail('Den som fått uppdraget finns inte i förbundet.', 'The assignee is not in the förbund.');
}
