// "Kontrollera budgeten": every printed figure that does not match, and every rule breach, for all plan years.
import {
    findings,
    formatClaimValue,
    formatDifference,
    isAmount,
    ruleChecks,
    type ClaimKind,
    type Forbund,
    type RuleCheck,
} from '../../domain';
import type { Answer, Question } from '../types';
import { money, pct, rulePct, say, sourceLine, withSource } from './common';

const RULE_TEXT: Record<RuleCheck['rule'], [string, string]> = {
    'ek-tak': ['Eget kapital över taket', 'Equity above the ceiling'],
    'ek-buffert': ['Eget kapital under bufferten', 'Equity below the buffer'],
    'ek-negativt': ['Negativt eget kapital', 'Negative equity'],
    'admin-tak': ['Administration över taket', 'Administration above the ceiling'],
    'kostnader-över-intäkter': ['Kostnader över intäkter', 'Costs above income'],
    'lagens-fördelning': ['Avviker från lagens 50/25/25', "Deviates from the law's 50/25/25"],
};

const CLAIM_TEXT: Record<ClaimKind, [string, string]> = {
    'sum-income': ['Totala intäkter', 'Total income'],
    'sum-costs': ['Totala kostnader', 'Total costs'],
    resultat: ['Resultat', 'Result'],
    beslutsutrymme: ['Totalt ingående beslutsutrymme', 'Total decision space'],
    allotted: ['Tilldelade medel', 'Allotted funds'],
    'allotted-change': ['Förändring av tilldelade medel', 'Change in allotted funds'],
    'state-allocation': ['Statens tilldelning', 'State allocation'],
    'ek-opening': ['Ingående eget kapital', 'Opening equity'],
    'ek-closing': ['Utgående eget kapital', 'Closing equity'],
    'ek-share': ['Eget kapital som andel', 'Equity as a share'],
};

const show = (v: RuleCheck['actual'], rule = false) =>
    typeof v === 'number' ? (rule ? rulePct(v) : pct(v)) : money(v);

/** Lists the plan's findings and rule breaches; `kind: 'finding'` even when all is well (then it says so). */
export function answerCheck(f: Forbund, q: Question): Answer {
    const fs = findings(f);
    const breaches = ruleChecks(f).filter((r) => !r.passed);
    const findingLines = fs.map((x) => {
        const d = isAmount(x.difference) ? formatDifference(x.difference) : formatClaimValue(x.difference);
        const what = say(q.lang, ...CLAIM_TEXT[x.claim.kind]);
        return say(
            q.lang,
            `${what} ${x.claim.year}: tryckt ${formatClaimValue(x.claim.value)}, beräknat ${formatClaimValue(x.derived)} (skillnad ${d})${x.possiblyRounding ? ', möjligen avrundning' : ''} – ${x.claim.where}`,
            `${what} ${x.claim.year}: printed ${formatClaimValue(x.claim.value)}, computed ${formatClaimValue(x.derived)} (difference ${d})${x.possiblyRounding ? ', possibly rounding' : ''} – ${x.claim.where}`,
        );
    });
    const breachLines = breaches.map((r) => {
        const [sv, en] = RULE_TEXT[r.rule];
        const basis = r.basis
            ? ` (${r.basis === 'printed' ? say(q.lang, 'tryckt', 'printed') : r.basis === 'utfall' ? say(q.lang, 'utfall', 'actual') : say(q.lang, 'beräknat', 'computed')})`
            : '';
        const dev = r.deviation ? `, ${say(q.lang, 'avvikelse', 'deviation')} ${money(r.deviation)}` : '';
        return `${r.year}: ${say(q.lang, sv, en)} – ${show(r.actual)} ${say(q.lang, 'mot', 'vs')} ${show(r.limit, true)}${basis}${dev}`;
    });
    const title = say(q.lang, 'Kontroll av budgeten', 'Budget check');
    const none = say(
        q.lang,
        'Inga avvikelser och inga regelbrott hittades.',
        'No discrepancies and no rule breaches found.',
    );
    const lines = [
        `**${say(q.lang, 'Tryckta belopp som inte stämmer', 'Printed figures that do not add up')}** (${fs.length})`,
        ...findingLines.map((l) => `- ${l}`),
        `**${say(q.lang, 'Regelbrott', 'Rule breaches')}** (${breaches.length})`,
        ...breachLines.map((l) => `- ${l}`),
    ];
    const rows = [
        ...findingLines.map((l) => ({ label: say(q.lang, 'Avvikelse', 'Discrepancy'), value: l })),
        ...breachLines.map((l) => ({ label: say(q.lang, 'Regelbrott', 'Breach'), value: l })),
    ];
    return {
        kind: 'finding',
        values: [...fs.map((x) => formatClaimValue(x.difference)), ...breaches.map((r) => `${r.year} ${r.rule}`)],
        text: withSource(f, q.lang, [`**${title}**`, ...(rows.length ? lines : [none])]),
        card: {
            template: 'qa-facts',
            data: {
                title,
                text: rows.length ? '' : none,
                facts: rows.map((r) => ({ title: r.label, value: r.value })),
                source: sourceLine(f, q.lang),
            },
        },
    };
}
