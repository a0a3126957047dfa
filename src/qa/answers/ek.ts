// Eget kapital answers: the forecast table and chart, one year, share of allotted funds, rules, buffer, findings.
import { ekForecast, type EkYear, type Forbund } from '../../domain';
import type { Answer, Question } from '../types';
import { factsAnswer, inUnit, money, notStated, rulePct, pctValue, resolveYears, say } from './common';

import { diffText, ekLine, forecastAnswer } from './ek-lines';
import { answerRule } from './rule';

/** Answers an eget kapital question. */
export function answerEk(f: Forbund, q: Question, now: Date): Answer {
    const c = (k: Parameters<Question['concepts']['has']>[0]) => q.concepts.has(k);
    const forecast = ekForecast(f);
    const first = forecast[0];
    const verdictAsked = c('verdict') || (c('check') && c('ceiling'));
    if (verdictAsked && (q.years.kind === 'none' || q.years.kind === 'explicit')) return answerRule(f, q, now);
    if (c('buffer') && !verdictAsked) {
        const b = f.thresholds.ekBuffer;
        if (!b) return notStated(f, q, say(q.lang, 'någon buffert för eget kapital', 'an equity buffer'));
        return factsAnswer(
            f,
            q,
            { kind: 'number', ...inUnit(b.amount) },
            say(q.lang, 'Buffert för eget kapital', 'Equity buffer'),
            [`${b.cirka ? say(q.lang, 'Cirka ', 'About ') : ''}**${money(b.amount)}**. ${b.derivation}`],
        );
    }
    if (c('ceiling') && !c('verdict')) {
        const ceiling = f.thresholds.ekMaxShareOfAllotted;
        if (ceiling === undefined)
            return notStated(f, q, say(q.lang, 'något tak för eget kapital', 'a ceiling for equity'));
        return factsAnswer(
            f,
            q,
            { kind: 'number', value: pctValue(ceiling), unit: '%' },
            say(q.lang, 'Tak för eget kapital', 'Equity ceiling'),
            [
                say(
                    q.lang,
                    `Eget kapital ska inte överstiga **${rulePct(ceiling)}** av tilldelade medel.`,
                    `Equity should not exceed **${rulePct(ceiling)}** of allotted funds.`,
                ),
            ],
        );
    }
    const y = q.years;
    if (y.kind === 'explicit' && y.years.length === 1 && y.years[0] === first.year - 1) {
        return one(f, q, first, 'opening');
    }
    const allYears = y.kind === 'all' || (y.kind === 'none' && (c('forecast') || c('diff') || c('negative')));
    if (allYears && c('negative')) {
        const neg = forecast.filter((e) => e.closing.kr < 0);
        return {
            ...forecastAnswer(f, q, forecast, 'finding'),
            ...(neg[0] && { value: inUnit(neg[0].closing).value, unit: inUnit(neg[0].closing).unit }),
        };
    }
    if (allYears && c('diff'))
        return forecastAnswer(
            f,
            q,
            forecast.filter((e) => e.difference?.kr),
            'finding',
        );
    if (allYears) return forecastAnswer(f, q, forecast);
    const years = resolveYears(f, q, now, false);
    if (!Array.isArray(years)) return years;
    const picked = forecast.filter((e) => years.includes(e.year));
    if (picked.length !== 1) return forecastAnswer(f, q, picked);
    const e = picked[0];
    if (c('diff')) {
        const d = e.difference ?? { kr: 0, unit: e.closing.unit };
        return factsAnswer(
            f,
            q,
            { kind: 'finding', ...inUnit(d) },
            say(q.lang, `Eget kapital ${e.year}: tryckt mot beräknat`, `Equity ${e.year}: printed vs computed`),
            [
                diffText(q, e) ??
                    say(
                        q.lang,
                        `Planen trycker inget avvikande belopp för ${e.year}: ${ekLine(f, q, e)}`,
                        `No printed figure differs for ${e.year}: ${ekLine(f, q, e)}`,
                    ),
            ],
        );
    }
    if (c('verdict') || c('ceiling') || c('negative')) {
        const v = c('negative') ? inUnit(e.closing) : { value: pctValue(e.shareOfAllotted), unit: '%' as const };
        return factsAnswer(f, q, { kind: 'finding', ...v }, say(q.lang, `Eget kapital ${e.year}`, `Equity ${e.year}`), [
            ekLine(f, q, e),
        ]);
    }
    if (c('share') || c('percent')) {
        return factsAnswer(
            f,
            q,
            { kind: 'number', value: pctValue(e.shareOfAllotted), unit: '%' },
            say(q.lang, `Eget kapital ${e.year} som andel`, `Equity ${e.year} as a share`),
            [ekLine(f, q, e)],
        );
    }
    return one(f, q, e, c('opening') ? 'opening' : 'closing');
}

function one(f: Forbund, q: Question, e: EkYear, which: 'opening' | 'closing'): Answer {
    if (which === 'closing')
        return factsAnswer(
            f,
            q,
            { kind: 'number', ...inUnit(e.closing) },
            say(q.lang, `Eget kapital vid slutet av ${e.year}`, `Equity at the end of ${e.year}`),
            [ekLine(f, q, e)],
        );
    const printed = e.openingBasis === 'printed';
    const how =
        e.openingBasis === 'utfall'
            ? say(q.lang, `utfall ${e.year - 1}`, `actual ${e.year - 1} (utfall)`)
            : printed
              ? say(
                    q.lang,
                    e.openingCirka ? 'tryckt, cirka' : 'tryckt i planen',
                    e.openingCirka ? 'printed, approx.' : 'printed',
                )
              : say(q.lang, 'beräknat', 'computed');
    return factsAnswer(
        f,
        q,
        { kind: 'number', ...inUnit(e.opening) },
        say(q.lang, `Ingående eget kapital ${e.year}`, `Opening equity ${e.year}`),
        [
            say(
                q.lang,
                `Vid ingången av ${e.year} (= utgången av ${e.year - 1}): **${money(e.opening)}** (${how}).`,
                `At the start of ${e.year} (= end of ${e.year - 1}): **${money(e.opening)}** (${how}).`,
            ),
        ],
    );
}
