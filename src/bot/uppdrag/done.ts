// Marking an uppdrag done: from its card ("Markera som klart") or in chat ("uppdrag 3 klart: …"), by its owner or the chef.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z, type ZodType } from 'zod';
import type { Person } from '../../domain/access';
import type { Uppdrag } from '../../storage/uppdrag';
import { actionKeySchema } from '../cards/action-key';
import { registerAction } from '../cards/execute';
import { cardLangField, optionalText } from '../cards/fields';
import type { BotDeps } from '../deps';
import { langOfLocale, type Lang } from '../lang';
import { messageCard, say } from '../reply';
import { uppdragCard, uppdragRecord, uppdragVersion } from './card';

const submit = z.object({
    key: actionKeySchema,
    lang: cardLangField,
    uppdragId: z.coerce.number().int().positive(),
    doneNote: optionalText(500),
});
const doneSubmit = submit as unknown as ZodType<z.output<typeof submit>>;

const isChef = (p: Person, forbundId: string) =>
    p.forbundId === forbundId && p.roles.some((r) => r.role === 'förbundschef');

/** The owner (a person's uppdrag) or the förbundschef may mark it done. */
export const mayClose = (u: Uppdrag, p: Person | undefined): p is Person =>
    !!p && (isChef(p, u.forbundId) || ('personId' in u.owner && u.owner.personId === p.id));

/** Why it was refused, in the user's language. */
export const notYours = (lang: Lang) =>
    say(
        lang,
        'Bara den som fått uppdraget eller förbundschefen kan markera det som klart. Inget har ändrats.',
        'Only the assignee or the förbundschef can mark it done. Nothing was changed.',
    );

export function registerUppdragDone(app: Application<TurnState>, dd: BotDeps): void {
    const idOf = (record: string) => {
        const m = /^uppdrag:(\d{1,12})$/.exec(record);
        return m ? dd.uppdrag.byId(Number(m[1])) : undefined;
    };
    const name = (id: number) => dd.roster.byId(id)?.name;
    registerAction(app, dd, {
        verb: 'uppdrag.done',
        schema: doneSubmit,
        version: (record) => {
            const u = idOf(record);
            return u && uppdragVersion(u);
        },
        forbundOf: (record) => idOf(record)?.forbundId,
        prepare: async (ctx, info, data) => {
            const lang = data.lang ?? langOfLocale(ctx.activity.locale);
            const u = dd.uppdrag.byId(data.uppdragId);
            const f = u && dd.forbund.get(u.forbundId);
            if (!u || !f || uppdragRecord(u.id) !== data.key.record)
                return {
                    refused: messageCard(
                        say(lang, 'Uppdrag', 'Assignment'),
                        say(lang, 'Uppdraget finns inte.', 'No such assignment.'),
                    ),
                };
            const person = await dd.identity.resolve(ctx, info.user, f.id);
            if (!mayClose(u, person))
                return { refused: messageCard(say(lang, 'Uppdrag', 'Assignment'), notYours(lang)) };
            return () => {
                dd.uppdrag.markDone(u.id, person.id, data.doneNote, person.slug);
                const now = dd.uppdrag.byId(u.id) ?? u;
                return { card: uppdragCard(f, now, name, lang) };
            };
        },
    });
}
