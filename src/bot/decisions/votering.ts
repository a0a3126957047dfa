// Yrkanden and omröstning on a beslut item: the ordförande records them; the winning yrkande becomes the decision.
import type { BotDeps } from '../deps';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { authorize } from '../../domain/access';
import { participants, presentAt } from '../../domain/meeting-presence';
import { closedVote, openVote, type VoteResult } from '../../domain/votering';
import { registerAction } from '../cards/execute';
import { registerView } from '../cards/view';
import type { Lang } from '../lang';
import { say } from '../reply';
import { refusalCard, refusalText } from '../refusal';
import { meetingForbund } from '../meeting/keys';
import { actionLang, mayDecide, names, quorumText } from '../meeting/words';
import type { AgendaViews } from '../meeting/views';
import { chairOf } from './protokoll-build';
import { checkDecision } from './record-check';
import { countsOf, showSubmit, voteringSubmit, votesOf, withdrawSubmit, yrkandeSubmit } from './schemas';
import { knownDecisionState, loadDecisionState, recordId, type DecisionState, quorumAtItem } from './state';
import { voteringCard } from './votering-card';
import { nothing } from './words';

const refusalOf = (r: Extract<VoteResult, { ok: false }>['reason'], lang: Lang) =>
    ({
        'too-few': nothing(lang, 'En omröstning behöver minst två yrkanden.', 'A vote needs at least two motions.'),
        'chair-abstained': nothing(
            lang,
            'Lika röstetal: ordförandens röst avgör, men ordföranden har inte röstat på något av de lika yrkandena.',
            'A tie: the chair’s vote decides, but the chair has not voted for one of the tied motions.',
        ),
        'no-lot': nothing(
            lang,
            'Lika röstetal i val eller sluten omröstning: lotten avgör. Ange lottens utfall.',
            'A tie in an election or closed vote: the lot decides. Enter the outcome of the lot.',
        ),
        'too-many-votes': nothing(lang, 'Fler röster än tjänstgörande ledamöter.', 'More votes than serving members.'),
        'no-votes': nothing(lang, 'Ingen har röstat på något yrkande.', 'Nobody voted for a motion.'),
    })[r];

/** Loads the item of a votering press and checks the caller may run the meeting. */
function itemOf(st: DecisionState, itemId: number) {
    const item = st.items.find((x) => x.id === itemId);
    return item && item.kind === 'beslut' ? item : undefined;
}

/**
 * Registers "votering.form" (the card), "votering.yrkande" (add one), "votering.withdraw" (its maker takes it back)
 * and "votering.record" (the omröstning).
 */
export function registerVotering(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    registerView(app, dd, {
        verb: 'votering.form',
        schema: showSubmit,
        load: (data) => {
            const st = data.meetingId ? loadDecisionState(dd, data.meetingId) : undefined;
            const item = st && data.itemId ? itemOf(st, data.itemId) : undefined;
            return st && item && { f: st.f, st, item };
        },
        canSee: ({ st }, v) => mayDecide(st, v.person),
        render: ({ st, item }, { lang }) => voteringCard(dd, st, item, lang),
    });

    // Yrkanden and votes are checked against the item, not a record version: the key only names a live meeting.
    const meetingExists = (record: string) => {
        const id = recordId('decide', record);
        return id !== undefined && dd.meetings.get(id) ? 1 : undefined;
    };
    const open = (st: DecisionState) => st.meeting.status === 'utkast' || st.meeting.status === 'kallad';
    registerAction(app, dd, {
        verb: 'votering.yrkande',
        schema: yrkandeSubmit,
        version: meetingExists,
        forbundOf: meetingForbund(dd, 'decide'),
        truth: (_r, _i, data) => `${dd.meetings.yrkanden(data.itemId).length}`,
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, recordId('decide', data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const access = authorize(person, st.f.id, { kind: 'decision.record' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            const item = itemOf(st, data.itemId);
            if (!item || !open(st) || st.decisions.has(item.id))
                return {
                    refused: refusalCard(
                        lang,
                        nothing(
                            lang,
                            'Yrkanden görs på en öppen beslutspunkt som inte är avgjord.',
                            'Motions are made on an open decision item not yet decided.',
                        ),
                    ),
                };
            const card = (note: string) => voteringCard(dd, st, item, lang, note);
            if (!presentAt(quorumAtItem(st, item.number)).includes(data.person))
                return {
                    refused: card(
                        nothing(
                            lang,
                            `${names(st, [data.person], lang)} är inte närvarande vid punkt ${item.number}.`,
                            `${names(st, [data.person], lang)} is not present at item ${item.number}.`,
                        ),
                    ),
                };
            if (data.outcome === 'ändrat' && !data.text)
                return { refused: card(nothing(lang, 'Skriv ändringsyrkandets text.', 'Write the amendment’s text.')) };
            return () => {
                dd.meetings.addYrkande(
                    st.meeting.id,
                    item.id,
                    { personId: data.person, outcome: data.outcome, text: data.text },
                    access.person.id,
                );
                const now = knownDecisionState(dd, st.meeting.id);
                return {
                    card: voteringCard(dd, now, item, lang, say(lang, 'Yrkandet är tillagt.', 'The motion is added.')),
                };
            };
        },
    });

    // The one who made a yrkande may withdraw it until the item is decided; the ordförande records it on the card.
    registerAction(app, dd, {
        verb: 'votering.withdraw',
        schema: withdrawSubmit,
        version: meetingExists,
        forbundOf: meetingForbund(dd, 'decide'),
        truth: (_r, _i, data) =>
            dd.meetings
                .yrkanden(data.itemId)
                .map((y) => `${y.id}${y.withdrawn ? '-' : '+'}`)
                .join(','),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, recordId('decide', data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const access = authorize(person, st.f.id, { kind: 'decision.record' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            const item = itemOf(st, data.itemId);
            const all = item ? dd.meetings.yrkanden(item.id) : [];
            const y = all.find((x) => x.id === data.yrkandeId);
            if (!item || !y)
                return { refused: refusalCard(lang, nothing(lang, 'Yrkandet finns inte.', 'No such motion.')) };
            const card = (note: string) => ({ refused: voteringCard(dd, st, item, lang, note) });
            const n = all.indexOf(y) + 1;
            if (!open(st) || st.decisions.has(item.id))
                return card(
                    nothing(
                        lang,
                        'Punkten är redan avgjord; ett yrkande kan bara återtas före omröstningen.',
                        'The item is already decided; a motion can only be withdrawn before the vote.',
                    ),
                );
            if (y.withdrawn)
                return card(nothing(lang, `Yrkande ${n} är redan återtaget.`, `Motion ${n} is already withdrawn.`));
            return () => {
                const done = dd.meetings.withdrawYrkande(y.id, access.person.id);
                const now = knownDecisionState(dd, st.meeting.id);
                const who = names(now, [y.personId], lang);
                const note = done
                    ? say(lang, `${who} återtar yrkande ${n}.`, `${who} withdraws motion ${n}.`)
                    : nothing(lang, `Yrkande ${n} är redan återtaget.`, `Motion ${n} is already withdrawn.`);
                return { card: voteringCard(dd, now, item, lang, note) };
            };
        },
    });

    registerAction(app, dd, {
        verb: 'votering.record',
        schema: voteringSubmit,
        version: meetingExists,
        forbundOf: meetingForbund(dd, 'decide'),
        truth: (_r, _i, data) => dd.decisions.itemVersion(data.itemId),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, recordId('decide', data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const access = authorize(person, st.f.id, { kind: 'decision.record' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            const item = itemOf(st, data.itemId);
            if (!item) return { refused: refusalCard(lang, nothing(lang, 'Punkten finns inte.', 'No such item.')) };
            const card = (note: string) => ({ refused: voteringCard(dd, st, item, lang, note) });
            if (st.decisions.has(item.id))
                return card(nothing(lang, 'Punkten är redan avgjord.', 'The item is already decided.'));
            const all = dd.meetings.yrkanden(item.id);
            const yrkanden = all.filter((y) => !y.withdrawn);
            const numberOf = (id: number) => all.findIndex((y) => y.id === id) + 1;
            const raw = data as Record<string, unknown>;
            // A card shown before a yrkande was withdrawn still offers it: a vote or a count for it is refused.
            const gone = new Set(all.filter((y) => y.withdrawn).map((y) => y.id));
            const chosen =
                data.kind === 'öppen'
                    ? [...votesOf(raw).values()].filter((id): id is number => id !== null)
                    : [...countsOf(raw)].filter(([, n]) => n > 0).map(([id]) => id);
            const withdrawn = [...new Set(chosen.filter((id) => gone.has(id)))].map(numberOf);
            if (withdrawn.length)
                return card(
                    nothing(
                        lang,
                        `Yrkande ${withdrawn.join(', ')} är återtaget och kan inte röstas om. Öppna kortet på nytt.`,
                        `Motion ${withdrawn.join(', ')} was withdrawn and cannot be voted on. Open the card again.`,
                    ),
                );
            const q = quorumAtItem(st, item.number, data.jav);
            if (!q.beslutsmassig)
                return card(
                    nothing(
                        lang,
                        `Mötet är inte beslutsmässigt för punkt ${item.number}: ${quorumText(q, lang)}.`,
                        `The meeting is not quorate for item ${item.number}: ${quorumText(q, lang)}.`,
                    ),
                );
            const voters = participants(q);
            const election = data.election === 'true';
            let result: VoteResult;
            let votes: { personId: number; yrkandeId: number | null }[] = [];
            if (data.kind === 'öppen') {
                const given = votesOf(raw);
                const missing = voters.filter((id) => !given.has(id));
                if (missing.length)
                    return card(
                        nothing(
                            lang,
                            `Ange röst (eller avstår) för ${names(st, missing, lang)}.`,
                            `Enter a vote (or abstains) for ${names(st, missing, lang)}.`,
                        ),
                    );
                const mine = new Map(voters.map((id) => [id, given.get(id) ?? null]));
                votes = voters.map((id) => ({ personId: id, yrkandeId: mine.get(id) ?? null }));
                result = openVote(yrkanden, mine, chairOf(st)?.id, election, data.lot);
            } else {
                result = closedVote(yrkanden, countsOf(raw), data.cavstar ?? 0, voters.length, data.lot);
            }
            if (!result.ok) return card(refusalOf(result.reason, lang));
            const won = result;
            const winner = yrkanden.find((y) => y.id === won.winner);
            if (!winner) return card(refusalOf('too-few', lang));
            const checked = checkDecision(
                dd,
                st,
                item,
                { outcome: winner.outcome, text: winner.text, jav: data.jav, reservationer: [] },
                lang,
            );
            if (!checked.ok) return card(checked.note);
            return () => {
                const saved = dd.decisions.record(
                    {
                        meetingId: st.meeting.id,
                        itemId: item.id,
                        outcome: winner.outcome,
                        text: checked.text,
                        jav: data.jav,
                        reservationer: [],
                        recordedBy: access.person.id,
                    },
                    0,
                    st.f.id,
                    access.person.slug,
                );
                const now = knownDecisionState(dd, st.meeting.id);
                if (!saved.ok)
                    return {
                        card: voteringCard(
                            dd,
                            now,
                            item,
                            lang,
                            nothing(
                                lang,
                                'Punkten avgjordes just av någon annan.',
                                'Someone else just decided the item.',
                            ),
                        ),
                    };
                dd.meetings.addVotering(st.meeting.id, {
                    itemId: item.id,
                    kind: data.kind,
                    election,
                    counts: won.counts,
                    avstar: won.avstar,
                    winner: won.winner,
                    tieBreak: won.tieBreak,
                    decisionId: saved.decision.id,
                    votes: data.kind === 'öppen' ? votes : [],
                    recordedBy: access.person.id,
                });
                const tally = yrkanden.map((y) => `${numberOf(y.id)}: ${won.counts.get(y.id) ?? 0}`).join(', ');
                const how =
                    won.tieBreak === 'utslagsröst'
                        ? say(lang, ' genom ordförandens utslagsröst', ' by the chair’s casting vote')
                        : won.tieBreak === 'lottning'
                          ? say(lang, ' genom lottning', ' by lot')
                          : '';
                const note = say(
                    lang,
                    `Omröstningen är registrerad (${tally}, avstår ${won.avstar}); yrkande ${numberOf(winner.id)} vann${how}. Beslut: ${checked.text}`,
                    `The vote is recorded (${tally}, abstained ${won.avstar}); motion ${numberOf(winner.id)} won${how}. Decision: ${checked.text}`,
                );
                return {
                    card: voteringCard(dd, now, item, lang, note),
                    after: agenda.afterChange(st.meeting.id, lang),
                };
            };
        },
    });
}
