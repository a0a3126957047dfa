// Open uppdrag from the bodies' beslut: all of them, one person's or one part's, or only the late ones.
import { formatDate, type Forbund } from '../../domain';
import { fold } from '../text';
import type { Answer, AnswerContext, Question, UppdragEntry } from '../types';
import { asksOverdue } from '../uppdrag-ask';
import { say } from './common';

/** The roster person (or uppdrag owner) whose name holds every word the question wrote, e.g. "Anna" → Anna Ek. */
function whoIsAsked(name: string, ctx: AnswerContext): string[] {
    const words = fold(name).split(' ').filter(Boolean);
    const candidates = [...(ctx.roster?.() ?? []).map((p) => p.name), ...(ctx.uppdrag?.() ?? []).map((u) => u.owner)];
    const holds = (full: string) => {
        const parts = fold(full).split(' ');
        return words.every((w) => parts.includes(w) || parts.includes(w.replace(/s$/, '')));
    };
    return [...new Set(candidates.filter(holds))];
}

const dueText = (u: UppdragEntry, lang: Question['lang']) =>
    formatDate(new Date(`${u.due}T12:00:00Z`), 'd MMMM yyyy', lang);

/** Answers "vilka uppdrag är öppna?", "vad ska Anna göra till nästa möte?", "vilka uppdrag är försenade?". */
export function answerUppdrag(f: Forbund, q: Question, now: Date, ctx: AnswerContext): Answer {
    const l = (sv: string, en: string) => say(q.lang, sv, en);
    if (!ctx.uppdrag)
        return {
            kind: 'not_stated',
            text: l(
                'Uppdragen visas för dem som finns i förbundets register.',
                "Assignments are shown to those on the förbund's roster.",
            ),
        };
    const today = formatDate(now, 'yyyy-MM-dd');
    const late = asksOverdue(q);
    const people = q.person ? whoIsAsked(q.person, ctx) : [];
    if (q.person && people.length === 0)
        return {
            kind: 'not_stated',
            text: l(
                `Jag hittar ingen ${q.person} i ${f.name}s register, så jag kan inte säga vilka uppdrag hen har.`,
                `I find no ${q.person} on ${f.name}'s roster, so I cannot say which assignments they have.`,
            ),
        };
    const part = q.parts.length === 1 ? q.parts[0] : undefined;
    const open = ctx
        .uppdrag()
        .filter((u) => (people.length ? people.includes(u.owner) : part ? u.ownerPartId === part : true))
        .filter((u) => !late || u.due < today);
    const whose = people.length
        ? people.join(', ')
        : part
          ? (f.parter.find((p) => p.id === part)?.name ?? part)
          : undefined;
    const source = l(
        `_Källa: uppdrag i ${f.name}s beslut, öppna ${formatDate(now, 'd MMMM yyyy', q.lang)}_`,
        `_Source: assignments in ${f.name}'s decisions, open on ${formatDate(now, 'd MMMM yyyy', q.lang)}_`,
    );
    if (open.length === 0) {
        const none = late
            ? l('Inga öppna uppdrag är försenade.', 'No open assignment is overdue.')
            : whose
              ? l(`${whose} har inga öppna uppdrag.`, `${whose} has no open assignments.`)
              : l('Det finns inga öppna uppdrag.', 'There are no open assignments.');
        return { kind: 'list', values: [], text: [none, '', source].join('\n') };
    }
    const head = whose
        ? l(`Öppna uppdrag för ${whose}:`, `Open assignments for ${whose}:`)
        : late
          ? l(`Försenade uppdrag (${open.length}):`, `Overdue assignments (${open.length}):`)
          : l(`Öppna uppdrag (${open.length}):`, `Open assignments (${open.length}):`);
    const lines = open.map(
        (u) =>
            `- (${u.id}) ${u.owner}: ${u.what} – ${l('senast', 'due')} ${dueText(u, q.lang)}${u.due < today ? l(' – försenat', ' – overdue') : ''}`,
    );
    const hint = l(
        'Skriv "uppdrag <nummer> klart: <kort redovisning>" när ett är gjort.',
        'Write "assignment <number> done: <short report>" when one is done.',
    );
    return {
        kind: 'list',
        values: open.flatMap((u) => [u.what, u.owner]),
        text: [head, ...lines, '', hint, '', source].join('\n'),
    };
}
