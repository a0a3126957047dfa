// The card contract: each template in templates/ by name, with the data its bindings are expanded from.
import { z } from 'zod';

type Lang = 'sv' | 'en';
type Fact = { title: string; value: string };
type Choice = { title: string; value: string };

export type MessageData = { title: string; text: string; facts: Fact[] };

export type AgendaCardData = {
    title: string;
    when: string;
    lang: Lang;
    meetingId: number;
    facts: Fact[];
    agendaTitle: string;
    items: {
        id: number;
        ref: string;
        decision: string;
        canDecide: boolean;
        canBifall: boolean;
        decideKey: string;
        expect: number;
        otherLabel: string;
        heading: string;
        meta: string;
        proposal: string;
        details: string;
        links: string;
    }[];
    uppdragTitle: string;
    uppdrag: { line: string; color: string }[];
    attendanceTitle: string;
    attendance: Fact[];
    quorumText: string;
    quorumColor: string;
    justerare: string;
    yourAnswer: string;
    note: string;
    canAnswer: boolean;
    canEdit: boolean;
    canClose: boolean;
    keys: { come: string; absent: string; close: string };
    labels: {
        bifall: string;
        votering: string;
        close: string;
        come: string;
        absent: string;
        edit: string;
        calendar: string;
        join: string;
    };
    icsUrl: string;
    onlineUrl: string;
    withRefresh: boolean;
    userIds: string[];
};

export type AgendaEditorData = {
    title: string;
    subtitle: string;
    note: string;
    lang: Lang;
    meetingId: number;
    items: { line: string }[];
    choices: Choice[];
    selected: string;
    keys: { up: string; down: string; remove: string; send: string };
    labels: Record<
        'item' | 'up' | 'down' | 'edit' | 'remove' | 'add' | 'details' | 'justerare' | 'presence' | 'send' | 'view',
        string
    >;
};

export type AgendaItemFormData = {
    title: string;
    subtitle: string;
    note: string;
    lang: Lang;
    meetingId: number;
    key: string;
    item: {
        id: number;
        title: string;
        kind: string;
        presenter: string;
        proposal: string;
        details: string;
        links: string;
    };
    kinds: Choice[];
    labels: Record<
        'title' | 'kind' | 'presenter' | 'proposal' | 'details' | 'links' | 'required' | 'save' | 'cancel',
        string
    >;
};

export type AgendaMeetingFormData = {
    title: string;
    note: string;
    creating: boolean;
    verb: 'meeting.details' | 'meeting.create';
    key: string;
    lang: Lang;
    meetingId: number;
    bodyId: string;
    bodies: Choice[];
    date: string;
    time: string;
    place: string;
    onlineUrl: string;
    labels: Record<'body' | 'date' | 'time' | 'place' | 'onlineUrl' | 'required' | 'save' | 'cancel', string>;
};

export type AgendaJusterareFormData = {
    title: string;
    text: string;
    lang: Lang;
    meetingId: number;
    key: string;
    choices: Choice[];
    selected: string;
    labels: Record<'choose' | 'save' | 'cancel', string>;
};

export type AgendaPresenceFormData = {
    title: string;
    text: string;
    note: string;
    lang: Lang;
    meetingId: number;
    key: string;
    current: { line: string }[];
    people: Choice[];
    items: Choice[];
    labels: Record<'person' | 'arrives' | 'leaves' | 'save' | 'cancel', string>;
};

export type DecisionFormData = {
    title: string;
    proposal: string;
    current: string;
    quorum: string;
    note: string;
    lang: Lang;
    meetingId: number;
    itemId: number;
    expect: number;
    key: string;
    outcomes: Choice[];
    people: Choice[];
    owners: Choice[];
    values: Record<
        'outcome' | 'text' | 'jav' | 'reservationer' | 'note' | 'amends' | 'uppdragWhat' | 'uppdragWho' | 'uppdragDue',
        string
    >;
    labels: Record<
        | 'outcome'
        | 'text'
        | 'jav'
        | 'reservationer'
        | 'note'
        | 'amends'
        | 'uppdrag'
        | 'uppdragWhat'
        | 'uppdragWho'
        | 'uppdragDue'
        | 'save'
        | 'cancel',
        string
    >;
};

export type DecisionVoteringData = {
    title: string;
    proposal: string;
    quorum: string;
    note: string;
    lang: Lang;
    meetingId: number;
    itemId: number;
    key: string;
    /** `withdraw`: the title of the button that withdraws the yrkande, empty when it cannot be withdrawn. */
    yrkanden: { line: string; id: number; withdraw: string }[];
    people: Choice[];
    outcomes: Choice[];
    canVote: boolean;
    proposition: string;
    voters: { id: string; name: string }[];
    voteChoices: Choice[];
    counts: { id: string; label: string }[];
    lotChoices: Choice[];
    labels: Record<
        | 'yrkanden'
        | 'none'
        | 'person'
        | 'outcome'
        | 'text'
        | 'add'
        | 'votering'
        | 'jav'
        | 'open'
        | 'closed'
        | 'election'
        | 'lot'
        | 'recordOpen'
        | 'recordClosed'
        | 'back',
        string
    >;
};

export type PerCapsulamFormData = {
    title: string;
    text: string;
    note: string;
    lang: Lang;
    key: string;
    values: Record<'title' | 'proposal' | 'date' | 'time' | 'unavailable', string>;
    ledamoter: Choice[];
    labels: Record<'title' | 'proposal' | 'date' | 'time' | 'unavailable' | 'send', string>;
};

export type PerCapsulamData = {
    title: string;
    proposal: string;
    deadline: string;
    status: string;
    statusColor: string;
    tally: string;
    parts: Fact[];
    yours: string;
    note: string;
    lang: Lang;
    proposalId: number;
    canVote: boolean;
    keys: { ja: string; nej: string; avstar: string };
    labels: { ja: string; nej: string; avstar: string };
    withRefresh: boolean;
    userIds: string[];
};

export type ProtokollData = {
    title: string;
    status: string;
    note: string;
    lang: Lang;
    meetingId: number;
    presence: Fact[];
    paragraphs: { heading: string; text: string }[];
    justerare: string;
    requests: string;
    canJustera: boolean;
    canEdit: boolean;
    keys: { justera: string; change: string };
    htmlUrl: string;
    pdfUrl: string;
    labels: Record<'justera' | 'change' | 'comment' | 'edit' | 'requests' | 'html' | 'pdf', string>;
};

export type ProtokollEditData = {
    title: string;
    text: string;
    requests: string;
    note: string;
    lang: Lang;
    meetingId: number;
    key: string;
    paragraphs: { inputId: string; label: string; value: string }[];
    labels: Record<'summary' | 'save' | 'cancel', string>;
};

export type HelpData = { title: string; topics: string; examples: { q: string }[]; tryLabel: string };

export type LinkPromptData = {
    title: string;
    text: string;
    forbund: { id: string; name: string; key: string }[];
    button: string;
};

export type RosterData = { title: string; rows: { name: string; roles: string }[]; source: string };

export type QaFactsData = { title: string; text: string; facts: Fact[]; source: string };

/** A quote from the plan's own text: the words as written, the section as the source. */
export type QaQuoteData = { title: string; quote: string; note: string; source: string };

export type QaClarifyData = { title: string; text: string; options: { title: string; q: string }[]; source: string };

export type QaEkData = {
    title: string;
    chartTitle: string;
    points: { x: string; y: number }[];
    head: Record<'year' | 'closing' | 'basis' | 'share' | 'verdict', string>;
    rows: Record<'year' | 'closing' | 'basis' | 'share' | 'verdict' | 'note', string>[];
    source: string;
};

type UtfallColumn = 'post' | 'budget' | 'utfall' | 'used' | 'prognos' | 'status';
export type UtfallReportData = {
    title: string;
    subtitle: string;
    chartTitle: string;
    /** Budget and utfall per post, in kronor: a Chart.VerticalBar.Grouped (Teams) with the table as fallback. */
    series: { legend: string; values: { x: string; y: number }[] }[];
    chartHead: Record<'post' | 'budget' | 'utfall', string>;
    head: Record<UtfallColumn, string>;
    rows: (Record<UtfallColumn, string> & { color: string })[];
    totals: Fact[];
    notes: { text: string }[];
    note: string;
    source: string;
};

export type ReminderData = { title: string; late: string; text: string; facts: Fact[]; hint: string };

/** One uppdrag: its reminder, or the card after it is marked done; `open` shows the note field and the button. */
export type UppdragData = {
    title: string;
    late: string;
    text: string;
    facts: Fact[];
    note: string;
    open: boolean;
    key: string;
    uppdragId: number;
    lang: Lang;
    labels: { note: string; done: string };
};

export type ReminderListData = {
    title: string;
    intro: string;
    items: Record<'date' | 'title' | 'source' | 'status', string>[];
    note: string;
};

export type ReportFormData = {
    title: string;
    intro: string;
    summary: string;
    monthError: string;
    groups: {
        title: string;
        error: string;
        fields: { id: string; label: string; value: number | null; error: string }[];
    }[];
    privacy: string;
    texts: Record<'id' | 'label' | 'placeholder' | 'value' | 'error', string>[];
    note: string;
    /** A plausibility warning above the buttons, or ''. */
    warning: string;
    /** The submit buttons: normally one; after a plausibility warning "Ändra" and "Spara ändå". */
    actions: {
        title: string;
        data: { key: string; forbundId: string; insatsId: string; month: string; lang: Lang; confirm?: string };
    }[];
};

type FollowUpSeries = { legend: string; values: { x: string; y: number }[] };
export type ReportFollowupData = {
    title: string;
    /** "fiktiva exempeldata" when demo rows are among the reports, else ''. */
    sampleNote: string;
    /** What missing months between the reports mean for the sums, or ''. */
    gapNote: string;
    facts: Fact[];
    nyckeltal: Fact[];
    nyckeltalTitle: string;
    checks: Record<'label' | 'value' | 'target' | 'status' | 'color', string>[];
    checksTitle: string;
    noTarget: string;
    otherYears: string;
    rule: string;
    missing: string;
    maskNote: string;
    /** Kommentar and avvikelse per month, only for the insats's own people, chef and styrgrupp in a 1:1 chat. */
    notesTitle: string;
    notes: Fact[];
    chart: {
        show: boolean;
        title: string;
        series: FollowUpSeries[];
        head: string[];
        rows: Record<'month' | 'nya' | 'avslutade' | 'pagaende', string>[];
    };
    source: string;
};

export type PlanPreviewData = {
    title: string;
    text: string;
    lang: Lang;
    key: string;
    facts: Fact[];
    headings: { line: string }[];
    labels: { headings: string; activate: string; save: string; cancel: string };
};

export type WorkbookPreviewData = {
    title: string;
    text: string;
    lang: Lang;
    key: string;
    totals: Fact[];
    ek: Fact[];
    findings: { line: string }[];
    changes: { line: string }[];
    labels: {
        totals: string;
        ek: string;
        findings: string;
        changes: string;
        activate: string;
        save: string;
        cancel: string;
    };
};

export type LedgerPreviewData = {
    title: string;
    text: string;
    lang: Lang;
    key: string;
    about: Fact[];
    posts: Fact[];
    unmapped: Fact[];
    differences: { line: string }[];
    warnings: { line: string }[];
    labels: {
        posts: string;
        unmapped: string;
        noUnmapped: string;
        differences: string;
        warnings: string;
        save: string;
        cancel: string;
    };
};

export type FileKindChoiceData = {
    title: string;
    text: string;
    lang: Lang;
    key: string;
    choices: { title: string; choice: string }[];
    labels: { cancel: string };
};

/** Every template (templates/<name>.json) and the data it is expanded with. */
export type CardData = {
    agenda: AgendaCardData;
    'agenda-editor': AgendaEditorData;
    'agenda-item-form': AgendaItemFormData;
    'agenda-justerare-form': AgendaJusterareFormData;
    'agenda-meeting-form': AgendaMeetingFormData;
    'agenda-presence-form': AgendaPresenceFormData;
    'decision-form': DecisionFormData;
    'decision-votering': DecisionVoteringData;
    'file-kind-choice': FileKindChoiceData;
    help: HelpData;
    'ledger-preview': LedgerPreviewData;
    'link-prompt': LinkPromptData;
    message: MessageData;
    'per-capsulam': PerCapsulamData;
    'per-capsulam-form': PerCapsulamFormData;
    'plan-preview': PlanPreviewData;
    protokoll: ProtokollData;
    'protokoll-edit': ProtokollEditData;
    'qa-clarify': QaClarifyData;
    'qa-ek': QaEkData;
    'qa-facts': QaFactsData;
    'qa-quote': QaQuoteData;
    reminder: ReminderData;
    uppdrag: UppdragData;
    'reminder-list': ReminderListData;
    'report-followup': ReportFollowupData;
    'report-form': ReportFormData;
    roster: RosterData;
    'utfall-report': UtfallReportData;
    'workbook-preview': WorkbookPreviewData;
};

export type CardName = keyof CardData;

/** The template names, in the order of the files (a test checks they are exactly the files in templates/). */
export const CARD_NAMES = [
    'agenda',
    'agenda-editor',
    'agenda-item-form',
    'agenda-justerare-form',
    'agenda-meeting-form',
    'agenda-presence-form',
    'decision-form',
    'decision-votering',
    'file-kind-choice',
    'help',
    'ledger-preview',
    'link-prompt',
    'message',
    'per-capsulam',
    'per-capsulam-form',
    'plan-preview',
    'protokoll',
    'protokoll-edit',
    'qa-clarify',
    'qa-ek',
    'qa-facts',
    'qa-quote',
    'reminder',
    'reminder-list',
    'report-followup',
    'report-form',
    'roster',
    'uppdrag',
    'utfall-report',
    'workbook-preview',
] as const satisfies readonly CardName[];
type Listed<T extends true> = T;
/** Does not compile when a template of CardData is missing from CARD_NAMES. */
export type AllCardNamesListed = Listed<CardName extends (typeof CARD_NAMES)[number] ? true : false>;

/** A named card: its template and the data it is expanded with. `CardSpec` alone is any card (a union by name). */
export type CardSpec<K extends CardName = CardName> = { [N in K]: { template: N; data: CardData[N] } }[K];
export type AnyCardSpec = CardSpec;

/**
 * A card as stored with a card press (to replay it), read back from the database. It was a CardSpec when stored; the
 * brand keeps anything but this parse from passing off untyped data as a card.
 */
export const storedCardSchema = z
    .object({ template: z.enum(CARD_NAMES), data: z.record(z.unknown()) })
    .brand<'StoredCard'>();
export type StoredCard = z.output<typeof storedCardSchema>;
