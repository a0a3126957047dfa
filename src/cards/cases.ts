// Names sample cards for looking at: `<template>-<n>` per template, and which templates have no sample yet.
import { CARD_NAMES, type CardName, type CardSpec } from './templates';

/** One template expanded with one sample; `name` is `<template>-<n>` with n counted from 1. */
export type CardCase = { template: CardName; name: string; spec: CardSpec };

/** The samples numbered per template (in the order given), plus every template without a sample. */
export function numberCases(specs: CardSpec[]): { cases: CardCase[]; withoutData: CardName[] } {
    const seen = new Map<CardName, number>();
    const cases = specs.map((spec) => {
        const n = (seen.get(spec.template) ?? 0) + 1;
        seen.set(spec.template, n);
        return { template: spec.template, name: `${spec.template}-${n}`, spec };
    });
    cases.sort((a, b) => a.template.localeCompare(b.template) || a.name.localeCompare(b.name, 'en', { numeric: true }));
    return { cases, withoutData: CARD_NAMES.filter((t) => !seen.has(t)) };
}
