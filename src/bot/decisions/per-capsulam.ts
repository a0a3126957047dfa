// Per capsulam between meetings: the chef sends a proposal to the styrelse's channel; one voter per part answers.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { authorize } from '../../domain/access';
import { perCapsulamVoters } from '../../domain/decision-per-capsulam';
import { invitation } from '../../domain/meetings';
import { registerAction } from '../cards/execute';
import { messageCard, replyActivity, say } from '../reply';
import { refusalText } from '../refusal';
import { parseFormWhen, whenProblem } from '../meeting/parse';
import { actionLang } from '../meeting/words';
import { perCapsulamFormCard, styrelseOf } from './per-capsulam-form';
import { perCapsulamReply } from './per-capsulam-view';
import { pcCreateSubmit } from './schemas';
import { nothing } from './words';
import { registerPerCapsulamVote } from './per-capsulam-vote';

/** Registers creating per capsulam proposals (and, through per-capsulam-vote, voting on them). */
export function registerPerCapsulam(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    registerAction(app, dd, {
        verb: 'pc.create',
        schema: pcCreateSubmit,
        version: (record) => (dd.forbund.has(/^pcs:(.+)$/.exec(record)?.[1] ?? '') ? 0 : undefined),
        forbundOf: (record) => /^pcs:(.+)$/.exec(record)?.[1],
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const f = must(dd.forbund.get(data.key.record.slice('pcs:'.length)), "the key's förbund");
            const person = await dd.identity.resolve(ctx, info.user, f.id);
            const access = authorize(person, f.id, { kind: 'decision.record' });
            const title = say(lang, 'Inget skickat', 'Nothing sent');
            if (!access.ok) return { refused: messageCard(title, refusalText(lang, access)) };
            const body = must(styrelseOf(f), 'a styrelse (the schema requires one)');
            const roster = dd.roster.list(f.id);
            const form = (note: string) => ({ refused: perCapsulamFormCard(f, body, roster, lang, note, data) });
            const when = parseFormWhen(data.date, data.time || '12:00', dd.now());
            if (!when.ok) return form(whenProblem(when.problem, lang));
            const inv = invitation(f, body, roster);
            const ledamoter = inv.groups.flatMap((g) => g.ledamoter);
            if (data.unavailable.some((id) => !ledamoter.includes(id)))
                return form(
                    nothing(lang, 'Markera bara ledamöter som förhindrade.', 'Mark only ledamöter as unavailable.'),
                );
            const { voters, uncovered } = perCapsulamVoters(inv, data.unavailable);
            if (uncovered.length)
                return form(
                    nothing(
                        lang,
                        `Ingen kan svara för ${uncovered.map((k) => f.parter.find((x) => x.id === k)?.name ?? k).join(', ')}.`,
                        `Nobody can answer for ${uncovered.join(', ')}.`,
                    ),
                );
            const channel = dd.links.channelOf(f.id, body.id);
            const ref = channel ? dd.refs.get('conversation', channel) : undefined;
            if (!channel || !ref)
                return form(
                    nothing(
                        lang,
                        `${body.name} har ingen kopplad kanal än. Skriv "koppla kanalen till ${body.name.toLowerCase()}" i kanalen först.`,
                        `${body.name} has no linked channel yet. Link it first.`,
                    ),
                );
            return () => {
                const id = dd.perCapsulam.create(
                    {
                        forbundId: f.id,
                        bodyId: body.id,
                        title: data.title,
                        proposal: data.proposal,
                        deadline: when.startsAt,
                        voters,
                        createdBy: access.person.id,
                    },
                    access.person.slug,
                );
                const p = must(dd.perCapsulam.get(id), 'the proposal this turn created');
                const note = say(
                    lang,
                    'Förslaget är skickat till kanalen.',
                    'The proposal has been sent to the channel.',
                );
                return {
                    card: perCapsulamReply(dd, p, lang, { person, note }).card,
                    after: async (turn) => {
                        const sent = await dd.sender.send(
                            ref,
                            replyActivity(perCapsulamReply(dd, p, 'sv', { posted: true })),
                        );
                        if (sent.ok && sent.activityId) dd.perCapsulam.recordPosted(id, channel, sent.activityId);
                        else
                            await turn.sendActivity(
                                say(
                                    lang,
                                    `Kortet kunde inte postas i kanalen (${sent.ok ? 'inget id' : sent.error}). Röster kan ändå lämnas på det här kortet.`,
                                    `The card could not be posted in the channel (${sent.ok ? 'no id' : sent.error}). Votes can still be given on this card.`,
                                ),
                            );
                    },
                };
            };
        },
    });

    registerPerCapsulamVote(app, dd, agenda);
}
