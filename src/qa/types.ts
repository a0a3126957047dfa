// The Q&A core's contract: a structured question, the answer, and the context an answer may use.
import type { Concept } from './lexicon';
import type { YearRef } from './years';
import type { CardSpec } from '../cards/templates';
import type { PlanText } from '../domain';
import type { UtfallData } from '../domain/utfall-report';
import type { PersonRole } from '../domain/access';
import type { FollowUpFigures } from '../domain/report-figures';

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
    | 'roster'
    | 'report'
    | 'uppdrag'
    | 'why'
    | 'change'
    | 'compare'
    | 'dangling'
    | 'unclear'
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
    /** Every post named in the message (an insats counts as its own post), in order: for comparisons. */
    mentionedPosts?: string[];
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
    /** A person the question names as written ("vad ska Anna göra?"): matched against the roster by the answer. */
    person?: string;
    /** What a follow-up took over from the asker's previous question (names and years), said in the answer. */
    carried?: string[];
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

export type BudgetStatusWord = 'förslag' | 'preliminär' | 'fastställd';
/** A recorded board decision on a year's budget: its status and the paragraph that says so ("§ 6/2026"). */
export type BudgetDecision = { status: BudgetStatusWord; ref: string };
/** A person on the förbund's roster as an answer may name them (no contact details). */
export type RosterEntry = { name: string; roles: PersonRole[] };
/** Submitted monthly reports as this conversation may see them: the follow-up table (suppressed when shared). */
export type ReportView = {
    figures: FollowUpFigures;
    /** Months with an avvikelse; the text only where the figures are not suppressed. */
    avvikelser: { month: string; text?: string }[];
};

/** An open uppdrag a beslut gave, as an answer may list it: its number, owner, what, due day and body. */
export type UppdragEntry = {
    id: number;
    what: string;
    /** The person's name, or the part's. */
    owner: string;
    ownerPartId?: string;
    /** YYYY-MM-DD (Stockholm). */
    due: string;
    body: string;
};

/** What an answer may consult besides the data file: the board's decisions, the roster, submitted reports. */
export type AnswerContext = {
    budgetStatus?: (year: number) => BudgetStatusWord | undefined;
    budgetDecision?: (year: number) => BudgetDecision | undefined;
    roster?: () => RosterEntry[];
    reports?: (insatsId: string, year: number) => ReportView | undefined;
    /** The open uppdrag of the förbund's bodies, by due day; absent when the asker may not see them. */
    uppdrag?: () => UppdragEntry[];
    /** The plan's own text: quoted for what the structured data does not hold. */
    plan?: PlanText;
    /** The utfall imported from the accounts for a year (without a year: the latest year imported). */
    utfall?: (year?: number) => UtfallData | undefined;
};
