// The förbund workbook's layout: one table per sheet naming each column, the field it holds and how the cell reads.
// Adding a schema field is one line in a `columns` (or `fields`) list below; reading and writing follow from it.
import {
    BODY_KINDS,
    CATEGORIES,
    CLAIM_KINDS,
    INSATS_TYPES,
    COMPARATORS,
    PART_KINDS,
    REPORT_OUTCOMES,
    ROSTER_ROLES,
    STATUSES,
    TARGET_UNITS,
    THRESHOLD_KEYS,
    UNITS,
} from '../domain';

/** How a cell is read and written. `enum` lists the values, with Swedish labels where the value is not Swedish. */
export type CellKind =
    | 'text'
    | 'lines'
    | 'list'
    | 'int'
    | 'amount'
    | 'number'
    | 'share'
    | 'bool'
    | 'day'
    | 'mmdd'
    | 'intList'
    | { enum: readonly string[]; labels?: Readonly<Record<string, string>> };

/** One column of a table sheet, or one row of a fields sheet. `path` is the field in the row's object. */
export type Column = { header: string; path: string; kind: CellKind; note: string; width?: number };

/** Where a table sheet's rows live in the document. */
export type Rows =
    /** An array at `path` ('parter', 'goals.malomraden'). */
    | { at: 'list'; path: string }
    /** Each row belongs to the item of the array `parent` whose `parentKey` equals the row's `keyColumn`. */
    | { at: 'nested'; parent: string; parentKey: string; child: string; keyColumn: Column; parentSheet: string }
    /** One row per role: påhittad people are the data's sample roster, real people go to the roster tables. */
    | { at: 'roster' };

export type TableSheet = {
    type: 'table';
    name: string;
    about: string;
    rows: Rows;
    columns: Column[];
    /** A sheet added after workbooks were in use: missing means empty. */
    optional?: boolean;
    /** Row object ↔ document item, for fields that take two cells (an amount and its unit). */
    toCells?: (item: Record<string, unknown>) => Record<string, unknown>;
    fromCells?: (row: Record<string, unknown>) => Record<string, unknown>;
};

/** A sheet of label/value rows for one object at `path` ('' = the document itself). */
export type FieldsSheet = {
    type: 'fields';
    name: string;
    about: string;
    path: string;
    fields: Column[];
    /** A sheet added after workbooks were in use: missing means empty. */
    optional?: boolean;
    /** Store `{}` when every value is empty (the schema requires the object). */
    keepEmpty?: boolean;
    toCells?: (item: Record<string, unknown>) => Record<string, unknown>;
    fromCells?: (row: Record<string, unknown>) => Record<string, unknown>;
};

export type Sheet = TableSheet | FieldsSheet;

const slugNote = (what: string) => `${what}: små bokstäver a–z, siffror och bindestreck, t.ex. "ostra-kommun" (unik).`;
const ALIASES: Column = {
    header: 'alias',
    path: 'aliases',
    kind: 'list',
    note: 'Andra ord som används i chatten, åtskilda med semikolon (;).',
    width: 30,
};
const NOTE: Column = { header: 'not', path: 'note', kind: 'text', note: 'Fri kommentar.', width: 40 };
const TARGET: Column[] = [
    {
        header: 'jämförelse',
        path: 'comparator',
        kind: { enum: COMPARATORS },
        note: '>=, <= eller =; tomt om planen inte sätter något mål.',
    },
    { header: 'mål', path: 'target', kind: 'number', note: 'Målvärdet (ett tal); anges med jämförelse och enhet.' },
    { header: 'enhet', path: 'unit', kind: { enum: TARGET_UNITS }, note: 'antal eller procent.' },
    { header: 'vad räknas', path: 'noun', kind: 'text', note: 'Det som räknas, t.ex. "deltagare".' },
    { header: 'period', path: 'period', kind: 'text', note: 'Period som planen anger, t.ex. "2026".' },
];

const CLAIM_LABELS: Record<(typeof CLAIM_KINDS)[number], string> = {
    'sum-income': 'summa intäkter',
    'sum-costs': 'summa kostnader',
    resultat: 'resultat',
    beslutsutrymme: 'beslutsutrymme',
    allotted: 'tilldelade medel',
    'allotted-change': 'förändring tilldelade medel',
    'state-allocation': 'statlig tilldelning',
    'ek-opening': 'ingående eget kapital',
    'ek-closing': 'utgående eget kapital',
    'ek-share': 'eget kapital i procent',
};
const THRESHOLD_LABELS: Record<(typeof THRESHOLD_KEYS)[number], string> = {
    ekMaxShareOfAllotted: 'tak för eget kapital',
    adminMaxShareOfCosts: 'tak för administration',
};
const VALUE_UNITS = ['kr', 'tkr', 'procent'] as const;

/** `{ kr: 5 }` / `{ tkr: 5 }` / `{ percent: 5 }` ↔ an amount cell and a unit cell. */
function printedToCells(v: unknown): { n?: unknown; unit?: string } {
    const o = (v ?? {}) as Record<string, unknown>;
    if (o.percent !== undefined) return { n: o.percent, unit: 'procent' };
    if (o.tkr !== undefined) return { n: o.tkr, unit: 'tkr' };
    return { n: o.kr, unit: o.kr === undefined ? undefined : 'kr' };
}
function printedFromCells(c: unknown): Record<string, unknown> | undefined {
    const { n, unit } = (c ?? {}) as { n?: unknown; unit?: string };
    if (n === undefined && unit === undefined) return undefined;
    return { [unit === 'procent' ? 'percent' : (unit ?? 'kr')]: n };
}

export const SHEETS: Sheet[] = [
    {
        type: 'fields',
        name: 'Förbund',
        about: 'Förbundets namn och planen uppgifterna kommer från. En rad per uppgift: skriv i kolumn B.',
        path: '',
        fields: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Förbundets id') },
            {
                header: 'namn',
                path: 'name',
                kind: 'text',
                note: 'Hela namnet, t.ex. "Exempelbygdens samordningsförbund".',
            },
            { header: 'kortnamn', path: 'shortName', kind: 'text', note: 'Kort namn i listor och kalendrar.' },
            ALIASES,
            { header: 'bildat', path: 'formed', kind: 'int', note: 'Året förbundet bildades (2004 eller senare).' },
            {
                header: 'källa',
                path: 'source.title',
                kind: 'text',
                note: 'Planens titel; varje svar i chatten hänvisar till den.',
            },
            { header: 'källnot', path: 'source.note', kind: 'text', note: 'Hur uppgifterna togs fram.' },
            {
                header: 'rubrik för nyckeltal',
                path: 'goals.nyckeltalTitle',
                kind: 'text',
                note: 'Rubriken de gemensamma nyckeltalen visas under (bladet Nyckeltal), t.ex. "Länets gemensamma nyckeltal".',
            },
            {
                header: 'anteckningar',
                path: 'notes',
                kind: 'lines',
                note: 'En anteckning per rad i cellen (Alt+Enter).',
            },
        ],
    },
    {
        type: 'table',
        name: 'Parter',
        about: 'Medlemmarna: staten (Försäkringskassan, Arbetsförmedlingen), regionen och kommunerna.',
        rows: { at: 'list', path: 'parter' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Partens id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Partens namn.', width: 28 },
            { header: 'typ', path: 'kind', kind: { enum: PART_KINDS }, note: 'stat, region eller kommun.' },
            ALIASES,
            {
                header: 'betalar statens andel',
                path: 'paysStateShare',
                kind: 'bool',
                note: 'ja för den statliga part som betalar statens hela andel (Försäkringskassan).',
            },
            NOTE,
        ],
    },
    {
        type: 'table',
        name: 'Organ',
        about: 'Styrelsen, beredningsgruppen och styrgrupperna: platser per part och hur ofta de möts.',
        rows: { at: 'list', path: 'bodies' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Organets id') },
            {
                header: 'typ',
                path: 'kind',
                kind: { enum: BODY_KINDS },
                note: 'styrelse, beredningsgrupp eller styrgrupp.',
            },
            { header: 'namn', path: 'name', kind: 'text', note: 'T.ex. "Styrelsen".', width: 24 },
            ALIASES,
            {
                header: 'insats',
                path: 'insatsId',
                kind: 'text',
                note: 'Insatsens id (bladet Insatser) för en styrgrupp.',
            },
            {
                header: 'mötesfrekvens',
                path: 'cadence.text',
                kind: 'text',
                note: 'Som planen säger det, t.ex. "en gång i månaden".',
            },
            {
                header: 'dagar mellan möten',
                path: 'cadence.days',
                kind: 'int',
                note: 'Ungefärligt antal dagar mellan möten.',
            },
            {
                header: 'ledamöter per part',
                path: 'seatsPerPart.ledamot',
                kind: 'int',
                note: 'Antal ledamöter varje part utser.',
            },
            {
                header: 'ersättare per part',
                path: 'seatsPerPart.ersattare',
                kind: 'int',
                note: 'Antal ersättare varje part utser.',
            },
            {
                header: 'beslutar',
                path: 'decides',
                kind: 'bool',
                note: 'ja när organet fattar beslut (beslutsförhet, justering, §-nummer); tomt = ja för styrelsen, nej för beredningsgrupp och styrgrupper (minnesanteckningar).',
            },
            {
                header: 'distansdeltagande',
                path: 'meetingRules.distance',
                kind: 'bool',
                note: 'ja när reglementet låter ledamöter delta på distans (Teams-möte); tomt = nej.',
            },
            {
                header: 'justering utan beslutsförhet',
                path: 'meetingRules.quorumFailureJustering',
                kind: { enum: ['ordförande', 'ingen'] },
                note: 'Vem som justerar den korta anteckningen från ett möte som inte var beslutsmässigt; tomt = ordförande.',
            },
            {
                header: 'tjänstgör vid återkomst',
                path: 'meetingRules.returnAfterLeaving',
                kind: { enum: ['ledamot', 'ersättare'] },
                note: 'Vem som tjänstgör när en ledamot som gått under mötet kommer tillbaka medan ersättaren tjänstgör: ledamot (från den punkt ledamoten kommer tillbaka) eller ersättare (resten av mötet); tomt = ledamot.',
            },
            NOTE,
        ],
    },
    {
        type: 'table',
        name: 'Insatser',
        about: 'Insatserna förbundet finansierar.',
        rows: { at: 'list', path: 'insatser' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Insatsens id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Insatsens namn.', width: 24 },
            ALIASES,
            { header: 'ägare', path: 'owner', kind: 'text', note: 'Projektägare som planen anger den.', width: 28 },
            { header: 'ägarpart', path: 'ownerPartId', kind: 'text', note: 'Ägarens part-id (bladet Parter).' },
            {
                header: 'post',
                path: 'postId',
                kind: 'text',
                note: 'Budgetpostens id (bladet Budget) som finansierar insatsen.',
            },
            { header: 'beskrivning', path: 'description', kind: 'text', note: 'Vad insatsen gör.', width: 40 },
            {
                header: 'typ',
                path: 'type',
                kind: { enum: INSATS_TYPES },
                note: 'individinsats (deltagare räknas per kön i Uppföljning Finsam; standard) eller strukturinsats (deltagare per år).',
            },
        ],
    },
    {
        type: 'table',
        name: 'Indikatorer',
        about: 'Indikatorer per insats, med mål där planen sätter ett.',
        rows: {
            at: 'nested',
            parent: 'insatser',
            parentKey: 'id',
            child: 'indicators',
            parentSheet: 'Insatser',
            keyColumn: { header: 'insats', path: '', kind: 'text', note: 'Insatsens id (bladet Insatser).' },
        },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Indikatorns id') },
            { header: 'text', path: 'text', kind: 'text', note: 'Indikatorn med planens ord.', width: 40 },
            ALIASES,
            ...TARGET,
            NOTE,
        ],
    },
    {
        type: 'table',
        name: 'Budgetår',
        about: 'Ett budgetår per rad: status, enhet och tilldelade medel. Posterna står på bladet Budget.',
        rows: { at: 'list', path: 'years' },
        columns: [
            { header: 'år', path: 'year', kind: 'int', note: 'Budgetåret; åren ska komma i följd.' },
            {
                header: 'status',
                path: 'status',
                kind: { enum: STATUSES },
                note: 'förslag, preliminär eller fastställd.',
            },
            {
                header: 'statusnot',
                path: 'statusNote',
                kind: 'text',
                note: 'T.ex. vilket beslut som fastställde budgeten.',
                width: 30,
            },
            {
                header: 'enhet',
                path: 'unit',
                kind: { enum: UNITS },
                note: 'kr eller tkr: enheten för årets belopp på bladen Budget och Intäkter.',
            },
            {
                header: 'etikett för tilldelade medel',
                path: 'allottedLabel',
                kind: 'text',
                note: 'Raden som planen kallar tilldelade medel, t.ex. "Totala intäkter".',
            },
            {
                header: 'tilldelade medel',
                path: 'allotted',
                kind: 'amount',
                note: 'Lämna tomt när intäkterna per part står på bladet Intäkter (summan används).',
            },
        ],
    },
    {
        type: 'table',
        name: 'Intäkter',
        about: 'Varje parts bidrag per år, i årets enhet (bladet Budgetår).',
        rows: {
            at: 'nested',
            parent: 'years',
            parentKey: 'year',
            child: 'income',
            parentSheet: 'Budgetår',
            keyColumn: { header: 'år', path: '', kind: 'int', note: 'Budgetåret (bladet Budgetår).' },
        },
        columns: [
            { header: 'part', path: 'partId', kind: 'text', note: 'Partens id (bladet Parter).' },
            { header: 'etikett', path: 'label', kind: 'text', note: 'Raden som planen skriver den.', width: 30 },
            { header: 'belopp', path: 'amount', kind: 'amount', note: 'Heltal i årets enhet, utan minustecken.' },
        ],
    },
    {
        type: 'table',
        name: 'Budget',
        about: 'Budgetposterna (kostnader) per år, i årets enhet (bladet Budgetår).',
        rows: {
            at: 'nested',
            parent: 'years',
            parentKey: 'year',
            child: 'posts',
            parentSheet: 'Budgetår',
            keyColumn: { header: 'år', path: '', kind: 'int', note: 'Budgetåret (bladet Budgetår).' },
        },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Postens id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Postens namn i planen.', width: 30 },
            {
                header: 'belopp',
                path: 'amount',
                kind: 'amount',
                note: 'Kostnaden som heltal i årets enhet, utan minustecken.',
            },
            {
                header: 'kategori',
                path: 'category',
                kind: { enum: CATEGORIES },
                note: 'Vilket slags kostnad; administration räknas mot taket för administration.',
            },
            { header: 'grupp', path: 'group', kind: 'text', note: 'Rubrik i planens tabell, om någon.' },
            ALIASES,
            NOTE,
        ],
    },
    {
        type: 'fields',
        name: 'Eget kapital',
        about: 'Förbundets regler för eget kapital och administration. Ingående eget kapital står på bladet Tryckta belopp.',
        path: 'thresholds',
        keepEmpty: true,
        fields: [
            {
                header: 'tak för eget kapital',
                path: 'ekMaxShareOfAllotted',
                kind: 'share',
                note: 'Högsta eget kapital som andel av tilldelade medel, t.ex. 20 %.',
            },
            {
                header: 'tak för administration',
                path: 'adminMaxShareOfCosts',
                kind: 'share',
                note: 'Högsta andel administration av kostnaderna, t.ex. 15 %.',
            },
            {
                header: 'buffert',
                path: 'ekBuffer.amount.n',
                kind: 'amount',
                note: 'Lägsta eget kapital (buffert), om planen anger ett belopp.',
            },
            {
                header: 'buffertens enhet',
                path: 'ekBuffer.amount.unit',
                kind: { enum: ['kr', 'tkr'] },
                note: 'kr eller tkr.',
            },
            { header: 'bufferten cirka', path: 'ekBuffer.cirka', kind: 'bool', note: 'ja om planen skriver "cirka".' },
            {
                header: 'buffertens grund',
                path: 'ekBuffer.derivation',
                kind: 'text',
                note: 'Hur planen kommer fram till bufferten.',
            },
            { header: 'var i planen', path: 'where', kind: 'text', note: 'Avsnittet där reglerna står.' },
        ],
        toCells: (t) =>
            t.ekBuffer
                ? {
                      ...t,
                      ekBuffer: {
                          ...t.ekBuffer,
                          amount: printedToCells((t.ekBuffer as { amount: unknown }).amount),
                      },
                  }
                : t,
        fromCells: (t) =>
            t.ekBuffer
                ? {
                      ...t,
                      ekBuffer: {
                          ...t.ekBuffer,
                          amount: printedFromCells((t.ekBuffer as { amount: unknown }).amount),
                      },
                  }
                : t,
    },
    {
        type: 'table',
        name: 'Tryckta belopp',
        about: 'Summor och saldon som planen trycker; boten kontrollerar dem mot delarna. Ingående eget kapital för första året krävs.',
        rows: { at: 'list', path: 'claims' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Beloppets id, t.ex. "sum-costs-2026"') },
            {
                header: 'typ',
                path: 'kind',
                kind: { enum: CLAIM_KINDS, labels: CLAIM_LABELS },
                note: 'Vad beloppet är.',
                width: 26,
            },
            { header: 'år', path: 'year', kind: 'int', note: 'Året beloppet gäller.' },
            {
                header: 'belopp',
                path: 'value.n',
                kind: 'number',
                note: 'Beloppet som planen trycker det (heltal för kr och tkr).',
            },
            { header: 'enhet', path: 'value.unit', kind: { enum: VALUE_UNITS }, note: 'kr, tkr eller procent.' },
            { header: 'cirka', path: 'cirka', kind: 'bool', note: 'ja om planen skriver "cirka" eller "ca".' },
            { header: 'var i planen', path: 'where', kind: 'text', note: 'Sida, tabell, rad och kolumn.', width: 40 },
            { header: 'citat', path: 'quote', kind: 'text', note: 'Planens ord, om de behövs.' },
            NOTE,
        ],
        toCells: (c) => ({ ...c, value: printedToCells(c.value) }),
        fromCells: (c) => ({ ...c, value: printedFromCells(c.value) }),
    },
    {
        type: 'table',
        name: 'Bokslut',
        about: 'Årets faktiska resultat och utgående eget kapital efter bokslutet (utfall); prognosen räknas vidare från det.',
        rows: { at: 'list', path: 'bokslut' },
        optional: true,
        columns: [
            { header: 'år', path: 'year', kind: 'int', note: 'Året som bokslutet gäller.' },
            {
                header: 'resultat',
                path: 'result.n',
                kind: 'number',
                note: 'Årets resultat enligt bokslutet (negativt vid underskott).',
            },
            {
                header: 'utgående eget kapital',
                path: 'closing.n',
                kind: 'amount',
                note: 'Eget kapital vid årets slut enligt bokslutet.',
            },
            { header: 'enhet', path: 'unit', kind: { enum: ['kr', 'tkr'] }, note: 'kr eller tkr, för båda beloppen.' },
            {
                header: 'källa',
                path: 'where',
                kind: 'text',
                note: 'T.ex. "Årsredovisning 2025, resultaträkningen".',
                width: 36,
            },
            NOTE,
        ],
        toCells: (b) => {
            const { n: result, unit } = printedToCells(b.result);
            return { ...b, result: { n: result }, closing: { n: printedToCells(b.closing).n }, unit };
        },
        fromCells: ({ unit, result, closing, ...b }) => ({
            ...b,
            ...(result !== undefined && { result: printedFromCells({ ...(result as object), unit: unit ?? 'kr' }) }),
            ...(closing !== undefined && { closing: printedFromCells({ ...(closing as object), unit: unit ?? 'kr' }) }),
        }),
    },
    {
        type: 'table',
        name: 'Mål',
        about: 'Målområdena.',
        rows: { at: 'list', path: 'goals.malomraden' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Målområdets id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Målområdets namn.', width: 30 },
            ALIASES,
            { header: 'text', path: 'text', kind: 'text', note: 'Planens beskrivning.', width: 40 },
            { header: 'period', path: 'period', kind: 'text', note: 'T.ex. "2026–2027".' },
            {
                header: 'aktiviteter',
                path: 'activities',
                kind: 'lines',
                note: 'Planens punktlista, en punkt per rad i cellen (Alt+Enter).',
                width: 40,
            },
        ],
    },
    {
        type: 'table',
        name: 'Verksamhetsmål',
        about: 'Verksamhetsmålen, var och ett under ett målområde.',
        rows: { at: 'list', path: 'goals.verksamhetsmal' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Målets id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Målets namn.', width: 30 },
            ALIASES,
            { header: 'målområde', path: 'malomradeId', kind: 'text', note: 'Målområdets id (bladet Mål).' },
            { header: 'text', path: 'text', kind: 'text', note: 'Planens beskrivning.', width: 40 },
        ],
    },
    {
        type: 'table',
        name: 'Mätpunkter',
        about: 'Mätpunkterna: vad som mäts och målet.',
        rows: { at: 'list', path: 'goals.matpunkter' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Mätpunktens id') },
            { header: 'text', path: 'text', kind: 'text', note: 'Mätpunkten med planens ord.', width: 40 },
            ALIASES,
            ...TARGET,
            {
                header: 'verksamhetsmål',
                path: 'verksamhetsmalId',
                kind: 'text',
                note: 'Verksamhetsmålets id (bladet Verksamhetsmål).',
            },
            {
                header: 'insats',
                path: 'insatsId',
                kind: 'text',
                note: 'Insatsens id (bladet Insatser), om mätpunkten gäller en insats.',
            },
            {
                header: 'regel',
                path: 'threshold',
                kind: { enum: THRESHOLD_KEYS, labels: THRESHOLD_LABELS },
                note: 'Om mätpunkten upprepar en regel på bladet Eget kapital.',
            },
        ],
    },
    {
        type: 'table',
        name: 'Nyckeltal',
        about: 'Gemensamma nyckeltal som styrelsen följer.',
        rows: { at: 'list', path: 'goals.nyckeltal' },
        columns: [
            { header: 'id', path: 'id', kind: 'text', note: slugNote('Nyckeltalets id') },
            { header: 'namn', path: 'name', kind: 'text', note: 'Nyckeltalets namn.', width: 30 },
            ALIASES,
            { header: 'mått', path: 'measure', kind: { enum: ['procent', 'tid'] }, note: 'procent eller tid.' },
            { header: 'beslutat av', path: 'decidedBy', kind: 'text', note: 'Vem som beslutade nyckeltalet.' },
            {
                header: 'definition',
                path: 'definition',
                kind: 'text',
                note: 'Vad talet betyder, med beslutets eller planens ord.',
                width: 40,
            },
            {
                header: 'andel av avslutade till',
                path: 'report.share',
                kind: 'list',
                note: `Räknas ur månadsrapporterna som andelen avslutade till dessa utfall, åtskilda med semikolon: ${REPORT_OUTCOMES.join('; ')}. Lämna tomt om talet inte räknas så.`,
                width: 24,
            },
            {
                header: 'medel av dagar',
                path: 'report.meanDays',
                kind: { enum: ['dagar', 'dagarFore'] },
                note: 'Räknas som medelvärdet av rapporternas dagar i insatsen (dagar) eller före insatsen (dagarFore).',
            },
        ],
    },
    {
        type: 'table',
        name: 'Kontoplan',
        about: 'Vilka konton (och objekt) i bokföringen som hör till vilken budgetpost, för utfall ur SIE-filer. Reglerna prövas uppifrån; den första som passar gäller.',
        rows: { at: 'list', path: 'utfall.mapping' },
        optional: true,
        columns: [
            {
                header: 'konton',
                path: 'konton',
                kind: 'text',
                note: 'Ett konto ("4010") eller ett intervall ("4000-4999", båda ändar med).',
            },
            {
                header: 'objekt',
                path: 'objekt',
                kind: 'text',
                note: 'Dimension:objekt, t.ex. "1:20" för kostnadsställe 20; tomt = alla.',
            },
            {
                header: 'post',
                path: 'post',
                kind: 'text',
                note: 'Budgetpostens id (bladet Budget); tomt för intäkter.',
            },
            {
                header: 'intäkt',
                path: 'intakt',
                kind: 'bool',
                note: 'ja när kontona är årets intäkter (inte en post).',
            },
        ],
    },
    {
        type: 'fields',
        name: 'Utfall',
        about: 'Inställningar för utfall ur bokföringen. Lämna tomt för standardvärdet.',
        path: 'utfall',
        optional: true,
        fields: [
            {
                header: 'påminn dag',
                path: 'dueDay',
                kind: 'int',
                note: 'Dag i månaden (1–28) då förra månadens utfall ska vara inläst; tomt = ingen påminnelse.',
            },
            {
                header: 'tolerans',
                path: 'tolerance',
                kind: 'share',
                note: 'Hur långt från budget en prognos får ligga innan den kallas över eller under budget (standard 5 %).',
            },
            {
                header: 'ackumulerat',
                path: 'cumulative',
                kind: 'bool',
                note: 'ja när bokföringen exporterar belopp hittills i år i stället för per månad.',
            },
        ],
    },
    {
        type: 'fields',
        name: 'Kalender',
        about: 'Datum och påminnelser. Lämna tomt för standardvärdet.',
        path: 'calendar',
        fields: [
            {
                header: 'samråd senast',
                path: 'samradBy',
                kind: 'mmdd',
                note: 'Dag (MM-DD) då samrådet om budgeten ska vara klart.',
            },
            { header: 'delårsrapport', path: 'delarsrapport', kind: 'mmdd', note: 'Dag (MM-DD) för delårsrapporten.' },
            {
                header: 'indikatorer',
                path: 'indikatorer',
                kind: 'mmdd',
                note: 'Dag (MM-DD) då indikatorerna rapporteras.',
            },
            {
                header: 'Uppföljning Finsam',
                path: 'uppfoljningFinsam',
                kind: 'mmdd',
                note: 'Dag (MM-DD) för den årliga rapporteringen i Uppföljning Finsam.',
            },
            {
                header: 'rapportdag',
                path: 'reportDay',
                kind: 'int',
                note: 'Dag i månaden (1–28) då månadsrapporten ska vara inne.',
            },
            {
                header: 'påminn dagar före',
                path: 'leadDays',
                kind: 'intList',
                note: 'Dagar före en tidsfrist, t.ex. "14; 7; 1".',
            },
            {
                header: 'påminn rapport dagar före',
                path: 'reportLeadDays',
                kind: 'intList',
                note: 'Dagar före rapportdagen.',
            },
            {
                header: 'påminn möte dagar före',
                path: 'meetingLeadDays',
                kind: 'intList',
                note: 'Dagar före ett möte.',
            },
            {
                header: 'kallelse dagar före',
                path: 'kallelseDaysBefore',
                kind: 'int',
                note: 'Dagar före mötet då kallelsen går ut.',
            },
            {
                header: 'protokoll dagar efter',
                path: 'protokollDaysAfter',
                kind: 'int',
                note: 'Dagar efter mötet då protokollet ska vara justerat.',
            },
            { header: 'skickas klockan', path: 'sendHour', kind: 'int', note: 'Timme (0–23) då påminnelser skickas.' },
            {
                header: 'respitdagar',
                path: 'graceDays',
                kind: 'int',
                note: 'Dagar efter en frist som påminnelser fortsätter.',
            },
        ],
        optional: true,
    },
    {
        type: 'table',
        name: 'Roster',
        about: 'Personerna och deras roller, en roll per rad; en person med flera roller står på flera rader med samma id.',
        rows: { at: 'roster' },
        columns: [
            { header: 'id', path: 'slug', kind: 'text', note: slugNote('Personens id, t.ex. "kim-exempel"') },
            { header: 'namn', path: 'name', kind: 'text', note: 'För- och efternamn.', width: 24 },
            {
                header: 'e-post',
                path: 'email',
                kind: 'text',
                note: 'Adressen personen har i Teams; så känner boten igen personen.',
                width: 30,
            },
            { header: 'påhittad', path: 'sample', kind: 'bool', note: 'ja för påhittade exempelpersoner.' },
            {
                header: 'roll',
                path: 'role.role',
                kind: { enum: ROSTER_ROLES },
                note: 'Rollen; ledamot och ersättare kräver part, projektägare och styrgrupp kräver insats.',
            },
            { header: 'part', path: 'role.partId', kind: 'text', note: 'Partens id (bladet Parter).' },
            { header: 'insats', path: 'role.insatsId', kind: 'text', note: 'Insatsens id (bladet Insatser).' },
            {
                header: 'från',
                path: 'role.from',
                kind: 'day',
                note: 'Första dagen i rollen (åååå-mm-dd), t.ex. 2027-01-01 för en ny mandatperiod; tomt = redan nu.',
            },
            {
                header: 'till',
                path: 'role.to',
                kind: 'day',
                note: 'Sista dagen i rollen (åååå-mm-dd), t.ex. 2030-12-31; tomt = tills vidare.',
            },
        ],
    },
];

export const sheetByName = new Map(SHEETS.map((s) => [s.name, s]));

/**
 * Objects the schema makes optional whose sheets may be left empty: a workbook that fills none of their cells (an
 * empty Kontoplan and Utfall) means the object is absent, not present and empty.
 */
export const OPTIONAL_OBJECTS = ['utfall'] as const;
