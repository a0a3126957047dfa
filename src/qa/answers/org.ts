// Organisation and law: parter, formed, board size and quorum, owners, styrgrupp cadence, budget deadline, texts.
import { BODY_KINDS, must, type Body, type Forbund } from '../../domain';
import { fold } from '../text';
import type { Answer, Question } from '../types';
import { clarify, factsAnswer, notStated, say } from './common';
import { textAnswer } from './org-text';

/** Rules of lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser that hold for every förbund. */
const LAW = {
    deadline: ['30 november', '23 § lag (2003:1210)'],
    samrad: 'förbundsmedlemmarna',
};

const styrelse = (f: Forbund) => f.bodies.find((b) => b.kind === 'styrelse');

/** The body whose meetings are asked about: named, the insats's styrgrupp, or the only body of the named kind. */
function cadenceBody(f: Forbund, q: Question): Body | Body[] | undefined {
    const named = f.bodies.find((x) => x.id === q.body && (x.kind !== 'styrelse' || !q.insats));
    const ofInsats = f.bodies.find((x) => x.kind === 'styrgrupp' && x.insatsId === q.insats);
    if (named ?? ofInsats) return named ?? ofInsats;
    const kind = BODY_KINDS.find((k) => q.tokens.some((t) => t.startsWith(k)));
    const of = f.bodies.filter((x) => x.kind === kind);
    return of.length === 1 ? of[0] : of.length > 1 ? of : undefined;
}

/** Answers an organisation or law question (`q.intent` says which). */
export function answerOrg(f: Forbund, q: Question): Answer {
    const l = (sv: string, en: string) => say(q.lang, sv, en);
    switch (q.intent) {
        case 'parter': {
            const ps = f.parter.filter((p) => !q.partKind || p.kind === q.partKind);
            return factsAnswer(
                f,
                q,
                { kind: 'list', values: ps.map((p) => p.name) },
                l('Parter', 'Parts (members)'),
                ps.map((p) => `- ${p.name}${p.note ? ` – ${p.note}` : ''}`),
            );
        }
        case 'formed':
            return factsAnswer(f, q, { kind: 'list', values: [String(f.formed)] }, f.name, [
                l(`Förbundet bildades **${f.formed}**.`, `The förbund was formed in **${f.formed}**.`),
            ]);
        case 'seats':
        case 'quorum': {
            const b = styrelse(f);
            if (!b?.seatsPerPart) return notStated(f, q, l('styrelsens storlek', 'the size of the board'));
            const ledamot = b.seatsPerPart.ledamot * f.parter.length;
            const ersattare = b.seatsPerPart.ersattare * f.parter.length;
            if (q.intent === 'quorum') {
                const need = Math.floor(ledamot / 2) + 1;
                const stated = fold(b.note ?? '').includes('beslutsmassig');
                const from = stated
                    ? l('Det står i planen', 'The plan says so')
                    : l(
                          'Planen säger det inte själv; det är den allmänna regeln för en förbundsstyrelse (kommunallagen via lag 2003:1210 och förbundsordningen)',
                          "The plan does not say so itself; it is the general rule for a förbund's board (kommunallagen via lag 2003:1210 and the förbundsordning)",
                      );
                return factsAnswer(
                    f,
                    q,
                    { kind: 'number', value: need, unit: 'antal' },
                    l('Beslutsmässighet', 'Quorum'),
                    [
                        l(
                            `Styrelsen är beslutsmässig när mer än hälften av ledamöterna är närvarande: **${need}** av ${ledamot}.`,
                            `The board has a quorum when more than half of its members are present: **${need}** of ${ledamot}.`,
                        ),
                        `${from}.`,
                    ],
                );
            }
            const subs = q.tokens.some((t) => t.startsWith('ersattare') || t.startsWith('suppleant'));
            const n = subs ? ersattare : ledamot;
            return factsAnswer(f, q, { kind: 'number', value: n, unit: 'antal' }, b.name, [
                l(
                    `**${ledamot}** ledamöter och **${ersattare}** ersättare (${b.seatsPerPart.ledamot} + ${b.seatsPerPart.ersattare} per part, ${f.parter.length} parter).`,
                    `**${ledamot}** members and **${ersattare}** substitutes (${b.seatsPerPart.ledamot} + ${b.seatsPerPart.ersattare} per part, ${f.parter.length} parts).`,
                ),
                ...(b.note ? [b.note] : []),
            ]);
        }
        case 'owner': {
            const ins = must(
                f.insatser.find((i) => i.id === q.insats),
                `insats ${q.insats} the question was matched to`,
            );
            if (!ins.owner) return notStated(f, q, l(`vem som äger ${ins.name}`, `who owns ${ins.name}`));
            return factsAnswer(f, q, { kind: 'list', values: [ins.owner] }, ins.name, [
                l(`Insatsägare: **${ins.owner}**`, `Owner: **${ins.owner}**`),
            ]);
        }
        case 'cadence': {
            const b = cadenceBody(f, q);
            if (Array.isArray(b))
                return clarify(
                    f,
                    q,
                    l('Vilken grupp menar du?', 'Which group do you mean?'),
                    b.map((x) => ({
                        title: x.name,
                        q: l(`Hur ofta träffas ${x.name}?`, `How often does ${x.name} meet?`),
                    })),
                );
            if (!b?.cadence)
                return notStated(
                    f,
                    q,
                    l(`hur ofta ${b?.name ?? 'gruppen'} träffas`, `how often ${b?.name ?? 'the group'} meets`),
                    b?.note,
                );
            const base = { kind: b.cadence.days ? ('number' as const) : ('list' as const), values: [b.cadence.text] };
            return factsAnswer(
                f,
                q,
                { ...base, ...(b.cadence.days && { value: b.cadence.days, unit: 'antal' as const }) },
                b.name,
                [`**${b.cadence.text}**`],
            );
        }
        case 'deadline':
            return factsAnswer(
                f,
                q,
                { kind: 'list', values: [...LAW.deadline, LAW.samrad] },
                l('Budgetens sista dag', 'Budget deadline'),
                [
                    l(
                        `Styrelsen ska fastställa budgeten senast **30 november** året före (23 § lag 2003:1210), efter samråd med **förbundsmedlemmarna** (parterna).`,
                        `The board must fix the budget by **30 November** the year before (23 § lag 2003:1210), after consulting the **members** (förbundsmedlemmarna).`,
                    ),
                ],
            );
        case 'mandate':
            return factsAnswer(
                f,
                q,
                { kind: 'list', values: ['fyra år', 'four years'] },
                l('Mandattid', 'Term of office'),
                [
                    l(
                        'Mandattiden är **fyra år**, räknat från 1 januari året efter valet till kommun- och regionfullmäktige (lag 2003:1210).',
                        'The term is **four years** (fyra år), from 1 January after the municipal and regional elections (lag 2003:1210).',
                    ),
                ],
            );
        case 'chair':
            return notStated(
                f,
                q,
                l('vem som är ordförande', 'who chairs the board'),
                [
                    styrelse(f)?.note,
                    l(
                        'Förbundschefen kan visa rollerna med "visa roller".',
                        'The förbundschef can show the roles with "show roles".',
                    ),
                ]
                    .filter(Boolean)
                    .join(' '),
            );
        default:
            return textAnswer(f, q);
    }
}
