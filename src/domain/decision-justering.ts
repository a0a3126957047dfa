// Justering of a protokoll: the ordförande and the justerare justera the current version; a change request sends it back.

export type JusteringAction = 'justerat' | 'ändring';
export type JusteringEvent = { version: number; personId: number; action: JusteringAction; comment?: string };

export type JusteringStatus = 'justeras' | 'ändring-begärd' | 'justerat';
export type JusteringState = {
    status: JusteringStatus;
    version: number;
    /** Justerare who justerat the current version. */
    done: number[];
    /** Justerare still to justera the current version. */
    pending: number[];
    /** Change requests against the current version, in order. */
    requests: { personId: number; comment: string }[];
};

/**
 * The state of justering for the protokoll's current version: events on older versions no longer count (after an
 * edit justering starts over). Final once every justerare justerat the current version with no change requested.
 */
export function justeringState(
    justerare: readonly number[],
    version: number,
    events: readonly JusteringEvent[],
): JusteringState {
    const current = events.filter((e) => e.version === version && justerare.includes(e.personId));
    const requests = current
        .filter((e) => e.action === 'ändring')
        .map((e) => ({ personId: e.personId, comment: e.comment ?? '' }));
    const done = justerare.filter((id) => current.some((e) => e.personId === id && e.action === 'justerat'));
    const pending = justerare.filter((id) => !done.includes(id));
    // No signers (a record the förbund's rules exempt from justering) is final at once.
    const status: JusteringStatus = requests.length ? 'ändring-begärd' : pending.length === 0 ? 'justerat' : 'justeras';
    return { status, version, done, pending, requests };
}

export type JusteringRefusal = 'not-justerare' | 'already' | 'final' | 'change-requested';

/** Whether `personId` may justera (or ask for a change to) the current version. */
export function mayJustera(
    s: JusteringState,
    justerare: readonly number[],
    personId: number,
    action: JusteringAction,
): { ok: true } | { ok: false; reason: JusteringRefusal } {
    if (s.status === 'justerat') return { ok: false, reason: 'final' };
    if (!justerare.includes(personId)) return { ok: false, reason: 'not-justerare' };
    if (s.status === 'ändring-begärd' && action === 'justerat') return { ok: false, reason: 'change-requested' };
    if (action === 'justerat' && s.done.includes(personId)) return { ok: false, reason: 'already' };
    return { ok: true };
}

/** The chef edits the text only after a change request; a justerat protokoll is never edited. */
export const mayEdit = (s: JusteringState) => s.status === 'ändring-begärd';
