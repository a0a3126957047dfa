// What the agenda card shows per item about decisions: the recorded decision, its § once closed, and the buttons.
import type { BotDeps } from '../deps';
import { formatRef } from '../../domain/decisions';
import type { Person } from '../../domain/access';
import { bodyDecides } from '../../domain/schema-org';
import type { AgendaItem } from '../../storage/meeting-items';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { MeetingState } from './state';
import { names, mayDecide, meetingYear, outcomeLabel } from './words';
import type { Decision } from '../../storage/decisions';

/** The decision as one line for the card and chat: outcome, text, jäv and reservationer. */
export function decisionLine(st: MeetingState, d: Decision, lang: Lang): string {
    return [
        `${say(lang, 'Beslut', 'Decision')} (${outcomeLabel(d.outcome, lang).toLowerCase()}): ${d.text}`,
        d.jav.length ? `${say(lang, 'Jäv', 'Conflict of interest')}: ${names(st, d.jav, lang)}` : '',
        d.reservationer.length ? `${say(lang, 'Reservation', 'Dissent')}: ${names(st, d.reservationer, lang)}` : '',
        d.note ? `${say(lang, 'Protokollsanteckning', 'Note')}: ${d.note}` : '',
    ]
        .filter(Boolean)
        .join(' · ');
}

/**
 * Decision fields for the agenda card. `show` is true for the posted card (everyone sees the buttons; the server
 * refuses who may not) and for the ordförande's or chef's own view.
 */
export function agendaDecisionData(dd: BotDeps, st: MeetingState, lang: Lang, posted: boolean, person?: Person) {
    const m = st.meeting;
    const decisions = dd.decisions.forMeeting(m.id);
    const paragraphs = dd.protokoll.paragraphs(m.id);
    const year = meetingYear(m.startsAt);
    const open = m.status === 'utkast' || m.status === 'kallad';
    const show = open && (posted || mayDecide(st, person));
    // A body that prepares takes no decisions: its beslut items are prepared for the styrelse, not decided.
    const decide = show && bodyDecides(st.body);
    return {
        item(it: AgendaItem) {
            const d = decisions.get(it.id);
            const n = paragraphs.get(it.id);
            return {
                id: it.id,
                ref: n ? formatRef(n, year) : '',
                decision: d ? decisionLine(st, d, lang) : '',
                canDecide: decide && it.kind === 'beslut',
                canBifall: decide && it.kind === 'beslut' && !d && !!it.proposal,
                decideKey: newActionKey(`decide:${m.id}`, 1),
                expect: d?.version ?? 0,
                otherLabel: d
                    ? say(lang, 'Ändra beslutet…', 'Change the decision…')
                    : say(lang, 'Annat beslut, jäv…', 'Other decision, conflicts…'),
            };
        },
        canClose: show,
        closeKey: newActionKey(`meeting:${m.id}`, m.version),
        labels: {
            bifall: say(lang, 'Bifall enligt förslaget', 'Approve as proposed'),
            votering: say(lang, 'Yrkanden och votering…', 'Motions and vote…'),
            close: say(lang, 'Avsluta mötet', 'Close the meeting'),
        },
    };
}
