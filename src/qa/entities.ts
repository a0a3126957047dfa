// Per-förbund name index, built once: every post, part, insats, body and goal with its folded names, and matching.
import type { Forbund } from '../domain';
import { fold, STOP, wordMatch } from './text';

export type EntityKind = 'post' | 'part' | 'insats' | 'body' | 'malomrade' | 'verksamhetsmal' | 'goal';
/** A thing users name: `names` are folded token lists of its name and aliases (stop words removed). */
export type Entity = { kind: EntityKind; id: string; label: string; names: string[][] };
/** A name found in a question: how much of the name matched, and which question tokens it used. */
export type Hit = { entity: Entity; score: number; full: boolean; from: number; to: number };

const words = (s: string) =>
    fold(s)
        .split(' ')
        .filter((w) => w && !STOP.has(w) && w !== 'att');

function entity(kind: EntityKind, id: string, label: string, names: string[]): Entity {
    const lists = names.map(words).filter((l) => l.length > 0);
    return { kind, id, label, names: lists };
}

/** All nameable things in a förbund (posts de-duplicated over years). */
export function buildEntities(f: Forbund): Entity[] {
    const out: Entity[] = [];
    const posts = new Map<string, { name: string; aliases: string[] }>();
    for (const y of f.years) for (const p of y.posts) posts.set(p.id, p);
    for (const [id, p] of posts) out.push(entity('post', id, p.name, [p.name, ...p.aliases]));
    for (const p of f.parter) out.push(entity('part', p.id, p.name, [p.name, ...p.aliases]));
    for (const i of f.insatser) out.push(entity('insats', i.id, i.name, [i.name, ...i.aliases]));
    for (const b of f.bodies) out.push(entity('body', b.id, b.name, [b.name, ...b.aliases]));
    for (const m of f.goals.malomraden) out.push(entity('malomrade', m.id, m.name, [m.name, ...m.aliases]));
    for (const v of f.goals.verksamhetsmal) out.push(entity('verksamhetsmal', v.id, v.name, [v.name, ...v.aliases]));
    return out;
}

/** The best place a name's words occur in a row among the question tokens, with the mean word score. */
function locate(name: string[], toks: string[]): { score: number; from: number } | undefined {
    let best: { score: number; from: number } | undefined;
    for (let from = 0; from + name.length <= toks.length; from++) {
        let total = 0;
        for (let k = 0; k < name.length; k++) {
            const s = wordMatch(toks[from + k], name[k]);
            if (s === 0) {
                total = -1;
                break;
            }
            total += s;
        }
        if (total > 0 && (!best || total > best.score)) best = { score: total, from };
    }
    return best;
}

/** Every entity named in the tokens (stop words already removed), best name per entity, strongest first. */
export function findHits(entities: readonly Entity[], toks: string[]): Hit[] {
    const hits: Hit[] = [];
    for (const e of entities) {
        let best: Hit | undefined;
        for (const name of e.names) {
            const at = locate(name, toks);
            if (!at) continue;
            const score = at.score + 0.01 * name.join(' ').length;
            if (!best || score > best.score)
                best = { entity: e, score, full: true, from: at.from, to: at.from + name.length };
        }
        if (best) hits.push(best);
    }
    return hits.sort((a, b) => b.score - a.score);
}

/** Names of `kind` that share a long word part with a leftover token ("utveckling" in two posts): candidates only. */
export function partialHits(entities: readonly Entity[], kind: EntityKind, toks: string[]): Entity[] {
    const long = toks.filter((t) => t.length >= 7);
    return entities.filter(
        (e) => e.kind === kind && e.names.some((n) => n.some((w) => long.some((t) => w !== t && w.includes(t)))),
    );
}
