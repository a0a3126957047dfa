// Answers read from the data file's own sentences: descriptions, notes, a stated share of full time, employers.
import { type Forbund } from '../../domain';
import { fold } from '../text';
import type { Answer, Question } from '../types';
import { factsAnswer, notStated, say } from './common';

/** Answers from the data file's own sentences: an insats's description, a body's note, a stated share of full time. */
export function textAnswer(f: Forbund, q: Question): Answer {
    const l = (sv: string, en: string) => say(q.lang, sv, en);
    const texts = [
        ...f.notes,
        ...f.bodies.map((b) => b.note ?? ''),
        ...f.insatser.map((i) => i.description ?? ''),
        ...f.years.flatMap((y) => y.posts.map((p) => p.note ?? '')),
    ].filter(Boolean);
    if (q.intent === 'extent') {
        const roles = q.tokens.map((t) => t.replace(/(ens|en|n|s)$/, '')).filter((t) => t.length > 5);
        const re = new RegExp(`\\b(?:${roles.join('|')})\\S* (?:pa )?(\\d+) ?%`);
        for (const t of texts) {
            const m = roles.length > 0 ? re.exec(fold(t)) : null;
            if (m)
                return factsAnswer(
                    f,
                    q,
                    { kind: 'number', value: Number(m[1]), unit: '%' },
                    l('Tjänstgöringsgrad', 'Share of full time'),
                    [`**${m[1]} %**`, t],
                );
        }
        return notStated(f, q, l('tjänstens omfattning', 'the extent of the post'));
    }
    if (q.intent === 'about') {
        const ins = f.insatser.find((i) => i.id === q.insats);
        const body = f.bodies.find((b) => b.id === q.body);
        const values = ins
            ? [ins.name, ins.description ?? '', ins.owner ?? '']
            : body
              ? [body.name, ...body.aliases, body.note ?? '']
              : [];
        const name = ins?.name ?? body?.name;
        if (name !== undefined && values.filter(Boolean).length > 1)
            return factsAnswer(
                f,
                q,
                { kind: 'list', values: values.filter(Boolean) },
                name,
                values
                    .slice(1)
                    .filter(Boolean)
                    .map((v) => `- ${v}`),
            );
    }
    const keys =
        q.intent === 'followUp'
            ? /delarsrapport|arsredovisning|verksamhetsberattelse/
            : /anstalld|anstallning|arbetsgivare|delar sitt uppdrag|delar tjansten/;
    const subject = q.tokens.filter((t) => t.length > 5).map((t) => t.replace(/(en|n)$/, ''));
    const found = sentences(texts).filter(
        (s) => keys.test(fold(s)) && (q.intent === 'followUp' || subject.some((t) => fold(s).includes(t))),
    );
    if (found.length > 0)
        return factsAnswer(
            f,
            q,
            { kind: 'list', values: found },
            f.name,
            found.map((s) => `- ${s}`),
        );
    const what =
        q.intent === 'followUp'
            ? l(
                  'hur verksamheten följs upp (delårsrapport, årsredovisning)',
                  'how the work is followed up (interim report, annual report)',
              )
            : l('det du frågar om', 'what you ask about');
    return notStated(f, q, what);
}

const sentences = (texts: string[]) => texts.flatMap((t) => t.split(/(?<=[.!?])\s+/)).filter(Boolean);
