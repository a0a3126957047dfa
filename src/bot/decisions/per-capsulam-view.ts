// The per capsulam card (templates/per-capsulam.json) with the live tally, and settling the result once it is due.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { formatPcRef, settledAt, tallyVotes, type Tally, type Vote } from '../../domain/decision-per-capsulam';
import { insertIndex } from '../../domain/meetings-agenda';
import type { PerCapsulam } from '../../storage/decision-per-capsulam';
import { newActionKey } from '../cards/action-key';
import type { Lang } from '../lang';
import { say, type CardReply } from '../reply';
import { formatWhen } from '../meeting/words';

const MAX_REFRESH_USERS = 60;
export const voteLabel = (v: Vote, lang: Lang) =>
    ({ ja: say(lang, 'Ja', 'Yes'), nej: say(lang, 'Nej', 'No'), avstår: say(lang, 'Avstår', 'Abstain') })[v];

/** The tally as of now (missing answers count as not adopted once the deadline has passed). */
export const tallyOf = (dd: BotDeps, p: PerCapsulam): Tally =>
    tallyVotes(p.voters, [], dd.perCapsulam.votes(p.id), p.deadline, dd.now());

/** `Antaget` / `Inte antaget` / `Pågår`. */
export const resultText = (t: Tally, lang: Lang) =>
    !t.settled
        ? say(lang, 'Pågår', 'Open')
        : t.adopted
          ? say(lang, 'Antaget', 'Adopted')
          : say(lang, 'Inte antaget', 'Not adopted');

/** Puts a settled result on the next open meeting's agenda as "Anmälan av per capsulam-beslut"; returns that meeting. */
export function reportOnAgenda(dd: BotDeps, p: PerCapsulam): number | undefined {
    const r = dd.perCapsulam.result(p.id);
    const next = dd.meetings.upcoming(p.forbundId, p.bodyId, dd.now())[0];
    if (!r || r.reportedItemId || !next) return undefined;
    const t = r.tally;
    const itemId = dd.meetings.addItem(
        next.id,
        {
            kind: 'information',
            title: `Anmälan av per capsulam-beslut${r.register ? ` ${formatPcRef(r.register.number, r.register.year)}` : ''}: ${p.title}`,
            details: `${r.adopted ? 'Antaget' : 'Inte antaget'} per capsulam ${formatWhen(r.settledAt, 'sv')}${r.register ? ` (${formatPcRef(r.register.number, r.register.year)})` : ''}: ja ${t.ja}, nej ${t.nej}, avstår ${t.avstar}, ej svarat ${t.missing}. Förslag till beslut: ${p.proposal}`,
        },
        insertIndex(dd.meetings.items(next.id)),
        'bot',
    );
    dd.perCapsulam.markReported(p.id, itemId);
    return next.id;
}

/** Records the result once it is settled (all answered, or the deadline passed) and reports it; returns the tally. */
export function settleIfDue(dd: BotDeps, p: PerCapsulam): { tally: Tally; reportedIn?: number } {
    return dd.transaction(() => {
        const tally = tallyOf(dd, p);
        if (!tally.settled) return { tally };
        const at = settledAt(p.voters, dd.perCapsulam.votes(p.id), p.deadline, tally.missing);
        dd.perCapsulam.settle(p, tally.adopted, tally, at);
        return { tally, reportedIn: reportOnAgenda(dd, p) };
    });
}

/** The card for a viewer (or the posted card for everyone, with refresh for the voters). */
export function perCapsulamReply(
    dd: BotDeps,
    p: PerCapsulam,
    lang: Lang,
    opts: { person?: Person; posted?: boolean; note?: string } = {},
): CardReply {
    const f = must(dd.forbund.get(p.forbundId), "the proposal's förbund");
    const t = tallyOf(dd, p);
    const people = new Map(dd.roster.list(p.forbundId).map((x) => [x.id, x]));
    const me = opts.person;
    const mine = me && p.voters.find((v) => v.personId === me.id);
    const parts = p.voters.map((v) => {
        const answer = t.answers.get(v.part);
        const instead = v.replaces
            ? say(
                  lang,
                  ` (i stället för ${people.get(v.replaces)?.name})`,
                  ` (instead of ${people.get(v.replaces)?.name})`,
              )
            : '';
        return {
            title: f.parter.find((x) => x.id === v.part.split('#')[0])?.name ?? v.part,
            value: `${people.get(v.personId)?.name ?? '?'}${instead}: ${answer ? voteLabel(answer, lang) : say(lang, 'ej svarat', 'no answer')}`,
        };
    });
    const title = `${say(lang, 'Per capsulam', 'Per capsulam')}: ${p.title}`;
    const deadline = `${say(lang, 'Svar senast', 'Answer by')} ${formatWhen(p.deadline, lang)}`;
    const tallyText = say(
        lang,
        `Ja ${t.ja} · Nej ${t.nej} · Avstår ${t.avstar} · Ej svarat ${t.missing} (av ${t.total})`,
        `Yes ${t.ja} · No ${t.nej} · Abstain ${t.avstar} · No answer ${t.missing} (of ${t.total})`,
    );
    const status = `${resultText(t, lang)} – ${say(lang, 'antas bara om alla parter svarar Ja i tid', 'adopted only if every part answers Yes in time')}`;
    const userIds = p.voters
        .map((v) => people.get(v.personId)?.teamsUserId)
        .filter((x): x is string => !!x)
        .slice(0, MAX_REFRESH_USERS);
    const own = mine ? t.answers.get(mine.part) : undefined;
    const key = () => newActionKey(`pc:${p.id}`, 0);
    const data = {
        title,
        proposal: `${say(lang, 'Förslag till beslut', 'Proposed decision')}: ${p.proposal}`,
        deadline,
        status,
        statusColor: !t.settled ? 'Accent' : t.adopted ? 'Good' : 'Attention',
        tally: tallyText,
        parts,
        yours: own ? `${say(lang, 'Ditt svar', 'Your answer')}: ${voteLabel(own, lang)}` : '',
        note: opts.note ?? '',
        lang,
        proposalId: p.id,
        canVote: !t.settled && (!!opts.posted || !!mine),
        keys: { ja: key(), nej: key(), avstar: key() },
        labels: { ja: voteLabel('ja', lang), nej: voteLabel('nej', lang), avstar: voteLabel('avstår', lang) },
        withRefresh: !!opts.posted && userIds.length > 0,
        userIds,
    };
    const text = [
        `**${title}**`,
        data.proposal,
        deadline,
        tallyText,
        `**${status}**`,
        ...[data.yours, data.note].filter(Boolean),
    ].join('\n');
    return { text, card: { template: 'per-capsulam', data } };
}
