// A refused workbook's issues for an English reader. The reader and the guard write their reasons in Swedish (the
// language of the CLI and of the workbook itself); this turns each known reason shape into English and leaves the
// quoted values, sheet and column names as they are. A reason with no entry here stays Swedish rather than guessed.
import type { WorkbookIssue } from './errors';

type Lang = 'sv' | 'en';

const ENGLISH: [RegExp, string][] = [
    [/^bladet ”(.+)” saknas i arbetsboken$/, 'the sheet “$1” is missing from the workbook'],
    [/^kolumnen ”(.+)” saknas$/, 'the column “$1” is missing'],
    [/^okänd kolumn ”(.+)”; kolumnerna är: (.*)$/, 'unknown column “$1”; the columns are: $2'],
    [/^okänd uppgift ”(.+)”; uppgifterna är: (.*)$/, 'unknown field “$1”; the fields are: $2'],
    [/^(.+) är inte ett belopp i hela kronor$/, '$1 is not an amount in whole kronor'],
    [/^(.+) är inte ett belopp$/, '$1 is not an amount'],
    [/^(.+) är inte ett tal i hela tal$/, '$1 is not a whole number'],
    [/^(.+) är inte ett tal$/, '$1 is not a number'],
    [/^(.+) är inte en andel \(t\.ex\. 20 %\)$/, '$1 is not a share (e.g. 20 %)'],
    [/^(.+) ska vara ja eller nej$/, '$1 must be ja (yes) or nej (no)'],
    [/^(.+) är inte ett datum \(åååå-mm-dd\)$/, '$1 is not a date (yyyy-mm-dd)'],
    [/^(.+) är inte en dag \(MM-DD, t\.ex\. 11-30\)$/, '$1 is not a day (MM-DD, e.g. 11-30)'],
    [/^(.+) är inte heltal åtskilda med semikolon$/, '$1 is not whole numbers separated by semicolons'],
    [/^(.+) är inte heltal$/, '$1 is not a whole number'],
    [/^(.+) är inte ett av: (.*)$/, '$1 is not one of: $2'],
    [/^(.+) är ingen e-postadress$/, '$1 is not an e-mail address'],
    [/^är ingen e-postadress$/, 'is not an e-mail address'],
    [/^saknas$/, 'missing'],
    [/^id saknas$/, 'the id is missing'],
    [/^namn saknas$/, 'the name is missing'],
    [/^(.+) saknas$/, '$1 is missing'],
    [/^(.+) ”(.+)” finns inte på bladet (.+)$/, '$1 “$2” is not on the sheet $3'],
    [/^år ”(.+)” finns inte på bladet (.+)$/, 'year “$1” is not on the sheet $2'],
    [/^okänd part "(.+)"$|^okänd part ”(.+)”$/, 'unknown part “$1$2”'],
    [/^okänd insats ”(.+)”$/, 'unknown insats “$1”'],
    [/^en påhittad person har ingen mandatperiod$/, 'an invented person has no mandate period'],
    [/^till är före från$/, '“to” is before “from”'],
    [/^minst (\d+) rad behövs$/, 'at least $1 row is needed'],
    [/^får inte vara tom$/, 'must not be empty'],
    [/^ska vara minst (\S+)$/, 'must be at least $1'],
    [/^ska vara högst (\S+)$/, 'must be at most $1'],
    [/^ska vara ett heltal$/, 'must be a whole number'],
    [/^okända fält: (.*)$/, 'unknown fields: $1'],
    [/^tryckt (\S+) (\d{4}) är (.+), men delarna (.*) ger (.+)$/, 'the printed $1 $2 is $3, but the parts $4 give $5'],
    [
        /^arbetsböcker med makron \(\.xlsm\) tas inte emot; spara som Excel-arbetsbok \(\.xlsx\)$/,
        'workbooks with macros (.xlsm) are not accepted; save as an Excel workbook (.xlsx)',
    ],
    [/^filen är (.+), mer än de (.+) en arbetsbok får vara$/, 'the file is $1, more than the $2 a workbook may be'],
    [
        /^arbetsboken är krypterad \(lösenordsskyddad\) eller i det gamla \.xls-formatet; spara den som \.xlsx utan lösenord$/,
        'the workbook is encrypted (password protected) or in the old .xls format; save it as .xlsx without a password',
    ],
    [
        /^arbetsboken är krypterad; spara den som \.xlsx utan lösenord$/,
        'the workbook is encrypted; save it as .xlsx without a password',
    ],
    [/^filen är ingen Excel-arbetsbok \(\.xlsx\)$/, 'the file is not an Excel workbook (.xlsx)'],
    [/^arbetsboken har (\d+) delar, fler än (\d+)$/, 'the workbook has $1 parts, more than $2'],
    [
        /^arbetsboken innehåller makron \(vbaProject\); spara som Excel-arbetsbok \(\.xlsx\) utan makron$/,
        'the workbook contains macros (vbaProject); save it as an Excel workbook (.xlsx) without macros',
    ],
    [
        /^arbetsboken är makroaktiverad; spara som Excel-arbetsbok \(\.xlsx\)$/,
        'the workbook is macro-enabled; save it as an Excel workbook (.xlsx)',
    ],
    [
        /^arbetsboken packas upp till mer än (.+) \(en zip-bomb\?\) och öppnas inte$/,
        'the workbook unpacks to more than $1 (a zip bomb?) and is not opened',
    ],
    [
        /^arbetsboken packas upp till (.+), mer än (.+) \(en zip-bomb\?\) och öppnas inte$/,
        'the workbook unpacks to $1, more than $2 (a zip bomb?) and is not opened',
    ],
    [/^delen (.+) i arbetsboken är skadad$/, 'the part $1 of the workbook is damaged'],
    [/^arbetsboken tog för lång tid att läsa och öppnas inte$/, 'the workbook took too long to read and is not opened'],
    [
        /^arbetsboken kräver mer minne än tillåtet att läsa och öppnas inte$/,
        'the workbook needs more memory than allowed to read and is not opened',
    ],
    [/^arbetsboken kunde inte läsas$/, 'the workbook could not be read'],
    [/^kan inte läsas som \.xlsx \((.*)\)$/, 'cannot be read as .xlsx ($1)'],
    [
        /^tilldelade medel saknas \(och inga intäkter per part\)$/,
        'the allotted funds are missing (and no income per part)',
    ],
    [/^avviker från summan av intäkterna \((.*)\)$/, 'differs from the sum of the income lines ($1)'],
];

const english = (reason: string) => {
    const hit = ENGLISH.find(([re]) => re.test(reason));
    return hit ? reason.replace(hit[0], hit[1]) : reason;
};

/** One issue as a line for the reader: "Budget!D2: ”tre” är inte ett belopp" or its English. */
export function issueLine(i: WorkbookIssue, lang: Lang): string {
    if (lang !== 'en') return `${i.where}: ${i.reason}`;
    return `${i.where === 'arbetsboken' ? 'the workbook' : i.where}: ${english(i.reason)}`;
}
