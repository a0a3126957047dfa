// The people, cards and refusal checks of the access matrix: roster roles as Teams users, card buttons, form submits.
import assert from 'node:assert/strict';
import type { User } from '../fixtures/activities';
import { teamsUser } from '../fixtures/people';
import { button as cardButton, cardOf, textOf, type Card } from '../helpers/cards';

export { cardOf, textOf, type Card };

export type Lang = 'sv' | 'en';
export type Actor = User & { email: string; role: string; lang: Lang };

/** A roster person (or a tenant user) as Teams sends them; ids and e-mail follow the sample data. */
const person = (slug: string, name: string, role: string, lang: Lang = 'sv'): Actor => ({
    ...teamsUser(slug, name),
    role,
    lang,
});

/** One actor per roster role of Fryksdalen (data/forbund/fryksdalen.json), plus outsiders; keys name the role. */
export const ACTORS = {
    ordförande: person('eva-bjork', 'Eva Björk', 'the ordförande (also ledamot)'),
    vice: person('karin-ekberg', 'Karin Ekberg', 'the vice ordförande (also ledamot)'),
    ledamot: person('anders-berg', 'Anders Berg', 'a ledamot'),
    ersättare: person('sofia-dahl', 'Sofia Dahl', 'an ersättare'),
    förbundschef: person('helena-vik', 'Helena Vik', 'the förbundschef'),
    projektägare: person('tomas-as', 'Tomas Ås', 'the projektägare of Navet (also styrgrupp)'),
    beredningsgrupp: person('bjorn-hed', 'Björn Hed', 'a beredningsgrupp member'),
    styrgrupp: person('erik-mo', 'Erik Mo', 'a styrgrupp member of Navet'),
    // Writes in English (message text in English, card invokes from an English client): refusals come in English.
    stranger: person('okand-person', 'Okänd Person', 'a Teams user not on the roster (in English)', 'en'),
    otherChef: person('malin-sjoberg', 'Malin Sjöberg', 'the förbundschef of Nedansiljan'),
} as const;
export type RoleKey = keyof typeof ACTORS;

/** Fryksdalen people who act in the story but are not matrix actors (attendance, justerare, voters). */
export const OTHERS = {
    lena: person('lena-strand', 'Lena Strand', 'a ledamot (justerare)'),
    ingrid: person('ingrid-fors', 'Ingrid Fors', 'a ledamot (justerare)'),
    leif: person('leif-sand', 'Leif Sand', 'a ledamot marked unavailable for the per capsulam'),
    maria: person('maria-holm', 'Maria Holm', 'an ersättare voting for her part'),
};

/** The connector's member lookups: every actor resolves to their e-mail (the stranger to one not on any roster). */
export const MEMBERS = Object.fromEntries([...Object.values(ACTORS), ...Object.values(OTHERS)].map((p) => [p.id, p]));

/** The matrix actors that must not do a write: every role minus the allowed ones. */
export const wrongActors = (allowed: readonly RoleKey[]): Actor[] =>
    (Object.keys(ACTORS) as RoleKey[]).filter((k) => !allowed.includes(k)).map((k) => ACTORS[k]);

/** The Action.Execute button titled `title` (for item `itemId` when given), as the real card carries it. */
export function button(card: Card, title: string, itemId?: number): { verb: string; data: Record<string, any> } {
    const b = cardButton(card, title, itemId);
    return { verb: b.verb, data: b.data };
}

const inputs = (items: Card[]): Card[] =>
    items.flatMap((i) => (i.type?.startsWith('Input.') ? [i] : inputs(i.items ?? i.columns ?? [])));

/** What Teams sends for a form's first action: its data plus every input's value, with `change` applied. */
export function formSubmit(card: Card, change: Record<string, string | number> = {}) {
    const values = Object.fromEntries(
        inputs(card.body).map((i) => [i.id, i.value === null || i.value === undefined ? '' : String(i.value)]),
    );
    const changed = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)]));
    return { ...card.actions![0].data, ...values, ...changed };
}

/** How each refusal names who may do the write, per language (src/bot/refusal.ts and the flows' own words). */
export const WHO = {
    chef: { sv: /rollen förbundschef|Det får bara förbundschef göra/, en: /role förbundschef|Only the förbundschef/ },
    writer: {
        sv: /rollen förbundschef eller ordförande|Det får bara förbundschef eller ordförande göra/,
        en: /role förbundschef or ordförande|Only the förbundschef or ordförande/,
    },
    member: { sv: /ledamot eller ersättare/, en: /ledamot or ersättare/ },
    beredning: {
        sv: /rollen beredningsgrupp|Det får bara beredningsgrupp göra/,
        en: /role beredningsgrupp|Only the beredningsgrupp/,
    },
    justerare: {
        sv: /Bara de valda justerarna \(Lena Strand och Ingrid Fors\)/,
        en: /Only the chosen minute checkers \(Lena Strand and Ingrid Fors\)/,
    },
    editor: {
        sv: /Bara förbundschefen eller ordföranden ändrar protokollet/,
        en: /Only the förbundschef or the chair/,
    },
    voter: { sv: /Du svarar inte i det här ärendet/, en: /You do not answer in this matter/ },
    owner: { sv: /rollen projektägare|Det får bara projektägare göra/, en: /role projektägare|Only the projektägare/ },
} satisfies Record<string, Record<Lang, RegExp>>;

const NOTHING: Record<Lang, RegExp> = { sv: /Inget har ändrats/, en: /Nothing was changed/ };

/** Asserts a refusal in the actor's language: it says nothing changed and who may do it (`who`, per language). */
export function assertRefusal(reply: string, actor: Actor, who: Record<Lang, RegExp>) {
    assert.match(reply, NOTHING[actor.lang], `"nothing changed" in ${actor.lang}: ${reply.slice(0, 400)}`);
    assert.match(reply, who[actor.lang], `who may do it, in ${actor.lang}: ${reply.slice(0, 400)}`);
}
