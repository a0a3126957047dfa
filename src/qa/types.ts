// The Q&A core's contract: a structured question, the answer, and the context an answer may use.
import type { Concept } from './lexicon';
import type { YearRef } from './years';
import type { CardSpec } from '../cards/templates';
import type { PlanText } from '../domain';
import type { UtfallData } from '../domain/utfall-report';

export type Lang = 'sv' | 'en';

export type Intent =
    | 'empty'
    | 'out_of_scope'
    | 'check'
    | 'ek'
    | 'status'
    | 'deadline'
    | 'quorum'
    | 'seats'
    | 'parter'
    | 'formed'
    | 'owner'
    | 'cadence'
    | 'mandate'
    | 'followUp'
    | 'chair'
    | 'extent'
    | 'about'
    | 'employ'
    | 'goals'
    | 'lawSplit'
    | 'partShare'
    | 'contribution'
    | 'admin'
    | 'space'
    | 'totals'
    | 'deficit'
    | 'post'
    | 'utfall'
    | 'notFound'
    | 'unknown';

/** What `understand` makes of a message: the intent, the named things (ids from the förbund data) and the years. */
export type Question = {
    /** The message as written (clarify buttons re-ask it with a year added). */
    text: string;
    intent: Intent;
    lang: Lang;
    years: YearRef;
    /** Post ids: one when named, several when a word fits several posts (→ clarify). */
    posts: string[];
    parts: string[];
    /** A kind of part named generically ("kommunerna", "staten"). */
    partKind?: 'stat' | 'region' | 'kommun';
    /** Plural kind ("kommunerna", "municipalities"): all of that kind together. */
    partKindAll?: boolean;
    insats?: string;
    body?: string;
    malomrade?: string;
    verksamhetsmal?: string;
    /** The concepts found in the text. */
    concepts: ReadonlySet<Concept>;
    /** Content words no name or concept used (e.g. an unknown post). */
    rest: string[];
    /** The folded, glossed tokens (for goal matching). */
    tokens: string[];
};

export type Unit = 'kr' | 'tkr' | '%' | 'antal';
export type AnswerKind = 'number' | 'list' | 'clarify' | 'not_stated' | 'out_of_scope' | 'finding' | 'quote';

/** An answer: key figure(s) in the answer's unit, markdown text naming the source, optional card and buttons. */
export type Answer = {
    kind: AnswerKind;
    value?: number;
    unit?: Unit;
    values?: (string | number)[];
    text: string;
    /** quote: the plan and section heading quoted ("Verksamhetsplan 2025, 3.1.2 Målområde 2"). */
    section?: string;
    card?: CardSpec<'qa-facts' | 'qa-clarify' | 'qa-ek' | 'qa-quote' | 'utfall-report'>;
    options?: { title: string; q: string }[];
};

/** What an answer may consult besides the data file: e.g. the board's later decision that fixes a year's budget. */
export type AnswerContext = {
    budgetStatus?: (year: number) => 'förslag' | 'preliminär' | 'fastställd' | undefined;
    /** The plan's own text: quoted for what the structured data does not hold. */
    plan?: PlanText;
    /** The utfall imported from the accounts for a year (without a year: the latest year imported). */
    utfall?: (year?: number) => UtfallData | undefined;
};
