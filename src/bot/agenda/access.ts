// Who may do what with a meeting: the chef or ordförande write agendas; only invited members answer.
import type { BotDeps } from '../deps';
import type { TurnContext } from 'botbuilder';
import { authorize, type Person } from '../../domain/access';
import type { Lang } from '../lang';
import { refusalText } from '../refusal';
import { say } from '../reply';
import type { TurnInfo } from '../turn';
import type { MeetingState } from '../meeting/state';

export type Allowed = { ok: true; person: Person } | { ok: false; text: string };

/** The caller when they may create, edit and post agendas in `forbundId`; else the refusal sentence. */
export async function asWriter(
    ctx: TurnContext,
    ad: BotDeps,
    info: TurnInfo,
    forbundId: string,
    lang: Lang,
): Promise<Allowed> {
    const person = await ad.identity.resolve(ctx, info.user, forbundId);
    const access = authorize(person, forbundId, { kind: 'agenda.write' });
    return access.ok ? { ok: true, person: access.person } : { ok: false, text: refusalText(lang, access) };
}

/** The caller when they are invited to the meeting (a member of its body); else the refusal sentence. */
export async function asInvited(
    ctx: TurnContext,
    ad: BotDeps,
    info: TurnInfo,
    st: MeetingState,
    lang: Lang,
): Promise<Allowed> {
    const person = await ad.identity.resolve(ctx, info.user, st.f.id);
    const access = authorize(person, st.f.id, {
        kind: 'attendance.answer',
        body: { kind: st.body.kind, insatsId: st.body.insatsId },
    });
    if (!access.ok) return { ok: false, text: refusalText(lang, access) };
    if (!st.inv.members.includes(access.person.id))
        return {
            ok: false,
            text: say(
                lang,
                'Du är inte kallad till det här mötet. Inget har ändrats.',
                'You are not invited to this meeting. Nothing was changed.',
            ),
        };
    return { ok: true, person: access.person };
}
