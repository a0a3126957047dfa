// Serves a meeting as a calendar invitation (.ics) at the bot's signed download URL /files/ics/<meeting id>.
import type { BotDeps } from '../deps';
import { createEvent } from 'ics';
import type { Download } from '../../http/downloads';
import { loadState } from '../meeting/state';
import { formatWhen } from '../meeting/words';

/** The .ics for a meeting, or undefined when there is no such meeting. Times are UTC instants (no floating time). */
export function meetingIcs(ad: BotDeps, id: string): Download | undefined {
    if (!/^\d{1,12}$/.test(id)) return undefined;
    const st = loadState(ad, Number(id));
    if (!st) return undefined;
    const { meeting: m, body, f } = st;
    const { error, value } = createEvent({
        uid: `meeting-${m.id}-${f.id}@finsam-bot`,
        sequence: m.version,
        productId: 'finsam-bot',
        title: `${body.name}, ${f.shortName}`,
        start: m.startsAt.getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { minutes: m.durationMinutes },
        location: m.place ?? (m.onlineUrl ? 'Microsoft Teams' : undefined),
        url: m.onlineUrl,
        status: m.status === 'inställd' ? 'CANCELLED' : 'CONFIRMED',
        description: [
            `${body.name}, ${formatWhen(m.startsAt, 'sv')} (svensk tid)`,
            '',
            'Dagordning:',
            ...st.items.map((it) => `${it.number}. ${it.title}`),
        ].join('\n'),
    });
    if (error || !value) {
        ad.log.warn('ics not built', { meetingId: m.id, error: error?.message });
        return undefined;
    }
    const day = m.startsAt.toISOString().slice(0, 10);
    return { contentType: 'text/calendar; charset=utf-8', filename: `${body.id}-${day}.ics`, body: value };
}
