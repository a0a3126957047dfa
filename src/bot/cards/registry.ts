// The one registry of card verbs, reads and writes: registerAction and registerView add to it, the tests walk it.
export type VerbKind = 'read' | 'write';

/** Every Action.Execute verb the bot answers with its kind; a verb is registered once. */
export function createVerbRegistry() {
    const verbs = new Map<string, VerbKind>();
    return {
        add(verb: string, kind: VerbKind): void {
            if (verbs.has(verb)) throw new Error(`card verb registered twice: ${verb}`);
            verbs.set(verb, kind);
        },
        /** Every verb and its kind, in registration order. */
        entries: (): [string, VerbKind][] => [...verbs],
        /** The verbs of one kind. */
        of: (kind: VerbKind): string[] => [...verbs].filter(([, k]) => k === kind).map(([verb]) => verb),
    };
}
export type VerbRegistry = ReturnType<typeof createVerbRegistry>;
