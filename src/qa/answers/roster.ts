// Who holds a role: ordförande, vice ordförande, ledamöter/ersättare (per part), förbundschef, projektägare.
import type { Forbund } from '../../domain';
import type { RoleName } from '../../domain/access';
import { ROLE_TOKENS } from '../intent';
import type { Answer, AnswerContext, Question, RosterEntry } from '../types';
import { factsCard, notStated, say } from './common';

type Ask = { roles: RoleName[]; partId?: string; insatsId?: string };

const ROLE_EN: Record<string, string> = {
    ordförande: 'chair',
    'vice ordförande': 'vice chair',
    ledamot: 'member',
    ersättare: 'substitute',
    förbundschef: 'director (förbundschef)',
    projektägare: 'project owner',
};

/** Which roles the question asks about. */
function asked(q: Question): Ask {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    const partId = q.parts.length === 1 ? q.parts[0] : undefined;
    if (q.tokens.some((t) => t.startsWith(ROLE_TOKENS.owner))) return { roles: ['projektägare'], insatsId: q.insats };
    if (c('vice')) return { roles: ['vice ordförande'] };
    if (c('chair')) return { roles: ['ordförande'] };
    if (q.tokens.some((t) => t.startsWith(ROLE_TOKENS.chief))) return { roles: ['förbundschef'] };
    const ers = q.tokens.some((t) => t.startsWith('ersatt') || t.startsWith('substitut') || t.startsWith('suppleant'));
    const led = q.tokens.some((t) => t.startsWith('ledamot') || t.startsWith('ledamo') || t === 'members');
    const roles: RoleName[] = ers && !led ? ['ersättare'] : led && !ers ? ['ledamot'] : ['ledamot', 'ersättare'];
    return { roles, partId };
}

/** Names from the roster for the asked role(s), with the part or insats they sit for. */
export function answerRoster(f: Forbund, q: Question, ctx: AnswerContext): Answer {
    const people: RosterEntry[] = ctx.roster?.() ?? [];
    const a = asked(q);
    const roleName = (r: string) => say(q.lang, r, ROLE_EN[r] ?? r);
    const partName = (id?: string) => (id ? (f.parter.find((p) => p.id === id)?.name ?? id) : undefined);
    const hits = people.flatMap((p) =>
        p.roles
            .filter(
                (r) =>
                    a.roles.includes(r.role) &&
                    (a.partId === undefined || r.partId === a.partId) &&
                    (a.insatsId === undefined || r.insatsId === a.insatsId),
            )
            .map((r) => ({ name: p.name, role: r.role, part: partName(r.partId), insats: r.insatsId })),
    );
    const what = [
        a.roles.map(roleName).join(say(q.lang, ' och ', ' and ')),
        a.partId && say(q.lang, `för ${partName(a.partId)}`, `for ${partName(a.partId)}`),
        a.insatsId && say(q.lang, `för ${insatsName(f, a.insatsId)}`, `for ${insatsName(f, a.insatsId)}`),
    ]
        .filter(Boolean)
        .join(' ');
    if (hits.length === 0) {
        const owner = a.insatsId && f.insatser.find((i) => i.id === a.insatsId)?.owner;
        return notStated(
            f,
            q,
            say(
                q.lang,
                `vem som är ${what} (registret har ingen sådan roll)`,
                `who is ${what} (the roster has no such role)`,
            ),
            owner ? say(q.lang, `Planen anger ägare: ${owner}.`, `The plan names the owner: ${owner}.`) : undefined,
        );
    }
    const source = say(
        q.lang,
        `Källa: förbundets register över styrelse och roller (${f.name})`,
        `Source: the förbund's roster of the board and roles (${f.name})`,
    );
    const lines = hits.map(
        (h) =>
            `- **${h.name}** – ${roleName(h.role)}${h.part ? ` (${h.part})` : ''}${h.insats ? ` (${insatsName(f, h.insats)})` : ''}`,
    );
    const title = say(q.lang, `${cap(what)}`, `${cap(what)}`);
    const planOwner = a.insatsId ? f.insatser.find((i) => i.id === a.insatsId)?.owner : undefined;
    if (planOwner)
        lines.push(say(q.lang, `Planen anger ägare: ${planOwner}.`, `The plan names the owner: ${planOwner}.`));
    return {
        kind: 'list',
        values: [...hits.map((h) => h.name), ...(planOwner ? [planOwner] : [])],
        text: [`**${title}**`, ...lines, '', `_${source}_`].join('\n'),
        card: {
            ...factsCard(
                f,
                q.lang,
                title,
                '',
                hits.map((h) => [roleName(h.role) + (h.part ? ` (${h.part})` : ''), h.name]),
            ),
            data: {
                ...factsCard(f, q.lang, title, '', []).data,
                facts: hits.map((h) => ({ title: roleName(h.role) + (h.part ? ` (${h.part})` : ''), value: h.name })),
                source,
            },
        },
    };
}

const insatsName = (f: Forbund, id: string) => f.insatser.find((i) => i.id === id)?.name ?? id;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
