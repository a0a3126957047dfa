// Registers a read-only card verb: parses the submit, loads the record, checks its förbund and the viewer, renders.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { ZodType, ZodTypeDef } from 'zod';
import { expandCard, type CardSpec } from '../../cards/render';
import type { Forbund } from '../../domain';
import type { Person } from '../../domain/access';
import type { BotDeps } from '../deps';
import type { Lang } from '../lang';
import { messageCard, say } from '../reply';
import { turnInfo, type TurnInfo } from '../turn';
import { inScope, pressLang } from './scope';

/** Who is looking: the turn, the card's language and the caller in the record's förbund (undefined if not on it). */
export type Viewer = { info: TurnInfo; lang: Lang; person?: Person };

export type ViewHandler<T, R extends { f: Forbund }> = {
    verb: string;
    /** Parses the submitted data (input is unknown JSON). */
    schema: ZodType<T, ZodTypeDef, unknown>;
    /** The record the submit names, with its förbund; undefined when there is no such record. */
    load: (data: T, info: TurnInfo) => R | undefined;
    /** Whether the viewer may see the record (only asked once the record is known to belong in this conversation). */
    canSee: (record: R, viewer: Viewer) => boolean;
    /** The card to show, or the text of a message response (which leaves the card as it was). */
    render: (record: R, viewer: Viewer, data: T, ctx: TurnContext) => CardSpec | string | Promise<CardSpec | string>;
};

/** Registers the view as an `adaptiveCard/action` invoke route; refusals show nothing of the record. */
export function registerView<T, R extends { f: Forbund }>(
    app: Application<TurnState>,
    deps: BotDeps,
    h: ViewHandler<T, R>,
): void {
    deps.verbs.add(h.verb, 'read');
    app.adaptiveCards.actionExecute(h.verb, async (ctx, _state, raw) => {
        const info = turnInfo(ctx, deps);
        const lang = pressLang(raw, info);
        const fail = (sv: string, en: string) =>
            expandCard(messageCard(say(lang, 'Kunde inte visas', 'Could not be shown'), say(lang, sv, en)));
        const data = h.schema.safeParse(raw);
        if (!data.success) {
            deps.log.warn('card view rejected', { verb: h.verb, issues: data.error.issues.length });
            return fail(
                'Kortets svar kunde inte läsas. Inget har ändrats.',
                'The card answer could not be read. Nothing was changed.',
            );
        }
        const record = h.load(data.data, info);
        if (!record) return fail('Det finns inte längre.', 'It no longer exists.');
        const scope = await inScope(ctx, deps, info, record.f.id);
        const viewer: Viewer = { info, lang, person: scope.ok ? scope.person : undefined };
        if (!scope.ok || !h.canSee(record, viewer)) {
            deps.log.info('card view refused', { verb: h.verb, inScope: scope.ok });
            return fail(
                'Det här kan jag inte visa för dig här: det hör till ett annat samordningsförbund än det här samtalet, eller visas bara för dem det gäller (som förbundschefen, ordföranden och de kallade).',
                'I cannot show you this here: it belongs to another samordningsförbund than this conversation, or it is shown only to those it concerns (such as the förbundschef, the chair and those invited).',
            );
        }
        const shown = await h.render(record, viewer, data.data, ctx);
        return typeof shown === 'string' ? shown : expandCard(shown);
    });
}
