// Checks a submitted decision against the meeting: open, started, the item, the wording, jäv-adjusted quorum, amends.
import type { BotDeps } from '../deps';
import { decisionText, parseRef, type Outcome } from '../../domain/decisions';
import { presentAt } from '../../domain/meeting-presence';
import { bodyDecides } from '../../domain/schema-org';
import type { AgendaItem } from '../../storage/meeting-items';
import type { Lang } from '../lang';
import { names, quorumText } from '../meeting/words';
import { type DecisionState, quorumAtItem } from './state';
import { nothing } from './words';

const EARLY_MS = 3600_000;
export type Submitted = { outcome: Outcome; text?: string; jav: number[]; reservationer: number[]; amends?: string };
export type Checked = { ok: true; text: string; amends?: number } | { ok: false; note: string };

/** The decision's final wording and amended decision, or why it cannot be recorded (nothing is stored then). */
export function checkDecision(dd: BotDeps, st: DecisionState, item: AgendaItem, s: Submitted, lang: Lang): Checked {
    const fail = (sv: string, en: string): Checked => ({ ok: false, note: nothing(lang, sv, en) });
    if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
        return fail(
            'Mötet är avslutat, så beslut kan inte längre registreras här. Ett senare beslut kan ändra det (fältet "Ändrar tidigare beslut").',
            'The meeting is closed, so decisions can no longer be recorded here. A later decision can amend it ("Amends an earlier decision").',
        );
    if (dd.now().getTime() < st.meeting.startsAt.getTime() - EARLY_MS)
        return fail(
            'Beslut registreras under mötet; det har inte börjat än.',
            'Decisions are recorded during the meeting; it has not started yet.',
        );
    if (!bodyDecides(st.body))
        return fail(
            `${st.body.name} bereder och fattar inga beslut; förslaget går till styrelsen. Mötet får minnesanteckningar.`,
            `${st.body.name} prepares matters and takes no decisions; the proposal goes to the board. The meeting gets notes.`,
        );
    if (item.kind !== 'beslut')
        return fail(`Punkt ${item.number} är ingen beslutspunkt.`, `Item ${item.number} is not a decision item.`);
    const present = new Set(presentAt(quorumAtItem(st, item.number)));
    const absent = [...s.jav, ...s.reservationer].filter((id) => !present.has(id));
    if (absent.length)
        return fail(
            `Jäv och reservationer gäller bara närvarande: ${names(st, absent, lang)} är inte anmäld som närvarande.`,
            `Conflicts and dissents apply to those present only: ${names(st, absent, lang)} is not recorded as present.`,
        );
    const both = s.reservationer.filter((id) => s.jav.includes(id));
    if (both.length)
        return fail(
            `${names(st, both, lang)} har jäv och deltar inte i beslutet, och kan därför inte reservera sig.`,
            `${names(st, both, lang)} has a conflict of interest, takes no part and so cannot dissent.`,
        );
    const q = quorumAtItem(st, item.number, s.jav);
    if (!q.beslutsmassig)
        return fail(
            `Mötet är inte beslutsmässigt för punkt ${item.number}${s.jav.length ? ` när ${names(st, s.jav, lang)} har jäv` : ''}: ${quorumText(q, lang)}. Beslutet är inte registrerat.`,
            `The meeting is not quorate for item ${item.number}${s.jav.length ? ` when ${names(st, s.jav, lang)} has a conflict of interest` : ''}: ${quorumText(q, lang)}. The decision is not recorded.`,
        );
    const justerare = item.slot === 'justerare' && s.outcome === 'bifall' && st.justerare.length === 2;
    const proposal = justerare
        ? `Att utse ${names(st, st.justerare, lang).replace(', ', ' och ')} att jämte ordföranden justera protokollet`
        : item.proposal;
    const worded = decisionText(s.outcome, st.body.name, proposal, s.text);
    if (!worded.ok)
        return worded.reason === 'no-proposal'
            ? fail(
                  'Punkten har inget förslag till beslut; välj "Ändrat beslut" och skriv beslutet.',
                  'The item has no proposed decision; choose "Amended decision" and write it.',
              )
            : fail('Skriv beslutstexten för ett ändrat beslut.', 'Write the text of the amended decision.');
    if (!s.amends) return { ok: true, text: worded.text };
    const ref = parseRef(s.amends);
    const at = ref && dd.protokoll.findParagraph(st.f.id, st.body.id, ref.number, ref.year);
    const earlier = at && dd.decisions.latest(at.itemId);
    if (!earlier) return fail(`Hittar inget beslut ${s.amends} att ändra.`, `Found no decision ${s.amends} to amend.`);
    return { ok: true, text: worded.text, amends: earlier.id };
}

/** Who recorded the item's decision meanwhile, for the one who lost the race. */
export function alreadyRecorded(st: DecisionState, item: AgendaItem, by: number, lang: Lang): string {
    const who = st.people.get(by)?.name ?? '?';
    return nothing(
        lang,
        `${who} registrerade just ett beslut på punkt ${item.number}; ditt beslut sparades inte. Se beslutet och ändra det vid behov.`,
        `${who} just recorded a decision on item ${item.number}; yours was not saved. Look at it and change it if needed.`,
    );
}
