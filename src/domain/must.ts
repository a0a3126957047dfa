// Narrowing for values an invariant guarantees, so a broken invariant fails loudly with a name instead of as `undefined`.

/** Thrown when a value the code's own invariants guarantee is missing. */
export class InvariantError extends Error {
    override readonly name = 'InvariantError';
}

/** `value`, or an InvariantError naming `what` when it is null or undefined. */
export function must<T>(value: T | null | undefined, what: string): T {
    if (value === null || value === undefined) throw new InvariantError(`Invariant broken: no ${what}`);
    return value;
}

/** The entry for `key`, or an InvariantError naming `what` when the map has none. */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
    if (!map.has(key)) throw new InvariantError(`Invariant broken: no ${what} for ${String(key)}`);
    return map.get(key) as V;
}
