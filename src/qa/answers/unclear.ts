// Never a neighbouring answer: a meaning-bearing word the chosen reading would drop (deltagare, start, fastställt,
// minskade, vem …) makes the bot say what it understood and ask back with concrete choices instead of a figure.
import type { Forbund } from '../../domain';
import { asksParticipants, PERSON_WORDS } from '../intent';
import type { Answer, Intent, Question } from '../types';
import { clarify, notStated, say } from './common';

type Option = { title: string; q: string };
type Ctx = { f: Forbund; q: Question; thing?: string; year: string };
type Guard = {
    has: (q: Question) => boolean;
    /** Intents that would answer a neighbouring question if they took this word. */
    wrong: Intent[];
    word: [string, string];
    /** The question the word most likely belongs to. */
    option: (c: Ctx) => Option | undefined;
};

const MONEY: Intent[] = ['post', 'totals', 'admin', 'contribution', 'partShare', 'space', 'lawSplit', 'deficit'];
const l = (c: Ctx, sv: string, en: string) => say(c.q.lang, sv, en);

/** "Vem är revisor?": a person the roster has no role for; never the post's cost. */
const WHO: Guard = {
    has: (q) => q.tokens.some((t) => PERSON_WORDS.includes(t)),
    wrong: ['post', 'totals', 'admin', 'space', 'lawSplit', 'deficit'],
    word: ['vem (en person i förbundets register)', 'who (a person on the roster)'],
    option: (c) => ({
        title: l(c, 'Styrelsens ledamöter', 'The board members'),
        q: l(c, 'Vilka är ledamöter i styrelsen?', 'Who are the board members?'),
    }),
};

const GUARDS: Guard[] = [
    {
        has: asksParticipants,
        wrong: [...MONEY, 'ek', 'status', 'check'],
        word: ['deltagare (utfall ur månadsrapporterna)', 'participants (outcome in the monthly reports)'],
        option: (c) => {
            const i = c.f.insatser.find((x) => x.id === c.q.insats) ?? c.f.insatser[0];
            return (
                i && {
                    title: l(c, `Deltagare i ${i.name}`, `Participants in ${i.name}`),
                    q: l(
                        c,
                        `Hur många deltagare har ${i.name} haft${c.year || ' i år'}?`,
                        `How many participants has ${i.name} had${c.year || ' this year'}?`,
                    ),
                }
            );
        },
    },
    {
        has: (q) => q.concepts.has('opening'),
        wrong: ['post', 'totals', 'admin', 'contribution', 'partShare', 'roster', 'report'],
        word: ['början av året', 'the start of the year'],
        option: (c) => ({
            title: l(c, 'Eget kapital vid årets början', 'Equity at the start of the year'),
            q: l(c, `Eget kapital vid början av${c.year || ' året'}`, `Equity at the start of${c.year || ' the year'}`),
        }),
    },
    {
        has: (q) => q.concepts.has('status'),
        wrong: [...MONEY, 'roster'],
        word: ['om budgeten är fastställd', 'whether the budget is approved'],
        option: (c) => ({
            title: l(c, 'Budgetens status', "The budget's status"),
            q: l(c, `Är budgeten${c.year} fastställd?`, `Is the${c.year} budget approved?`),
        }),
    },
    {
        has: (q) => q.concepts.has('change'),
        wrong: ['post', 'totals', 'roster', 'status', 'report'],
        word: ['förändringen mellan år', 'the change between years'],
        option: (c) => ({
            title: l(c, 'Förändring mellan år', 'Change between years'),
            q: l(
                c,
                `Hur förändras ${c.thing ?? 'kostnaderna'} jämfört med året före?`,
                `How does ${c.thing ?? 'the total cost'} change from the year before?`,
            ),
        }),
    },
    WHO,
];

/** The guards whose word is present in the question and that its intent would drop. */
export function unusedWords(q: Question): Guard[] {
    return GUARDS.filter((g) => g.has(q) && g.wrong.includes(q.intent));
}

/** Says what was understood and what not, with 2–4 concrete choices. */
export function answerUnclear(f: Forbund, q: Question, unused: Guard[]): Answer {
    if (unused.length === 1 && unused[0] === WHO) return unknownPerson(f, q);
    const names = [
        ...q.posts.map((id) => f.years.flatMap((y) => y.posts).find((p) => p.id === id)?.name ?? id),
        ...(q.insats ? [f.insatser.find((i) => i.id === q.insats)?.name ?? q.insats] : []),
    ];
    const thing = [...new Set(names)][0];
    const year = q.years.kind === 'explicit' || q.years.kind === 'word' ? ` ${q.years.years[0]}` : '';
    const c: Ctx = { f, q, thing, year };
    const what = unused.map((g) => say(q.lang, ...g.word)).join(', ');
    const lead = thing
        ? l(
              c,
              `Jag förstod att frågan gäller ${thing}, men inte hur den hänger ihop med ${what}.`,
              `I understood that the question is about ${thing}, but not how it relates to ${what}.`,
          )
        : l(
              c,
              `Jag förstod inte hur frågan hänger ihop med ${what}.`,
              `I did not understand how the question relates to ${what}.`,
          );
    const options = [
        ...unused.map((g) => g.option(c)),
        thing && {
            title: l(c, `Kostnad för ${thing}`, `Cost of ${thing}`),
            q: l(c, `Vad kostar ${thing}${year}?`, `How much is ${thing}${year}?`),
        },
        {
            title: l(c, 'Eget kapital', 'Equity'),
            q: l(c, 'Visa prognosen för eget kapital', 'Show the equity forecast'),
        },
    ].filter((o): o is Option => !!o);
    return clarify(
        f,
        q,
        `${lead} ${l(c, 'Menar du något av detta?', 'Do you mean one of these?')}`,
        options.slice(0, 4),
    );
}

/** Who holds a role the roster does not have: not stated, with what the plan does say (the post, if any). */
function unknownPerson(f: Forbund, q: Question): Answer {
    const post = q.posts.map((id) => f.years.flatMap((y) => y.posts).find((p) => p.id === id)?.name)[0];
    return notStated(
        f,
        q,
        say(
            q.lang,
            'vem det är (varken planen eller förbundets register anger en sådan person)',
            'who it is (neither the plan nor the roster names such a person)',
        ),
        post
            ? say(
                  q.lang,
                  `Planen anger bara kostnaden: ”Vad kostar ${post}?”`,
                  `The plan only gives the cost: "How much is ${post}?"`,
              )
            : undefined,
    );
}
