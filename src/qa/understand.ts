// understand(): a message → intent, named things (from the förbund's own data) and years. Deterministic, no I/O.
import { LRUCache } from 'lru-cache';
import type { Forbund } from '../domain';
import { findConcepts, isConceptWord, leftover } from './concepts';
import { buildEntities, findHits, partialHits, type Entity, type Hit } from './entities';
import { CONCEPTS, type Concept } from './lexicon';
import { detectLang } from './lang';
import { chooseIntent } from './intent';
import { fold, glossed, STOP } from './text';
import type { Question } from './types';
import { currentYear, yearRef } from './years';
import { personAsked } from './uppdrag-ask';

type Index = { entities: Entity[]; questions: LRUCache<string, Question> };
const indexes = new WeakMap<Forbund, Index>();

/** The förbund's name index, built on first use and kept for the process. */
export function indexOf(f: Forbund): Index {
    let i = indexes.get(f);
    if (!i) {
        i = { entities: buildEntities(f), questions: new LRUCache({ max: 500 }) };
        indexes.set(f, i);
    }
    return i;
}

/** The budget post of a named post, or of an insats (the post with the insats's id or name). */
export function postOf(f: Forbund, kind: string, id: string): string | undefined {
    if (kind === 'post') return id;
    const insats = f.insatser.find((i) => i.id === id);
    const posts = f.years.flatMap((y) => y.posts);
    return (posts.find((p) => p.id === id) ?? posts.find((p) => insats && fold(p.name) === fold(insats.name)))?.id;
}

const KINDS: [Concept, 'stat' | 'region' | 'kommun'][] = [
    ['kommunKind', 'kommun'],
    ['regionKind', 'region'],
    ['stateKind', 'stat'],
];

/**
 * Reads a message as a structured question about `f`; `now` decides year words. Board members ask the same few
 * questions again and again, so recent readings are kept per förbund and year (questions are never mutated).
 */
export function understand(text: string, f: Forbund, now: Date): Question {
    const { questions } = indexOf(f);
    const key = `${currentYear(now)}\n${text}`;
    let q = questions.get(key);
    if (!q) {
        q = read(text, f, now);
        questions.set(key, q);
    }
    return q;
}

function read(text: string, f: Forbund, now: Date): Question {
    const folded = fold(text);
    const lang = detectLang(text, folded);
    const glossedText = glossed(folded);
    const toks = glossedText.split(' ').filter(Boolean);
    const { concepts, used } = findConcepts(toks);
    const content = toks.map((t, i) => ({ t, i })).filter((x) => !STOP.has(x.t) && x.t !== 'att');
    const hits = findHits(
        indexOf(f).entities,
        content.map((x) => x.t),
    );
    const taken = new Set<number>();
    const best = new Map<string, Hit[]>();
    for (const h of hits) {
        const list = best.get(h.entity.kind) ?? [];
        if (list.length === 0 || Math.abs(list[0].score - h.score) < 0.05) list.push(h);
        best.set(h.entity.kind, list);
        for (let k = h.from; k < h.to; k++) taken.add(content[k].i);
    }
    const ids = (kind: string) => [...new Set((best.get(kind) ?? []).map((h) => h.entity.id))];
    const one = (kind: string) => (ids(kind).length === 1 ? ids(kind)[0] : undefined);
    let partKind: Question['partKind'];
    let partKindAll = false;
    for (const [c, kind] of KINDS) {
        toks.forEach((t, i) => {
            if (taken.has(i) || !CONCEPTS[c].some((e) => isConceptWord(t, e))) return;
            partKind = kind;
            partKindAll = partKindAll || /(erna|er|ies)$/.test(t) || t === 'kommuner';
        });
    }
    const rest = leftover(toks, new Set([...used, ...taken]));
    let posts = ids('post');
    if (posts.length === 0) posts = partialHits(indexOf(f).entities, 'post', rest).map((e) => e.id);
    // Every post named somewhere in the message, in order, for comparisons ("jämför Navet och LUFS").
    const mentioned = [...hits]
        .filter((h) => h.entity.kind === 'post' || h.entity.kind === 'insats')
        .sort((a, b) => a.from - b.from)
        .map((h) => postOf(f, h.entity.kind, h.entity.id))
        .filter((id): id is string => id !== undefined);
    const q = {
        text,
        mentionedPosts: [...new Set(mentioned)],
        lang,
        years: yearRef(glossedText, now, concepts.has('all')),
        posts,
        parts: ids('part'),
        partKind,
        partKindAll,
        insats: one('insats'),
        body: one('body'),
        malomrade: one('malomrade'),
        verksamhetsmal: one('verksamhetsmal'),
        person: personAsked(text),
        concepts,
        rest,
        tokens: content.map((x) => x.t),
        intent: 'unknown' as Question['intent'],
    };
    q.intent = chooseIntent(q, f);
    return q;
}
