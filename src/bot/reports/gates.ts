// The checks the report chat commands open with: a 1:1 chat where figures are shown, and which insatser the caller may see.
import type { Forbund, Insats } from '../../domain';
import { authorize, type Access, type Person } from '../../domain/access';
import type { TurnContext } from 'botbuilder';
import { say, sendReply } from '../reply';
import type { LinkedTurn } from '../turn';

/** A command that shows monthly figures: run in a 1:1 chat; elsewhere answered with `elsewhere` (which asks for one). */
export function inPersonalChat(
    elsewhere: { sv: string; en: string },
    handler: (ctx: TurnContext, turn: LinkedTurn) => Promise<void>,
) {
    return async (ctx: TurnContext, turn: LinkedTurn): Promise<void> =>
        turn.conversation.kind === 'personal'
            ? handler(ctx, turn)
            : sendReply(ctx, { text: say(turn.lang, elsewhere.sv, elsewhere.en) });
}

/**
 * The insatser the caller may `kind`; with none, why not (judged as for the first insats, so the refusal names the
 * role it takes).
 */
export function insatserAllowed(
    f: Forbund,
    person: Person | undefined,
    kind: 'report.readDetail' | 'report.submit',
): { insatser: Insats[]; whyNone?: Access } {
    const insatser = f.insatser.filter((i) => authorize(person, f.id, { kind, insatsId: i.id }).ok);
    if (insatser.length) return { insatser };
    return { insatser, whyNone: authorize(person, f.id, { kind, insatsId: f.insatser[0]?.id ?? '-' }) };
}
