// Goal answers: målområden, nyckeltal, indicators, mätpunkter and one target ("no numeric target" where none).
import { formatTarget, type Forbund } from '../../domain';
import { goalItems, matchGoal, rankGoals, type GoalItem } from '../goal-match';
import { fold, wordMatch } from '../text';
import type { Answer, Question } from '../types';
import { clarify, factsAnswer, notStated, say } from './common';

const targetText = (g: GoalItem) => formatTarget(g) ?? '';
const itemLine = (q: Question, g: GoalItem) =>
    `${g.text}${formatTarget(g) ? ` (${say(q.lang, 'mål', 'target')} ${targetText(g)})` : ` (${say(q.lang, 'inget målvärde', 'no numeric target')})`}`;

function listAnswer(f: Forbund, q: Question, title: string, values: string[], lines = values): Answer {
    return factsAnswer(
        f,
        q,
        { kind: 'list', values },
        title,
        lines.map((l) => `- ${l}`),
    );
}

/** The verksamhetsmål a question names softly ("ekonomin" ~ "ekonomisk"), by shared words. */
function softGoal(f: Forbund, q: Question): string | undefined {
    if (q.verksamhetsmal) return q.verksamhetsmal;
    const scored = f.goals.verksamhetsmal.map((v) => {
        const ws = fold([v.name, ...v.aliases].join(' '))
            .split(' ')
            .filter((w) => w.length > 4);
        return { id: v.id, score: q.rest.filter((t) => ws.some((w) => wordMatch(t, w) > 0)).length };
    });
    const best = scored.sort((a, b) => b.score - a.score)[0];
    return best && best.score > 0 ? best.id : undefined;
}

/** Answers questions about goals, indicators and targets. */
export function answerGoals(f: Forbund, q: Question): Answer {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    if (c('malomrade')) {
        const areas = f.goals.malomraden;
        const one = areas.find((a) => a.id === q.malomrade);
        if (one) return listAnswer(f, q, one.name, [one.name, ...(one.text ? [one.text] : []), ...one.activities]);
        if (areas.length === 0) return notStated(f, q, say(q.lang, 'några målområden', 'any goal areas'));
        if (c('count'))
            return factsAnswer(
                f,
                q,
                { kind: 'number', value: areas.length, unit: 'antal', values: areas.map((a) => a.name) },
                say(q.lang, 'Målområden', 'Goal areas'),
                [`**${areas.length}**`, ...areas.map((a) => `- ${a.name}`)],
            );
        return listAnswer(
            f,
            q,
            say(q.lang, 'Målområden', 'Goal areas'),
            areas.map((a) => a.name),
            areas.map((a) => `${a.name}${a.period ? ` (${a.period})` : ''}`),
        );
    }
    if (c('nyckeltal') && f.goals.nyckeltal.length > 0) {
        const n = f.goals.nyckeltal;
        return listAnswer(
            f,
            q,
            say(q.lang, 'Nyckeltal', 'Key indicators'),
            n.map((x) => x.name),
            n.map(
                (x) =>
                    `${x.name} – ${x.decidedBy}; ${say(q.lang, 'inget målvärde i planen', 'no numeric target in the plan')}`,
            ),
        );
    }
    const all = goalItems(f);
    if (c('indicators') || c('nyckeltal')) {
        const inds = all.filter((g) => g.kind === 'indikator' && (!q.insats || g.insatsId === q.insats));
        if (inds.length === 0) return notStated(f, q, say(q.lang, 'några indikatorer', 'any indicators'));
        return listAnswer(
            f,
            q,
            say(q.lang, 'Indikatorer', 'Indicators'),
            inds.map((g) => g.text),
            inds.map((g) => itemLine(q, g)),
        );
    }
    if (c('matpunkt')) {
        const goal = softGoal(f, q);
        const mps = all.filter(
            (g) =>
                g.kind === 'matpunkt' &&
                (!goal || g.verksamhetsmalId === goal) &&
                (!q.insats || g.insatsId === q.insats),
        );
        return listAnswer(
            f,
            q,
            say(q.lang, 'Mätpunkter', 'Measuring points'),
            mps.map((g) => g.text),
            mps.map((g) => itemLine(q, g)),
        );
    }
    const { item, rivals } = matchGoal(f, q);
    if (item) return targetAnswer(f, q, item);
    if (q.insats && c('which')) {
        const own = all.filter((g) => g.insatsId === q.insats);
        return listAnswer(
            f,
            q,
            say(q.lang, 'Mål och indikatorer', 'Goals and indicators'),
            own.map((g) => g.text),
            own.map((g) => itemLine(q, g)),
        );
    }
    if (rivals.length === 0 && q.rest.length > 0)
        return notStated(
            f,
            q,
            say(q.lang, `något mål för ”${q.rest.join(' ')}”`, `a target for "${q.rest.join(' ')}"`),
        );
    const options = (
        rivals.length
            ? rivals
            : rankGoals(f, q)
                  .map((r) => r.item)
                  .filter((g) => g.target !== undefined)
    ).slice(0, 6);
    return clarify(
        f,
        q,
        say(q.lang, 'Vilket mål menar du?', 'Which goal do you mean?'),
        options.map((g) => ({
            title: g.text.slice(0, 60),
            q: say(q.lang, `Vad är målet för: ${g.text}`, `What is the target for: ${g.text}`),
        })),
    );
}

function targetAnswer(f: Forbund, q: Question, g: GoalItem): Answer {
    const title = say(q.lang, 'Mål', 'Target');
    const asked = q.years.kind === 'explicit' || q.years.kind === 'word' ? q.years.years : [];
    if (g.target === undefined)
        return notStated(
            f,
            q,
            say(q.lang, `ett numeriskt målvärde för ”${g.text}”`, `a numeric target for "${g.text}"`),
        );
    if (g.period && /^\d{4}$/.test(g.period) && asked.some((y) => String(y) !== g.period))
        return notStated(
            f,
            q,
            say(
                q.lang,
                `ett mål för ${asked.join(', ')}: målet ”${g.text}” gäller ${g.period}`,
                `a target for ${asked.join(', ')}: "${g.text}" is for ${g.period}`,
            ),
        );
    const unit = g.unit === 'procent' ? '%' : 'antal';
    return factsAnswer(f, q, { kind: 'number', value: g.target, unit }, title, [
        `**${targetText(g)}**${g.period ? ` (${g.period})` : ''}`,
        g.text,
    ]);
}
