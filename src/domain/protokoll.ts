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
const votering = z.object({
    kind: z.enum(['öppen', 'sluten']),
    election: z.boolean(),
    /** `Yrkande 1 (Anders Berg): bifall till förslaget: 3 röster` per yrkande, then avstår. */
    counts: z.array(z.string()),
    /** Open votes only: `Anders Berg: yrkande 1` per serving ledamot. */
    votes: z.array(z.string()).optional(),
    result: z.string(),
});
const paragraph = z.object({
    itemId: z.number().int(),
    number: z.number().int(),
    ref: z.string(),
    title: z.string(),
    kind: z.string(),
    details: z.string().optional(),
    presenter: z.string().optional(),
    proposal: z.string().optional(),
    underlag: names.optional(),
    /** Who arrived or left at this §, and which ersättare stepped back or in. */
    presence: names.optional(),
    /** Where the styrelse stops (or starts again) being beslutsmässig, and for an item it could not decide. */
    quorum: names.optional(),
    yrkanden: names.optional(),
    proposition: z.string().optional(),
    votering: votering.optional(),
    /** Ledamöter and serving ersättare who took part in the decision. */
    deltog: names.optional(),
    decision: decision.optional(),
});
const person = z.object({ personId: z.number().int(), name: z.string() });

export const protokollSchema = z.object({
    /** Minnesanteckningar of a body that prepares: numbered by the agenda, no § register, no justering. */
    notes: z.boolean().optional(),
    meetingId: z.number().int(),
    forbund: z.string(),
    body: z.string(),
    startsAt: z.string().datetime(),
    endsAt: z.string().datetime().optional(),
    place: z.string().optional(),
    /** Set when members could take part at a distance (a Teams meeting) and the förbund allows it. */
    distance: z.string().optional(),
    /** False for a meeting that was not beslutsmässig: a short record without §§. */
    beslutsmassig: z.boolean().optional(),
    quorumText: z.string().optional(),
    /** A beslutsmässig meeting that lost its quorum part-way: from which § (the items it could not decide carried). */
    quorumLost: z.string().optional(),
    carried: names.optional(),
    ordforande: person.optional(),
    sekreterare: z.string().optional(),
    present: z.object({
        ledamoter: names,
        serving: names,
        attendingOnly: names,
        absent: names,
        others: names,
    }),
    justerare: z.array(person),
    paragraphs: z.array(paragraph),
});
/** One version of a meeting's protokoll: närvaro, every § with its decision, and the justerare. */
export type Protokoll = z.output<typeof protokollSchema>;
export type Paragraph = Protokoll['paragraphs'][number];

export type Section = { title: string; lines: string[] };
/** One justering signature: role, name, when (if done) and the SHA-256 of the text approved. */
export type Signature = { role: string; name: string; at?: Date; sha256?: string };

/** Who justerar: the ordförande together with the justerare (the record of a failed meeting per the förbund). */
export const signers = (p: Protokoll): { personId: number; name: string; role: string }[] => [
    ...(p.ordforande ? [{ ...p.ordforande, role: 'Ordförande' }] : []),
    ...p.justerare.map((j) => ({ ...j, role: 'Justerare' })),
];

/** The lines a paragraph shows: underlag, förslag, yrkanden, votering, beslut, who took part, jäv, reservationer. */
export function paragraphLines(p: Paragraph): string[] {
    const d = p.decision;
    const head = [
        ...(p.presence ?? []),
        ...(p.quorum ?? []),
        ...(p.presenter ? [`Föredragande: ${p.presenter}`] : []),
        ...(p.underlag?.length ? [`Underlag: ${p.underlag.join('; ')}`] : []),
    ];
    if (!d) {
        const text = p.details ? p.details.split('\n') : [];
        return [...head, ...text, ...(p.kind === 'information' ? ['Informationen noteras.'] : [])];
    }
    const v = p.votering;
    return [
        ...head,
        ...(p.details && p.details !== p.proposal ? p.details.split('\n') : []),
        ...(p.proposal ? [`Förslag till beslut: ${p.proposal}`] : []),
        ...(p.yrkanden?.length ? ['Yrkanden:', ...p.yrkanden] : []),
        ...(p.proposition ? [`Propositionsordning: ${p.proposition}`] : []),
        ...(v
            ? [
                  `Omröstning (${v.kind === 'öppen' ? 'öppen' : 'sluten'}${v.election ? ', val' : ''}):`,
                  ...(v.votes ?? []),
                  ...v.counts,
                  `Resultat: ${v.result}`,
              ]
            : []),
        `Beslut (${OUTCOME_LABELS[d.outcome].sv.toLowerCase()}): ${d.text}`,
        ...(d.amends ? [`Beslutet ändrar ${d.amends}.`] : []),
        ...(p.deltog ? [`Deltog i beslutet: ${list(p.deltog)}`] : []),
        ...(d.jav.length ? [`Jäv: ${d.jav.join(', ')} deltog inte i handläggningen.`] : []),
        ...(d.reservationer.length ? [`Reservation: ${d.reservationer.join(', ')}.`] : []),
        ...(d.note ? [`Protokollsanteckning: ${d.note}`] : []),
    ];
}

const list = (xs: string[]) => (xs.length ? xs.join(', ') : '–');
const at = (d: Date) => formatDate(d, "d MMMM yyyy 'kl.' HH:mm");

/** The justered text: every section but the justering block, so a signature's hash names exactly what was approved. */
export function protokollBody(p: Protokoll): { heading: string; meta: string[]; sections: Section[] } {
    const start = new Date(p.startsAt);
    const when = formatDate(start, "EEEE d MMMM yyyy 'kl.' HH:mm");
    const end = p.endsAt ? `–${formatDate(new Date(p.endsAt), 'HH:mm')}` : '';
    const roles = [
        ...(p.ordforande ? [`Ordförande: ${p.ordforande.name}`] : []),
        ...(p.sekreterare ? [`Sekreterare: ${p.sekreterare}`] : []),
    ];
    const failed = p.beslutsmassig === false;
    return {
        heading: `${p.notes ? 'Minnesanteckningar' : 'Protokoll'} – ${p.body}, ${p.forbund}`,
        meta: [
            `Tid: ${when}${end}`,
            ...(p.place ? [`Plats: ${p.place}`] : []),
            ...(p.distance ? [p.distance] : []),
            ...roles,
        ],
        sections: [
            {
                title: 'Närvaro',
                lines: p.notes
                    ? [
                          `Närvarande: ${list(p.present.ledamoter)}`,
                          `Övriga närvarande: ${list(p.present.others)}`,
                          `Frånvarande: ${list(p.present.absent)}`,
                      ]
                    : [
                          `Närvarande ledamöter: ${list(p.present.ledamoter)}`,
                          `Tjänstgörande ersättare: ${list(p.present.serving)}`,
                          `Närvarande ersättare (ej tjänstgörande): ${list(p.present.attendingOnly)}`,
                          `Övriga närvarande: ${list(p.present.others)}`,
                          `Frånvarande: ${list(p.present.absent)}`,
                      ],
            },
            ...(failed || p.quorumLost
                ? [
                      {
                          title: 'Beslutsförhet',
                          lines: [
                              failed
                                  ? `${p.body} var inte beslutsmässig${p.quorumText ? ` (${p.quorumText})` : ''}. Inga beslut fattades.`
                                  : (p.quorumLost ?? ''),
                              ...(p.carried?.length
                                  ? [`Ärenden som förs över till nästa sammanträde: ${p.carried.join('; ')}.`]
                                  : []),
                          ],
                      },
                  ]
                : []),
            ...p.paragraphs.map((x) => ({ title: `${x.ref} ${x.title}`, lines: paragraphLines(x) })),
        ],
    };
}

/** The protokoll as headed sections in Swedish (the document's language), ending with the justering block. */
export function protokollSections(
    p: Protokoll,
    status: string,
    signatures: readonly Signature[] = [],
): { heading: string; meta: string[]; sections: Section[] } {
    const body = protokollBody(p);
    const sign = signatures.length
        ? signatures.map(
              (s) =>
                  `${s.role}: ${s.name} – ${s.at ? `justerat i Teams ${at(s.at)}${s.sha256 ? `, SHA-256 ${s.sha256}` : ''}` : 'ej justerat än'}`,
          )
        : [p.notes ? 'Minnesanteckningar justeras inte.' : 'Ingen justering krävs enligt förbundets regler.'];
    return {
        heading: body.heading,
        meta: [...body.meta, `Status: ${status}`],
        sections: [...body.sections, { title: 'Justering', lines: sign }],
    };
}

/** The exact text a justering approves (hashed with SHA-256 by the caller): heading, meta and every § section. */
export function justeredText(p: Protokoll): string {
    const b = protokollBody(p);
    return [b.heading, ...b.meta, ...b.sections.flatMap((s) => [s.title, ...s.lines])].join('\n');
}
