// The small-count limit for what shared conversations may see of the monthly reports.

/** Counts below this are hidden where the audience is wider than the insats's own people. */
export const SMALL_COUNT = 5;
