// Registers an Action.Execute write verb: parses the submit with zod, applies it once per nonce, refuses stale cards.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z, type ZodType, type ZodTypeDef } from 'zod';
import { expandCard, type CardSpec } from '../../cards/render';
import { storedCardSchema, type StoredCard } from '../../cards/templates';
import type { BotDeps } from '../deps';
import { messageCard, say } from '../reply';
import { turnInfo, type TurnInfo } from '../turn';
import { actionKeySchema } from './action-key';
import { inScope, pressLang } from './scope';

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
    /**
     * The förbund of the record a key names (undefined when unknown): the write is refused, showing nothing of the
     * record, unless the conversation is that förbund's (in a 1:1 chat: the caller is on its roster).
     */
    forbundOf?: (record: string) => string | undefined;
    /**
     * What the stored result of a press claims, as a token (default: the record's version): a repeat of the same
     * press replays its result only while the token is unchanged, so a replay never confirms what is no longer stored.
     */
    truth?: (record: string, info: TurnInfo, data: T) => string | number | undefined;
    /**
     * The press sets the caller's own answer (attendance, a vote): a repeat whose result is no longer true is applied
     * again to the current state. Without it, such a repeat is refused as stale.
     */
    answer?: boolean;
};

const envelope = z.object({ key: actionKeySchema }).passthrough();
const storedResult = z.object({
    truth: z.string(),
    card: storedCardSchema,
});

/** Registers the handler on the app as an `adaptiveCard/action` invoke route returning the updated card. */
export function registerAction<T>(app: Application<TurnState>, deps: BotDeps, h: ActionHandler<T>): void {
    deps.verbs.add(h.verb, 'write');
    app.adaptiveCards.actionExecute(h.verb, async (ctx, _state, raw) => {
        const info = turnInfo(ctx, deps);
        const lang = pressLang(raw, info);
        const card = (spec: CardSpec | StoredCard) => expandCard(spec);
        const bad = (sv: string, en: string) =>
            card(messageCard(say(lang, 'Kunde inte utföras', 'Could not be done'), say(lang, sv, en)));

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
        const forbundId = h.forbundOf?.(record);
        if (forbundId !== undefined && !(await inScope(ctx, deps, info, forbundId)).ok) {
            deps.log.info('card submit out of scope', { verb: h.verb });
            return bad(
                'Kortet hör till ett annat samordningsförbund än det här samtalet, eller så har du ingen roll där. Inget har ändrats.',
                'The card belongs to another samordningsförbund than this conversation, or you have no role there. Nothing was changed.',
            );
        }
        const nonceKey = `${nonce}|${info.user.teamsId}`;
        const stale = () =>
            bad(
                'Kortet är inaktuellt: uppgiften har ändrats sedan kortet visades. Inget har ändrats; öppna det senaste kortet och försök igen.',
                'This card is out of date: the record changed since it was shown. Nothing was changed; open the latest card and try again.',
            );
        const truthNow = () => String(h.truth ? h.truth(record, info, data.data) : h.version(record, info));
        /** A repeat of this press: its stored result while still true, else 'stale' (or nothing, for an answer). */
        const repeat = (): { replay: StoredCard } | 'stale' | undefined => {
            const seen = deps.actionKeys.seen(nonceKey);
            if (!seen) return undefined;
            const stored = storedResult.safeParse(seen.result);
            if (stored.success && stored.data.truth === truthNow()) return { replay: stored.data.card };
            return h.answer ? undefined : 'stale';
        };
        const first = repeat();
        if (first === 'stale') return stale();
        if (first) return card(first.replay);
        if (h.version(record, info) !== version) return stale();
        const prepared = await h.prepare(ctx, info, data.data);
        if ('refused' in prepared) return card(prepared.refused);
        // Checked again inside the transaction: another click may have been applied while we awaited.
        const outcome = deps.transaction(() => {
            const again = repeat();
            if (again) return again;
            if (h.version(record, info) !== version) return 'stale';
            const result = prepared();
            deps.actionKeys.remember(nonceKey, record, { truth: truthNow(), card: result.card });
            return result;
        });
        if (outcome === 'stale') return stale();
        if ('replay' in outcome) return card(outcome.replay);
        if (outcome.after) await outcome.after(ctx);
        return card(outcome.card);
    });
}
