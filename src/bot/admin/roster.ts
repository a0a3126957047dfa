// Roster commands: "visa roller", "lägg till @Namn som projektägare för Navet", "ta bort @Namn som ledamot för Kil".
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Forbund } from '../../domain';
import { authorize, type Person } from '../../domain/access';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import type { Lang } from '../lang';
import { say, sendReply, type Reply } from '../reply';
import { onMessage } from '../on-message';
import type { LinkedTurn } from '../turn';
import { resolvePersonRef } from './person-ref';
import { describeRole, parseRolePhrase } from './role-phrase';

const SHOW =
    /^(?:visa (?:alla )?roller(?:na)?|roller|vilka roller finns|show roles|roles|list roles|who is who)\s*[?.!]?$/i;
const ADD = /^(?:lägg till|lagg till|add)\s+(.+?)\s+(?:som|as)\s+(?:an?\s+)?(.+?)\s*[.!]?$/i;
const REMOVE = /^(?:ta bort|remove)\s+(.+?)\s+(?:som|as)\s+(?:an?\s+)?(.+?)\s*[.!]?$/i;
const WHOAMI = /^(?:vem är jag|vem ar jag|who am i)\s*\??$/i;

/** Registers the roster routes. Reading the roster is open in a linked conversation; changes need förbundschef. */
export function registerRoster(app: Application<TurnState>, deps: BotDeps): void {
    onMessage(app, deps, SHOW, (ctx, turn) => showRoles(ctx, deps, turn));
    onMessage(app, deps, WHOAMI, (ctx, turn) => whoAmI(ctx, turn));
    onMessage(app, deps, ADD, (ctx, turn) => changeRole(ctx, deps, turn, 'add'));
    onMessage(app, deps, REMOVE, (ctx, turn) => changeRole(ctx, deps, turn, 'remove'));
}

async function showRoles(ctx: TurnContext, deps: BotDeps, info: LinkedTurn) {
    const f = info.forbund;
    await sendReply(ctx, rosterReply(f, deps.roster.list(f.id), info.lang));
}

/** The roles of a förbund's people (those with at least one role), as text and card. */
export function rosterReply(f: Forbund, people: Person[], lang: Lang): Reply {
    const rows = people
        .filter((p) => p.roles.length > 0)
        .map((p) => ({
            name: p.sample ? `${p.name} (${say(lang, 'exempelperson', 'sample person')})` : p.name,
            roles: p.roles.map((r) => describeRole(r, f, lang)).join(', '),
        }));
    return {
        text: [
            `**${say(lang, 'Roller i', 'Roles in')} ${f.name}**`,
            ...rows.map((r) => `- ${r.name}: ${r.roles}`),
        ].join('\n'),
        card: {
            template: 'roster',
            data: {
                title: `${say(lang, 'Roller i', 'Roles in')} ${f.name}`,
                rows,
                source: say(lang, 'Källa: förbundets rollregister i boten', "Source: the bot's role register"),
            },
        },
    };
}

async function whoAmI(ctx: TurnContext, info: LinkedTurn) {
    const f = info.forbund;
    const me = await info.caller();
    const text = me
        ? `${me.name}: ${me.roles.map((r) => describeRole(r, f, info.lang)).join(', ') || say(info.lang, 'inga roller', 'no roles')} (${f.name})`
        : say(
              info.lang,
              `Jag hittar dig inte i rollerna för ${f.name}. Förbundschefen kan lägga till dig.`,
              `I can't find you among the roles of ${f.name}. The förbundschef can add you.`,
          );
    await sendReply(ctx, { text });
}

async function changeRole(ctx: TurnContext, deps: BotDeps, info: LinkedTurn, op: 'add' | 'remove') {
    const { lang } = info;
    const f = info.forbund;
    const access = authorize(await info.caller(), f.id, { kind: 'roster.change' });
    if (!access.ok) return sendReply(ctx, { text: refusalText(lang, access) });
    const actor = access.person;

    const [, who, rolePhrase] = (op === 'add' ? ADD : REMOVE).exec(info.text) ?? [];
    const parsed = parseRolePhrase(rolePhrase ?? '', f);
    if (!parsed.ok) {
        const what = {
            'unknown-role': say(lang, 'vilken roll du menar', 'which role you mean'),
            'unknown-part': say(
                lang,
                `vilken part (${f.parter.map((p) => p.name).join(', ')})`,
                `which part (${f.parter.map((p) => p.name).join(', ')})`,
            ),
            'unknown-insats': say(
                lang,
                `vilken insats (${f.insatser.map((i) => i.name).join(', ')})`,
                `which insats (${f.insatser.map((i) => i.name).join(', ')})`,
            ),
        }[parsed.problem];
        return sendReply(ctx, {
            text: say(
                lang,
                `Jag förstår inte ${what}. Inget har ändrats.`,
                `I don't understand ${what}. Nothing was changed.`,
            ),
        });
    }
    const ref = await resolvePersonRef(ctx, deps, f.id, who ?? '');
    if (!ref || (op === 'remove' && ref.kind !== 'existing')) {
        return sendReply(ctx, {
            text: say(
                lang,
                `Jag vet inte vem "${who}" är. @-nämn personen, skriv namn och e-post, eller ett namn som redan finns i "visa roller". Inget har ändrats.`,
                `I don't know who "${who}" is. @mention them, give a name and e-mail, or a name already in "show roles". Nothing was changed.`,
            ),
        });
    }
    const actorId = `${actor.slug} (${info.user.teamsId})`;
    const roleText = describeRole(parsed.role, f, lang);
    if (op === 'remove' && ref.kind === 'existing') {
        const removed = deps.roster.removeRole(f.id, actorId, ref.person.id, parsed.role);
        return sendReply(ctx, {
            text: removed
                ? say(
                      lang,
                      `${ref.person.name} är inte längre ${roleText}.`,
                      `${ref.person.name} is no longer ${roleText}.`,
                  )
                : say(
                      lang,
                      `${ref.person.name} har inte rollen ${roleText}. Inget har ändrats.`,
                      `${ref.person.name} does not have the role ${roleText}. Nothing was changed.`,
                  ),
        });
    }
    const person = deps.roster.addRole(
        f.id,
        actorId,
        ref.kind === 'existing' ? { personId: ref.person.id, name: ref.person.name } : ref,
        parsed.role,
    );
    deps.identity.forgetMisses();
    await sendReply(ctx, {
        text: say(lang, `${person.name} är nu ${roleText}.`, `${person.name} is now ${roleText}.`),
    });
}
