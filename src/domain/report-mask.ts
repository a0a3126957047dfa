// Small-count protection for shared conversations: counts under 5 are shown as "< 5", shares of them not at all.

/** Counts below this are hidden where the audience is wider than the insats's own people. */
export const SMALL_COUNT = 5;

/** A count as shown: `"< 5"` when masking and under the limit, else the number. */
export function maskCount(n: number, masked: boolean): string {
    return masked && n < SMALL_COUNT ? `< ${SMALL_COUNT}` : String(n);
}

/** Whether a share may be shown: never when masking and its numerator or denominator is a small count. */
export function shareVisible(count: number, of: number, masked: boolean): boolean {
    return !masked || (count >= SMALL_COUNT && of >= SMALL_COUNT && of - count >= SMALL_COUNT);
}
