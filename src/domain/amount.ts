// Arithmetic on Amounts: integer kronor that keep the coarsest unit they can honestly be shown in.
import type { Amount, ClaimValue, Unit } from './schema';

/** An amount of `kr` kronor to be shown in `unit`. */
export function amount(kr: number, unit: Unit): Amount {
    return { kr, unit };
}

/** A result is only as precise as its most precise input shows: any kr input makes it kr. */
function unitOf(parts: readonly Amount[], fallback: Unit): Unit {
    if (parts.length === 0) return fallback;
    return parts.every((p) => p.unit === 'tkr') ? 'tkr' : 'kr';
}

/** Sum of amounts; an empty list gives 0 in `fallback`. */
export function sum(parts: readonly Amount[], fallback: Unit = 'kr'): Amount {
    return { kr: parts.reduce((s, p) => s + p.kr, 0), unit: unitOf(parts, fallback) };
}

/** a − b. */
export function minus(a: Amount, b: Amount): Amount {
    return { kr: a.kr - b.kr, unit: unitOf([a, b], a.unit) };
}

/** a × factor, rounded to whole kronor (and whole tkr for a tkr amount). */
export function times(a: Amount, factor: number): Amount {
    const step = a.unit === 'tkr' ? 1000 : 1;
    return { kr: Math.round((a.kr * factor) / step) * step, unit: a.unit };
}

/** Rounds an amount to the precision of `unit` (tkr → nearest thousand). */
export function roundTo(a: Amount, unit: Unit): Amount {
    return unit === 'tkr' ? { kr: Math.round(a.kr / 1000) * 1000, unit } : { kr: a.kr, unit };
}

/** Tells an amount from a printed percentage. */
export function isAmount(v: ClaimValue): v is Amount {
    return 'kr' in v;
}
