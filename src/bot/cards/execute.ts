// Registers an Action.Execute verb: parses the submit with zod, applies it once per nonce, refuses stale cards.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z, type ZodType, type ZodTypeDef } from 'zod';
import { expandCard, type CardSpec } from '../../cards/render';
import type { BotDeps } from '../deps';
import { messageCard, say } from '../reply';
import { turnInfo, type TurnInfo } from '../turn';
import { actionKeySchema } from './action-key';

/** What a handler's synchronous write returns: the card to show now (stored for replays) and work to do after commit. */
export type ActionOutcome = { card: CardSpec; after?: (ctx: TurnContext) => Promise<void> };
export type Refused = { refused: CardSpec };

export type ActionHandler<T> = {
    verb: string;
    /** Parses the submitted data; transforms are allowed (input is unknown JSON). */
    schema: ZodType<T, ZodTypeDef, unknown>;
    /** The current version of the record a key names, or undefined when the record no longer exists. */
    version: (record: string, info: TurnInfo) => number | undefined;
    /** Checks access (async: may look the caller up) and returns the write to run, or a refusal. */
    prepare: (ctx: TurnContext, info: TurnInfo, data: T) => Promise<(() => ActionOutcome) | Refused>;
};

const envelope = z.object({ key: actionKeySchema }).passthrough();

/** Registers the handler on the app as an `adaptiveCard/action` invoke route returning the updated card. */
export function registerAction<T>(app: Application<TurnState>, deps: BotDeps, h: ActionHandler<T>): void {
    deps.actionVerbs.add(h.verb);
    app.adaptiveCards.actionExecute(h.verb, async (ctx, _state, raw) => {
        const info = turnInfo(ctx, deps);
        const card = (spec: CardSpec) => expandCard(spec) as never;
        const bad = (sv: string, en: string) =>
            card(messageCard(say(info.lang, 'Kunde inte utföras', 'Could not be done'), say(info.lang, sv, en)));

        const env = envelope.safeParse(raw);
        const data = h.schema.safeParse(raw);
        if (!env.success || !data.success) {
            deps.log.warn('card submit rejected', { verb: h.verb, issues: (env.error ?? data.error)?.issues.length });
            return bad(
                'Kortets svar kunde inte läsas. Inget har ändrats.',
                'The card answer could not be read. Nothing was changed.',
            );
        }
        const { record, version, nonce } = env.data.key;
        const nonceKey = `${nonce}|${info.user.teamsId}`;
        const stale = () =>
            bad(
                'Kortet är inaktuellt: uppgiften har ändrats sedan kortet visades. Inget har ändrats; öppna det senaste kortet och försök igen.',
                'This card is out of date: the record changed since it was shown. Nothing was changed; open the latest card and try again.',
            );
        const seen = deps.actionKeys.seen(nonceKey);
        if (seen) return card(seen.result as CardSpec);
        if (h.version(record, info) !== version) return stale();
        const prepared = await h.prepare(ctx, info, data.data);
        if ('refused' in prepared) return card(prepared.refused);
        // Checked again inside the transaction: another click may have been applied while we awaited.
        const outcome = deps.db.transaction(() => {
            const again = deps.actionKeys.seen(nonceKey);
            if (again) return { replay: again.result as CardSpec };
            if (h.version(record, info) !== version) return undefined;
            const result = prepared();
            deps.actionKeys.remember(nonceKey, record, result.card);
            return result;
        })();
        if (!outcome) return stale();
        if ('replay' in outcome) return card(outcome.replay);
        if (outcome.after) await outcome.after(ctx);
        return card(outcome.card);
    });
}
