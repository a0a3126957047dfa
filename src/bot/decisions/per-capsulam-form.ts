// The chef's per capsulam form (templates/per-capsulam-form.json): title, förslag till beslut, deadline, unavailable.
import { invitation } from '../../domain/meetings';
import type { Body, Forbund } from '../../domain';
import type { Person } from '../../domain/access';
import type { CardSpec } from '../../cards/render';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';

type Draft = { title?: string; proposal?: string; date?: string; time?: string; unavailable?: number[] };

/** The styrelse of a förbund (per capsulam is the board's procedure). */
export const styrelseOf = (f: Forbund): Body | undefined => f.bodies.find((b) => b.kind === 'styrelse');

/** The form; ledamöter listed so the chef can mark who is unavailable (their ersättare answers instead). */
export function perCapsulamFormCard(
    f: Forbund,
    body: Body,
    roster: Person[],
    lang: Lang,
    note = '',
    draft: Draft = {},
): CardSpec {
    const inv = invitation(f, body, roster);
    const ledamoter = inv.groups.flatMap((g) => g.ledamoter);
    const byId = new Map(roster.map((p) => [p.id, p]));
    return {
        template: 'per-capsulam-form',
        data: {
            title: say(lang, 'Nytt per capsulam-beslut', 'New per capsulam decision'),
            text: say(
                lang,
                `Förslaget skickas till ${body.name.toLowerCase()}s kanal. En röst per part: ledamoten, eller ersättaren när ledamoten är markerad som förhindrad. Antas bara om alla svarar Ja före sista svarsdag.`,
                `The proposal goes to the ${body.name} channel. One vote per part: the ledamot, or the ersättare when the ledamot is marked unavailable. Adopted only if all answer Yes by the deadline.`,
            ),
            note,
            lang,
            key: newActionKey(`pcs:${f.id}`, 0),
            values: {
                title: draft.title ?? '',
                proposal: draft.proposal ?? '',
                date: draft.date ?? '',
                time: draft.time ?? '12:00',
                unavailable: (draft.unavailable ?? []).join(','),
            },
            ledamoter: ledamoter.map((id) => ({ title: byId.get(id)?.name ?? String(id), value: String(id) })),
            labels: {
                title: say(lang, 'Ärende', 'Matter'),
                proposal: say(lang, 'Förslag till beslut', 'Proposed decision'),
                date: say(lang, 'Sista svarsdag', 'Answer by (date)'),
                time: say(lang, 'Klockslag (svensk tid)', 'Time (Swedish time)'),
                unavailable: say(
                    lang,
                    'Ledamöter som inte kan svara (ersättaren svarar)',
                    'Members who cannot answer (the deputy answers)',
                ),
                send: say(lang, 'Skicka till styrelsen', 'Send to the board'),
            },
        },
    };
}
