// Sends a report's avvikelse to the förbundschef and the insats's styrgrupp in their 1:1 chats with the bot.
import type { Forbund, Insats } from '../../domain';
import type { Person } from '../../domain/access';
import type { ReportVersion } from '../../storage/reports';
import type { BotDeps } from '../deps';
import { messageCard, replyActivity } from '../reply';
import { monthName } from './labels';

/** Who was told and who could not be (no stored 1:1 chat, or the connector refused). Never throws. */
export async function flagDeviation(
    deps: BotDeps,
    f: Forbund,
    insats: Insats,
    v: ReportVersion,
    submitter: Person,
): Promise<{ reached: string[]; unreachable: string[] }> {
    const recipients = deps.roster
        .list(f.id)
        .filter(
            (p) =>
                p.id !== submitter.id &&
                p.roles.some((r) => r.role === 'förbundschef' || (r.role === 'styrgrupp' && r.insatsId === insats.id)),
        );
    const title = `Avvikelse i ${insats.name}, ${monthName(v.month, 'sv')}`;
    const text = `${submitter.name} har rapporterat en avvikelse (version ${v.version}):\n\n${v.report.avvikelse ?? ''}`;
    const activity = replyActivity({ text: `**${title}**\n\n${text}`, card: messageCard(title, text) });
    const reached: string[] = [];
    const unreachable: string[] = [];
    for (const p of recipients) {
        const ref = p.teamsUserId ? deps.refs.get('user', p.teamsUserId) : undefined;
        const result = ref ? await deps.sender.send(ref, activity) : undefined;
        (result?.ok ? reached : unreachable).push(p.name);
    }
    deps.log.info('report deviation flagged', {
        forbund: f.id,
        insats: insats.id,
        month: v.month,
        reached: reached.length,
        unreachable: unreachable.length,
    });
    return { reached, unreachable };
}
