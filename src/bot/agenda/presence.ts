// Närvaro per §: the chef marks a member arriving at an item or leaving after one (templates/agenda-presence-form.json).
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { CardSpec } from '../../cards/render';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import { editorCard } from './editor';
import { registerEditorAction } from './editor-action';
import { afterChange } from './item-actions';
import { presenceSubmit } from './schemas';
import { periodsOf } from '../../domain/meeting-presence';
import { knownState, type MeetingState } from '../meeting/state';
import { memberLabel } from '../meeting/words';

/** `punkt 1–2, 4–10` (en: `items 1–2, 4–10`) for a person's runs of items. */
function periodsText(runs: [number, number][], lang: Lang): string {
    if (!runs.length) return say(lang, 'inte närvarande', 'not present');
    const text = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
    const single = runs.length === 1 && runs[0][0] === runs[0][1];
    return say(lang, `närvarande vid punkt ${text}`, `present at item${single ? '' : 's'} ${text}`);
}

/** One person's recorded arrivals and leaves in agenda order, and the items they are present at. */
function presenceLine(st: MeetingState, personId: number, lang: Lang): string {
    const mine = st.presence.filter((c) => c.personId === personId);
    const steps = [...mine]
        .sort((a, b) => a.at - b.at)
        .map((c) =>
            c.change === 'kommer'
                ? say(lang, `kommer vid punkt ${c.at}`, `arrives at item ${c.at}`)
                : say(lang, `går efter punkt ${c.at}`, `leaves after item ${c.at}`),
        );
    return `${steps.join(', ')} (${periodsText(periodsOf(mine, st.items.length), lang)})`;
}

/** The presence form, with each person's recorded arrivals and leaves. */
export function presenceFormCard(st: MeetingState, lang: Lang, note = ''): CardSpec {
    const m = st.meeting;
    const label = (id: number) => {
        const p = st.people.get(id);
        return p ? memberLabel(st, p, lang) : String(id);
    };
    return {
        template: 'agenda-presence-form',
        data: {
            title: say(lang, 'Närvaro per punkt', 'Attendance per item'),
            text: say(
                lang,
                'Ange om någon kommer senare, går tidigare eller går och kommer tillbaka (spara en gång per ändring, eller båda på en gång). En ledamot som kommer tar platsen tillbaka från sin ersättare; beslutsförhet och vilka som deltar räknas per punkt. Spara utan punkter för att rensa personens ändringar.',
                'Record a member arriving late, leaving early or leaving and coming back (save once per change, or both at once). An arriving member takes the seat back from their deputy; quorum and who takes part are counted per item. Save with no items to clear the person’s changes.',
            ),
            note,
            lang,
            meetingId: m.id,
            key: newActionKey(`meeting:${m.id}`, m.version),
            current: [...new Set(st.presence.map((c) => c.personId))].map((id) => ({
                line: `${label(id)} – ${presenceLine(st, id, lang)}`,
            })),
            people: st.inv.members.map((id) => ({ title: label(id), value: String(id) })),
            items: st.items.map((it) => ({ title: `${it.number}. ${it.title}`, value: String(it.id) })),
            labels: {
                person: say(lang, 'Person', 'Person'),
                arrives: say(lang, 'Kommer (tillbaka) vid punkt', 'Arrives (or comes back) at item'),
                leaves: say(lang, 'Går efter punkt', 'Leaves after item'),
                save: say(lang, 'Spara', 'Save'),
                cancel: say(lang, 'Tillbaka', 'Back'),
            },
        },
    };
}

/**
 * Registers "meeting.presence": the arrival and/or leave given are added to the person's changes (a leave before
 * the arrival is a leave and a return); neither clears them. Refused once the meeting is closed.
 */
export function registerPresence(app: Application<TurnState>, ad: BotDeps): void {
    registerEditorAction(app, ad, {
        verb: 'meeting.presence',
        schema: presenceSubmit,
        prepare: async ({ lang, st, w }, data) => {
            const refuse = (sv: string, en: string) => ({
                refused: presenceFormCard(
                    st,
                    lang,
                    say(lang, `${sv} Inget har ändrats.`, `${en} Nothing was changed.`),
                ),
            });
            if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
                return refuse('Mötet är avslutat.', 'The meeting is closed.');
            if (!st.inv.members.includes(data.person))
                return refuse('Personen är inte kallad till mötet.', 'That person is not called to the meeting.');
            const known = (id?: number) => id === undefined || st.items.some((it) => it.id === id);
            if (!known(data.arrives) || !known(data.leaves))
                return refuse('Punkten finns inte på dagordningen.', 'That item is not on the agenda.');
            const changes = [
                ...(data.arrives ? [{ personId: data.person, change: 'kommer' as const, itemId: data.arrives }] : []),
                ...(data.leaves ? [{ personId: data.person, change: 'går' as const, itemId: data.leaves }] : []),
            ];
            return () => {
                ad.meetings.setPresence(st.meeting.id, data.person, changes, w.person.id, w.person.slug);
                const now = knownState(ad, st.meeting.id);
                const who = now.people.get(data.person)?.name ?? '';
                const done = changes.length
                    ? `${who}: ${presenceLine(now, data.person, lang)}.`
                    : say(
                          lang,
                          `${who}: närvaron följer svaret på kallelsen.`,
                          `${who}: attendance follows the answer to the notice.`,
                      );
                return { card: editorCard(now, lang, done), after: afterChange(ad, st.meeting.id, lang) };
            };
        },
    });
}
