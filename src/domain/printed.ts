// Looks up what the plan prints for a quantity (claim kind + year), across duplicate printings.
import { isAmount } from './amount';
import type { Amount, ClaimKind, Forbund, PrintedClaim } from './schema';

/** A printed figure: the value to use, whether any printing of it says "cirka", and its claims. */
export type PrintedFigure = { value: Amount; cirka: boolean; primary: PrintedClaim; claims: PrintedClaim[] };

/** Every claim of a kind and year, in file order. */
export function claimsOf(f: Forbund, kind: ClaimKind, year: number): PrintedClaim[] {
    return f.claims.filter((c) => c.kind === kind && c.year === year);
}

/** The printed amount for a quantity; a printing without "cirka" is preferred as the value. */
export function printedAmount(f: Forbund, kind: ClaimKind, year: number): PrintedFigure | undefined {
    const claims = claimsOf(f, kind, year).filter((c) => isAmount(c.value));
    const primary = claims.find((c) => !c.cirka) ?? claims[0];
    if (!primary || !isAmount(primary.value)) return undefined;
    return { value: primary.value, cirka: claims.some((c) => c.cirka), primary, claims };
}
