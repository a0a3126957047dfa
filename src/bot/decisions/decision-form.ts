// The decision form card (templates/decision-form.json): outcome, wording, jäv, reservationer, protokollsanteckning.
import { mustGet } from '../../domain/must';
import { OUTCOMES } from '../../domain/decisions';
import type { CardSpec } from '../../cards/render';
import type { AgendaItem } from '../../storage/meeting-items';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { MeetingState } from '../meeting/state';
import { memberLabel, quorumText, outcomeLabel } from '../meeting/words';
import type { Decision } from '../../storage/decisions';

export type DecisionDraft = {
    outcome?: string;
    text?: string;
    jav?: number[];
    reservationer?: number[];
    note?: string;
    amends?: string;
    uppdragWhat?: string;
    uppdragWho?: string;
    uppdragDue?: string;
};

/** Who an uppdrag can be given to: everyone on the roster that day, then each part (`p:<id>` / `part:<id>`). */
export const uppdragOwners = (st: MeetingState, lang: Lang) => [
    ...[...st.people.values()]
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
        .map((p) => ({ title: p.name, value: `p:${p.id}` })),
    ...st.f.parter.map((p) => ({ title: `${p.name} (${say(lang, 'part', 'member')})`, value: `part:${p.id}` })),
];

/** Everyone present at the meeting (ledamöter, serving and attending ersättare): who may have jäv or reserve. */
export const presentIds = (st: MeetingState) => [
    ...st.quorum.presentLedamoter,
    ...st.quorum.serving,
    ...st.quorum.attendingOnly,
];

/** The form for recording (or changing) the decision on a beslut item; `draft` re-fills what was submitted. */
export function decisionFormCard(
    st: MeetingState,
    item: AgendaItem,
    current: Decision | undefined,
    lang: Lang,
    note = '',
    draft: DecisionDraft = {},
): CardSpec {
    const m = st.meeting;
    const people = presentIds(st).map((id) => ({
        title: memberLabel(st, mustGet(st.people, id, 'invited person'), lang),
        value: String(id),
    }));
    return {
        template: 'decision-form',
        data: {
            title: `${say(lang, 'Beslut', 'Decision')}: ${item.number}. ${item.title}`,
            proposal: item.proposal ? `${say(lang, 'Förslag till beslut', 'Proposed decision')}: ${item.proposal}` : '',
            current: current ? `${say(lang, 'Registrerat', 'Recorded')}: ${current.text}` : '',
            quorum: quorumText(st.quorum, lang),
            note,
            lang,
            meetingId: m.id,
            itemId: item.id,
            expect: current?.version ?? 0,
            key: newActionKey(`decide:${m.id}`, 1),
            outcomes: OUTCOMES.map((o) => ({ title: outcomeLabel(o, lang), value: o })),
            people,
            owners: uppdragOwners(st, lang),
            values: {
                outcome: draft.outcome ?? current?.outcome ?? 'bifall',
                text: draft.text ?? (current?.outcome === 'ändrat' ? current.text : ''),
                jav: (draft.jav ?? current?.jav ?? []).join(','),
                reservationer: (draft.reservationer ?? current?.reservationer ?? []).join(','),
                note: draft.note ?? current?.note ?? '',
                amends: draft.amends ?? '',
                uppdragWhat: draft.uppdragWhat ?? '',
                uppdragWho: draft.uppdragWho ?? '',
                uppdragDue: draft.uppdragDue ?? '',
            },
            labels: {
                outcome: say(lang, 'Beslut', 'Decision'),
                text: say(
                    lang,
                    'Beslutstext (för ändrat beslut; motivering för övriga)',
                    'Decision text (for an amended decision; reason for the others)',
                ),
                jav: say(lang, 'Jäv – deltog inte', 'Conflict of interest – did not take part'),
                reservationer: say(lang, 'Reservationer', 'Dissenting (reservation)'),
                note: say(lang, 'Protokollsanteckning', 'Note in the minutes'),
                amends: say(
                    lang,
                    'Ändrar tidigare beslut (t.ex. § 3/2025)',
                    'Amends an earlier decision (e.g. § 3/2025)',
                ),
                uppdrag: say(lang, 'Uppdrag (valfritt)', 'Assignment (optional)'),
                uppdragWhat: say(lang, 'Uppdraget: vad ska göras', 'The assignment: what is to be done'),
                uppdragWho: say(lang, 'Till vem', 'Given to'),
                uppdragDue: say(lang, 'Klart senast', 'Due by'),
                save: say(lang, 'Registrera beslutet', 'Record the decision'),
                cancel: say(lang, 'Tillbaka', 'Back'),
            },
        },
    };
}
