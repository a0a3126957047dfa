// Voting on a per capsulam card (one voter per part) and refreshing it; the posted card and next agenda follow.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { authorize } from '../../domain/access';
import { registerAction } from '../cards/execute';
import { registerView } from '../cards/view';
import { refusalCard } from '../refusal';
import { replyActivity, say } from '../reply';
import { actionLang } from '../meeting/words';
import { perCapsulamReply, resultText, settleIfDue, tallyOf, voteLabel } from './per-capsulam-view';
import { pcVoteSubmit, showSubmit } from './schemas';
import { recordId } from './state';
import { nothing } from './words';

/** Registers the Ja / Nej / Avstår verb and the card refresh. */
export function registerPerCapsulamVote(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    const proposalOf = (record: string) => dd.perCapsulam.get(recordId('pc', record) ?? 0);
    registerAction(app, dd, {
        verb: 'pc.vote',
        schema: pcVoteSubmit,
        version: (record) => (proposalOf(record) ? 0 : undefined),
        forbundOf: (record) => proposalOf(record)?.forbundId,
        // A vote is an answer: a repeat on an old copy votes again rather than replaying an answer since changed.
        answer: true,
        truth: (record, info) => {
            const p = proposalOf(record);
            const person = p && dd.identity.known(info.user, p.forbundId);
            const part = person && p.voters.find((v) => v.personId === person.id)?.part;
            return (part && tallyOf(dd, p).answers.get(part)) ?? '';
        },
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const p = must(proposalOf(data.key.record), 'the proposal the version check found');
            const person = await dd.identity.resolve(ctx, info.user, p.forbundId);
            const voter = person && p.voters.find((v) => v.personId === person.id);
            if (!voter)
                return {
                    refused: refusalCard(
                        lang,
                        nothing(
                            lang,
                            'Du svarar inte i det här ärendet: för varje part svarar ledamoten, eller ersättaren när ledamoten är förhindrad.',
                            'You do not answer in this matter: for each part the ledamot answers, or the ersättare when the ledamot is unavailable.',
                        ),
                    ),
                };
            const { tally } = settleIfDue(dd, p);
            const card = (note: string) => perCapsulamReply(dd, p, lang, { person, note }).card;
            if (tally.settled)
                return {
                    refused: card(
                        nothing(
                            lang,
                            `Omröstningen är avslutad: ${resultText(tally, lang).toLowerCase()}.`,
                            `Voting is over: ${resultText(tally, lang).toLowerCase()}.`,
                        ),
                    ),
                };
            return () => {
                dd.perCapsulam.vote(p, voter.part, person.id, data.answer, person.slug);
                const { tally: after, reportedIn } = settleIfDue(dd, p);
                const note =
                    say(
                        lang,
                        `Ditt svar är sparat: ${voteLabel(data.answer, lang)}.`,
                        `Your answer is saved: ${voteLabel(data.answer, lang)}.`,
                    ) + (after.settled ? ` ${resultText(after, lang)}.` : '');
                return {
                    card: perCapsulamReply(dd, p, lang, { person, note }).card,
                    after: async () => {
                        if (p.posted) {
                            const ref = dd.refs.get('conversation', p.posted.conversationId);
                            if (ref)
                                await dd.sender.update(
                                    ref,
                                    p.posted.activityId,
                                    replyActivity(perCapsulamReply(dd, p, 'sv', { posted: true })),
                                );
                        }
                        if (reportedIn) await agenda.refreshPosted(reportedIn, lang);
                    },
                };
            };
        },
    });

    registerView(app, dd, {
        verb: 'pc.refresh',
        schema: showSubmit,
        load: (data) => {
            const p = data.proposalId ? dd.perCapsulam.get(data.proposalId) : undefined;
            const f = p && dd.forbund.get(p.forbundId);
            return p && f && { f, p };
        },
        // Once posted it is on the styrelse channel's card; before that, only its voters and who may send one.
        canSee: ({ f, p }, { person }) =>
            !!p.posted ||
            (!!person && p.voters.some((v) => v.personId === person.id)) ||
            authorize(person, f.id, { kind: 'decision.record' }).ok,
        render: ({ p }, { lang, person }) => {
            settleIfDue(dd, p);
            return perCapsulamReply(dd, p, lang, { person }).card;
        },
    });
}
