// Never a neighbouring answer: a meaning-bearing word the chosen reading cannot use (deltagare, start, fastställt,
// minskade …) makes the bot say what it understood and ask back with concrete choices instead of showing a figure.
import type { Forbund } from '../../domain';
import { asksParticipants } from '../intent';
import type { Answer, Intent, Question } from '../types';
import { clarify, say } from './common';

const MONEY: Intent[] = ['post', 'totals', 'admin', 'contribution', 'partShare', 'space', 'lawSplit', 'deficit'];
/** Each guarded meaning and the intents that would answer a neighbouring question if they took it. */
const GUARDS: [(q: Question) => boolean, Intent[], [string, string]][] = [
    [
        asksParticipants,
        [...MONEY, 'ek', 'status', 'check'],
        ['deltagare (utfall ur månadsrapporterna)', 'participants (outcome in the monthly reports)'],
    ],
    [
        (q) => q.concepts.has('opening'),
        ['post', 'totals', 'admin', 'contribution', 'partShare', 'roster', 'report'],
        ['början av året', 'the start of the year'],
    ],
    [
        (q) => q.concepts.has('status'),
        [...MONEY, 'roster'],
        ['om budgeten är fastställd', 'whether the budget is approved'],
    ],
    [
        (q) => q.concepts.has('change'),
        ['post', 'totals', 'roster', 'status', 'report'],
        ['förändringen mellan år', 'the change between years'],
    ],
];

/** Guarded words present in the question that its intent would drop. */
export function unusedWords(q: Question): [string, string][] {
    return GUARDS.filter(([has, wrong]) => has(q) && wrong.includes(q.intent)).map(([, , w]) => w);
}

/** Says what was understood and what not, with 2–4 concrete choices. */
export function answerUnclear(f: Forbund, q: Question, unused: [string, string][]): Answer {
    const names = [
        ...q.posts.map((id) => f.years.flatMap((y) => y.posts).find((p) => p.id === id)?.name ?? id),
        ...(q.insats ? [f.insatser.find((i) => i.id === q.insats)?.name ?? q.insats] : []),
    ];
    const thing = [...new Set(names)][0];
    const what = unused.map(([sv, en]) => say(q.lang, sv, en)).join(', ');
    const lead = thing
        ? say(
              q.lang,
              `Jag förstod att frågan gäller ${thing}, men inte hur den hänger ihop med ${what}.`,
              `I understood that the question is about ${thing}, but not how it relates to ${what}.`,
          )
        : say(
              q.lang,
              `Jag förstod inte hur frågan hänger ihop med ${what}.`,
              `I did not understand how the question relates to ${what}.`,
          );
    const insats = f.insatser.find((i) => i.id === q.insats) ?? f.insatser[0];
    const year = q.years.kind === 'explicit' || q.years.kind === 'word' ? ` ${q.years.years[0]}` : '';
    const options = [
        insats && {
            title: say(q.lang, `Deltagare i ${insats.name}`, `Participants in ${insats.name}`),
            q: say(
                q.lang,
                `Hur många deltagare har ${insats.name} haft${year || ' i år'}?`,
                `How many participants has ${insats.name} had${year || ' this year'}?`,
            ),
        },
        thing && {
            title: say(q.lang, `Kostnad för ${thing}`, `Cost of ${thing}`),
            q: say(q.lang, `Vad kostar ${thing}${year}?`, `How much is ${thing}${year}?`),
        },
        {
            title: say(q.lang, 'Budgetens status', "The budget's status"),
            q: say(q.lang, `Är budgeten${year} fastställd?`, `Is the${year} budget approved?`),
        },
        {
            title: say(q.lang, 'Eget kapital vid årets början', 'Equity at the start of the year'),
            q: say(
                q.lang,
                `Eget kapital vid början av${year || ' året'}`,
                `Equity at the start of${year || ' the year'}`,
            ),
        },
    ].filter((o): o is { title: string; q: string } => !!o);
    return clarify(
        f,
        q,
        `${lead} ${say(q.lang, 'Menar du något av detta?', 'Do you mean one of these?')}`,
        options.slice(0, 4),
    );
}
