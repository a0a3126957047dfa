// Words a refused write in the user's language (and its card); nothing has been changed when this is shown.
import type { Access } from '../domain/access';
import type { Lang } from './lang';
import { messageCard, say } from './reply';

/** The sentence explaining why the caller may not do this, naming the roles that may. */
export function refusalText(lang: Lang, access: Exclude<Access, { ok: true }>): string {
    const roles = access.needed.join(say(lang, ' eller ', ' or '));
    switch (access.reason) {
        case 'unknown-person':
            return say(
                lang,
                `Jag hittar dig inte i förbundets roller, så jag kan inte göra det. Det kräver rollen ${roles}; förbundschefen kan lägga till dig ("lägg till @namn som …"). Inget har ändrats.`,
                `I can't find you among the förbund's roles, so I can't do that. It needs the role ${roles}; the förbundschef can add you ("add @name as …"). Nothing was changed.`,
            );
        case 'other-forbund':
            return say(
                lang,
                `Du hör till ett annat förbund än det här samtalet. Det kräver rollen ${roles} i det här förbundet. Inget har ändrats.`,
                `You belong to another förbund than this conversation. It needs the role ${roles} in this förbund. Nothing was changed.`,
            );
        case 'missing-role':
            return say(
                lang,
                `Det får bara ${roles} göra. Inget har ändrats.`,
                `Only the ${roles} may do that. Nothing was changed.`,
            );
    }
}

/** The card for a refused card write: the reason only, nothing of the record it was pressed on. */
export const refusalCard = (lang: Lang, text: string) =>
    messageCard(say(lang, 'Kunde inte utföras', 'Could not be done'), text);
