// The yearly deadlines from lag 2003:1210 (samråd, budget, årsredovisning) and the plan (delårsrapport, Indikatorer,
// Uppföljning Finsam).
import type { Audience, Calendar, Deadline, DeadlineKind, Text } from './deadline-types';
import type { Forbund } from './schema';

const LAW = 'lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser';
/** The plan's note on follow-up through a delårsrapport, if it has one. */
export const planNote = (f: Forbund) => f.notes.find((n) => /delårsrapport/i.test(n));

/** The yearly deadlines whose due day falls in calendar year `year`. */
export function yearlyDeadlines(f: Forbund, cal: Calendar, year: number): Deadline[] {
    const chef: Audience = { to: 'chef' };
    const base = { audience: chef, leads: cal.leadDays, subject: { year } };
    const out: Deadline[] = [
        {
            ...base,
            key: `samrad:${year}`,
            kind: 'samrad',
            due: `${year}-${cal.samradBy}`,
            title: {
                sv: `Samråd med medlemmarna om budget ${year + 1}`,
                en: `Samråd with the members on budget ${year + 1}`,
            },
            source: { sv: `23 § ${LAW}: budgeten fastställs efter samråd med medlemmarna`, en: `23 § ${LAW}` },
            origin: 'lag',
        },
        {
            ...base,
            key: `budget:${year}`,
            kind: 'budget',
            due: `${year}-11-30`,
            title: { sv: `Styrelsen fastställer budget ${year + 1}`, en: `The board fixes the budget for ${year + 1}` },
            source: { sv: `23 § ${LAW}: senast 30 november året före`, en: `23 § ${LAW}: by 30 November` },
            origin: 'lag',
        },
        {
            ...base,
            key: `arsredovisning:${year}`,
            kind: 'arsredovisning',
            due: `${year}-03-31`,
            title: {
                sv: `Årsredovisning ${year - 1} upprättad`,
                en: `Annual report (årsredovisning) ${year - 1} prepared`,
            },
            source: {
                sv: `${LAW}: inom tre månader efter räkenskapsårets utgång`,
                en: `${LAW}: within three months of year end`,
            },
            origin: 'lag',
        },
    ];
    const planned = (kind: DeadlineKind, mmddDue: string | undefined, title: Text, source: Text) => {
        if (mmddDue)
            out.push({
                ...base,
                key: `${kind}:${year}`,
                kind,
                due: `${year}-${mmddDue}`,
                title,
                source,
                origin: 'plan',
            });
    };
    const note = planNote(f);
    planned(
        'delarsrapport',
        cal.delarsrapport,
        { sv: `Delårsrapport ${year}`, en: `Interim report (delårsrapport) ${year}` },
        note
            ? { sv: `Förbundets plan: ${note}`, en: `The förbund's plan: ${note}` }
            : { sv: 'Förbundets kalender', en: "The förbund's calendar" },
    );
    planned(
        'indikatorer',
        cal.indikatorer,
        { sv: `Indikatorer för finansiell samordning: enkäten ${year}`, en: `Indikatorer survey ${year}` },
        {
            sv: 'Nationella nätverket för samordningsförbund (NNS); förbundets kalender',
            en: 'NNS; the förbund’s calendar',
        },
    );
    planned(
        'uppfoljning-finsam',
        cal.uppfoljningFinsam,
        {
            sv: `Uppföljning Finsam: insatser och deltagare ${year} registrerade`,
            en: `Uppföljning Finsam registration for ${year}`,
        },
        {
            sv: 'Försäkringskassans Uppföljning Finsam (nationell statistik; ersatte SUS 2023); förbundets kalender',
            en: 'Uppföljning Finsam (Försäkringskassan; replaced SUS in 2023); the förbund’s calendar',
        },
    );
    return out;
}

/** Yearly deadlines with a due day in [from, to] (yyyy-MM-dd). */
export function yearlyBetween(f: Forbund, cal: Calendar, from: string, to: string): Deadline[] {
    const years: number[] = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
    return years.flatMap((y) => yearlyDeadlines(f, cal, y)).filter((d) => d.due >= from && d.due <= to);
}
