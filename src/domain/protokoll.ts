// The protokoll model (stored as JSON per version) and its text sections, shared by the card, HTML and PDF.
import { z } from 'zod';
import { OUTCOMES, OUTCOME_LABELS } from './decisions';
import { formatDate } from './format';

const names = z.array(z.string());
const decision = z.object({
    id: z.number().int(),
    outcome: z.enum(OUTCOMES),
    text: z.string(),
    jav: names,
    reservationer: names,
    note: z.string().optional(),
    /** The § this decision amends (`§ 3/2025`). */
    amends: z.string().optional(),
});
const paragraph = z.object({
    itemId: z.number().int(),
    number: z.number().int(),
    ref: z.string(),
    title: z.string(),
    kind: z.string(),
    details: z.string().optional(),
    decision: decision.optional(),
});

export const protokollSchema = z.object({
    meetingId: z.number().int(),
    forbund: z.string(),
    body: z.string(),
    startsAt: z.string().datetime(),
    place: z.string().optional(),
    present: z.object({
        ledamoter: names,
        serving: names,
        attendingOnly: names,
        absent: names,
        others: names,
    }),
    justerare: z.array(z.object({ personId: z.number().int(), name: z.string() })),
    paragraphs: z.array(paragraph),
});
/** One version of a meeting's protokoll: närvaro, every § with its decision, and the justerare. */
export type Protokoll = z.output<typeof protokollSchema>;
export type Paragraph = Protokoll['paragraphs'][number];

export type Section = { title: string; lines: string[] };

/** The lines a paragraph shows: its decision (or the item's text), jäv, reservationer and protokollsanteckning. */
export function paragraphLines(p: Paragraph): string[] {
    const d = p.decision;
    if (!d) return p.details ? p.details.split('\n') : [];
    return [
        `Beslut (${OUTCOME_LABELS[d.outcome].sv.toLowerCase()}): ${d.text}`,
        ...(d.amends ? [`Beslutet ändrar ${d.amends}.`] : []),
        ...(d.jav.length ? [`Jäv: ${d.jav.join(', ')} deltog inte i handläggningen.`] : []),
        ...(d.reservationer.length ? [`Reservation: ${d.reservationer.join(', ')}.`] : []),
        ...(d.note ? [`Protokollsanteckning: ${d.note}`] : []),
    ];
}

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '–');

/** The protokoll as headed sections in Swedish (the document's language): närvaro, each §, and justering. */
export function protokollSections(
    p: Protokoll,
    status: string,
): { heading: string; meta: string[]; sections: Section[] } {
    const when = formatDate(new Date(p.startsAt), "EEEE d MMMM yyyy 'kl.' HH:mm");
    return {
        heading: `Protokoll – ${p.body}, ${p.forbund}`,
        meta: [`Tid: ${when}`, ...(p.place ? [`Plats: ${p.place}`] : []), `Status: ${status}`],
        sections: [
            {
                title: 'Närvaro',
                lines: [
                    `Ledamöter: ${list(p.present.ledamoter)}`,
                    `Tjänstgörande ersättare: ${list(p.present.serving)}`,
                    `Närvarande ersättare: ${list(p.present.attendingOnly)}`,
                    `Övriga närvarande: ${list(p.present.others)}`,
                    `Frånvarande: ${list(p.present.absent)}`,
                ],
            },
            ...p.paragraphs.map((x) => ({ title: `${x.ref} ${x.title}`, lines: paragraphLines(x) })),
            { title: 'Justerare', lines: [list(p.justerare.map((j) => j.name))] },
        ],
    };
}
