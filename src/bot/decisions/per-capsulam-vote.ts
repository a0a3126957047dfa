// Voting on a per capsulam card (one voter per part) and refreshing it; the posted card and next agenda follow.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { expandCard } from '../../cards/render';
import { registerAction } from '../cards/execute';
import { messageCard, replyActivity, say } from '../reply';
import { turnInfo } from '../turn';
import { refreshPosted } from '../agenda/publish';
import { actionLang } from '../agenda/words';
import { perCapsulamReply, resultText, settleIfDue, voteLabel } from './per-capsulam-view';
import { pcVoteSubmit, showSubmit } from './schemas';
import { recordId, type DecisionDeps } from './state';
import { nothing } from './words';

/** Registers the Ja / Nej / Avstår verb and the card refresh. */
export function registerPerCapsulamVote(app: Application<TurnState>, dd: DecisionDeps): void {
    registerAction(app, dd, {
        verb: 'pc.vote',
        schema: pcVoteSubmit,
        version: (record) => {
            const id = recordId('pc', record);
            return id !== undefined && dd.perCapsulam.get(id) ? 0 : undefined;
        },
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const p = dd.perCapsulam.get(recordId('pc', data.key.record)!)!;
            const person = await dd.identity.resolve(ctx, info.user, p.forbundId);
            const { tally } = settleIfDue(dd, p);
            const card = (note: string) => perCapsulamReply(dd, p, lang, { person, note }).card!;
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
            const voter = person && p.voters.find((v) => v.personId === person.id);
            if (!voter)
                return {
                    refused: card(
                        nothing(
                            lang,
                            'Du svarar inte i det här ärendet: för varje part svarar ledamoten, eller ersättaren när ledamoten är förhindrad.',
                            'You do not answer in this matter: for each part the ledamot answers, or the ersättare when the ledamot is unavailable.',
                        ),
                    ),
                };
            return () => {
                dd.perCapsulam.vote(p, voter.part, person!.id, data.answer, person!.slug);
                const { tally: after, reportedIn } = settleIfDue(dd, p);
                const note =
                    say(
                        lang,
                        `Ditt svar är sparat: ${voteLabel(data.answer, lang)}.`,
                        `Your answer is saved: ${voteLabel(data.answer, lang)}.`,
                    ) + (after.settled ? ` ${resultText(after, lang)}.` : '');
                return {
                    card: perCapsulamReply(dd, p, lang, { person, note }).card!,
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
                        if (reportedIn) await refreshPosted(dd, reportedIn, lang);
                    },
                };
            };
        },
    });

    app.adaptiveCards.actionExecute('pc.refresh', async (ctx, _s, raw) => {
        const info = turnInfo(ctx, dd);
        const data = showSubmit.safeParse(raw);
        const lang = actionLang(ctx, info, data.success ? data.data : {});
        const p = data.success && data.data.proposalId ? dd.perCapsulam.get(data.data.proposalId) : undefined;
        if (!p)
            return expandCard(
                messageCard(
                    say(lang, 'Kunde inte visas', 'Could not be shown'),
                    say(lang, 'Förslaget finns inte.', 'No such proposal.'),
                ),
            ) as never;
        settleIfDue(dd, p);
        const person = await dd.identity.resolve(ctx, info.user, p.forbundId);
        return expandCard(perCapsulamReply(dd, p, lang, { person }).card!) as never;
    });
}
