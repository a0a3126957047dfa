// The votering card (templates/decision-votering.json): yrkanden on an item, propositionsordning and the omröstning.
import type { BotDeps } from '../deps';
import { OUTCOMES } from '../../domain/decisions';
import { participants, presentAt } from '../../domain/meeting-presence';
import { yrkandeLabel, type Yrkande } from '../../domain/votering';
import type { CardSpec } from '../../cards/render';
import type { AgendaItem } from '../../storage/meeting-items';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say } from '../reply';
import { memberLabel, outcomeLabel, quorumText } from '../meeting/words';
import { type DecisionState, quorumAtItem } from './state';

/** `Yrkande 1 (Anders Berg): bifall till förslaget`; for English clients `Motion 1 (Anders Berg): approved as proposed`. */
function lineOf(y: Yrkande, index: number, name: string, lang: Lang): string {
    if (lang === 'sv') return yrkandeLabel(y, index, name);
    const what = y.outcome === 'ändrat' && y.text ? y.text : outcomeLabel(y.outcome, 'en').toLowerCase();
    return `Motion ${index + 1} (${name}): ${what}`;
}

/** The ordförande's view of one beslut item: add yrkanden; with two or more, put them to an open or closed vote. */
export function voteringCard(dd: BotDeps, st: DecisionState, item: AgendaItem, lang: Lang, note = ''): CardSpec {
    const m = st.meeting;
    const q = quorumAtItem(st, item.number);
    const name = (id: number) => st.people.get(id)?.name ?? String(id);
    const label = (id: number) => {
        const p = st.people.get(id);
        return p ? memberLabel(st, p, lang) : String(id);
    };
    const all = dd.meetings.yrkanden(item.id);
    // A withdrawn yrkande keeps its number (the protokoll names it) but is not put to the vote.
    const yrkanden = all.filter((y) => !y.withdrawn);
    const numbered = (y: Yrkande) => say(lang, `Yrkande ${all.indexOf(y) + 1}`, `Motion ${all.indexOf(y) + 1}`);
    const open = !st.decisions.has(item.id) && (m.status === 'utkast' || m.status === 'kallad');
    const lines = all.map((y, i) => ({
        id: y.id,
        line: `${lineOf(y, i, name(y.personId), lang)}${y.withdrawn ? say(lang, ` – återtaget av ${name(y.personId)}`, ` – withdrawn by ${name(y.personId)}`) : ''}`,
        withdraw: open && !y.withdrawn ? say(lang, `Återta yrkande ${i + 1}`, `Withdraw motion ${i + 1}`) : '',
    }));
    const against = (sv: string, en: string) =>
        yrkanden.map((y) => `${say(lang, sv, en)} ${all.indexOf(y) + 1}`).join(say(lang, ' mot ', ' against '));
    return {
        template: 'decision-votering',
        data: {
            title: `${say(lang, 'Yrkanden och votering', 'Motions and vote')}: ${item.number}. ${item.title}`,
            proposal: item.proposal ? `${say(lang, 'Förslag till beslut', 'Proposed decision')}: ${item.proposal}` : '',
            quorum: quorumText(q, lang),
            note,
            lang,
            meetingId: m.id,
            itemId: item.id,
            key: newActionKey(`decide:${m.id}`, 1),
            yrkanden: lines,
            people: presentAt(q).map((id) => ({ title: label(id), value: String(id) })),
            outcomes: OUTCOMES.map((o) => ({ title: outcomeLabel(o, lang), value: o })),
            canVote: yrkanden.length > 1,
            proposition: say(
                lang,
                `Ordföranden ställer ${against('yrkande', 'motion')} under proposition. Vid lika röstetal avgör ordförandens utslagsröst, utom vid val och sluten omröstning (lottning).`,
                `The chair puts ${against('yrkande', 'motion')} to the vote. A tie is decided by the chair's casting vote, except in elections and closed votes (by lot).`,
            ),
            voters: participants(q).map((id) => ({ id: `v${id}`, name: label(id) })),
            voteChoices: [
                ...yrkanden.map((y) => ({ title: numbered(y), value: String(y.id) })),
                { title: say(lang, 'Avstår', 'Abstains'), value: 'avstar' },
            ],
            counts: [
                ...yrkanden.map((y) => ({
                    id: `c${y.id}`,
                    label: `${numbered(y)} – ${say(lang, 'antal röster', 'votes')}`,
                })),
                { id: 'cavstar', label: say(lang, 'Avstår – antal', 'Abstentions') },
            ],
            lotChoices: yrkanden.map((y) => ({ title: numbered(y), value: String(y.id) })),
            labels: {
                yrkanden: say(lang, 'Yrkanden', 'Motions'),
                none: say(lang, 'Inga yrkanden än.', 'No motions yet.'),
                person: say(lang, 'Yrkande av', 'Motion by'),
                outcome: say(lang, 'Yrkar', 'Moves'),
                text: say(lang, 'Beslutstext (för ändring)', 'Decision text (for an amendment)'),
                add: say(lang, 'Lägg till yrkande', 'Add the motion'),
                votering: say(lang, 'Propositionsordning och omröstning', 'Order of the vote and voting'),
                jav: say(lang, 'Jäv – deltar inte', 'Conflict of interest – takes no part'),
                open: say(
                    lang,
                    'Öppen omröstning: varje tjänstgörande ledamots röst',
                    'Open vote: each serving member’s vote',
                ),
                closed: say(
                    lang,
                    'Sluten omröstning (val, anställning): bara antal',
                    'Closed vote (election, appointment): counts only',
                ),
                election: say(lang, 'Val (lika röstetal avgörs genom lottning)', 'Election (a tie is decided by lot)'),
                lot: say(lang, 'Lottens utfall vid lika röstetal', 'Outcome of the lot on a tie'),
                recordOpen: say(lang, 'Registrera öppen omröstning', 'Record the open vote'),
                recordClosed: say(lang, 'Registrera sluten omröstning', 'Record the closed vote'),
                back: say(lang, 'Tillbaka', 'Back'),
            },
        },
    };
}
