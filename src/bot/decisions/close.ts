// Closing a meeting: § numbers in agenda order, the protokoll (version 1), and justering cards to the justerare.
import type { BotDeps } from '../deps';
import type { AgendaViews } from '../meeting/views';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { authorize, type Person } from '../../domain/access';
import { formatRef, numberParagraphs } from '../../domain/decisions';
import { neverQuorate } from '../../domain/meeting-presence';
import { bodyDecides } from '../../domain/schema-org';
import { insertIndex } from '../../domain/meetings-agenda';
import { registerAction } from '../cards/execute';
import type { Lang } from '../lang';
import { replyActivity, say } from '../reply';
import { refusalCard, refusalText } from '../refusal';
import { meetingForbund, meetingVersion } from '../meeting/keys';
import { meetingIdOf } from '../meeting/state';
import { actionLang, formatWhen, meetingYear } from '../meeting/words';
import { chefsOf, sendJustering, sendToPerson } from './notify';
import { signers } from '../../domain/protokoll';
import { buildProtokoll } from './protokoll-build';
import { protokollReply } from './protokoll-view';
import { closeSubmit } from './schemas';
import type { AgendaItem } from '../../storage/meeting-items';
import { knownClosedState, knownDecisionState, quorumAtItem, type DecisionState } from './state';
import { nothing } from './words';

/** Whether the meeting can be closed now: by whom, or why not. */
export function closeCheck(
    dd: BotDeps,
    st: DecisionState,
    person: Person | undefined,
    lang: Lang,
): { ok: true; by: Person; failed: boolean; carry: AgendaItem[] } | { ok: false; text: string } {
    const access = authorize(person, st.f.id, { kind: 'meeting.close' });
    if (!access.ok) return { ok: false, text: refusalText(lang, access) };
    if (st.meeting.status !== 'utkast' && st.meeting.status !== 'kallad')
        return { ok: false, text: nothing(lang, 'Mötet är redan avslutat.', 'The meeting is already closed.') };
    if (dd.now() < st.meeting.startsAt)
        return { ok: false, text: nothing(lang, 'Mötet har inte börjat än.', 'The meeting has not started yet.') };
    // A body that prepares has no quorum, no justerare and no decisions: its meeting always closes into notes.
    if (!bodyDecides(st.body)) return { ok: true, by: access.person, failed: false, carry: [] };
    // Without quorum at any item the meeting takes no decision (not even justerare or bordläggning): a short record.
    if (st.decisions.size === 0 && neverQuorate(st.inv, st.answers, st.presence, st.items.length))
        return { ok: true, by: access.person, failed: true, carry: [] };
    if (st.justerare.length !== 2)
        return {
            ok: false,
            text: nothing(
                lang,
                'Välj två justerare först (Redigera → Justerare).',
                'Choose two minute checkers first (Edit → Minute checkers).',
            ),
        };
    // Members who left can take the quorum with them: what is undecided where it is missing cannot be decided here.
    const undecidable = notQuorateItems(st);
    const open = st.items.filter(
        (it) => it.kind === 'beslut' && it.proposal && !st.decisions.has(it.id) && !undecidable.includes(it),
    );
    if (open.length)
        return {
            ok: false,
            text: nothing(
                lang,
                `Beslut saknas på ${open.map((it) => `punkt ${it.number} (${it.title})`).join(', ')}. Registrera dem på dagordningen först.`,
                `Decisions are missing on ${open.map((it) => `item ${it.number} (${it.title})`).join(', ')}. Record them on the agenda first.`,
            ),
        };
    // The skeleton's own items (dagordning, justerare) belong to this meeting: they are not carried.
    return { ok: true, by: access.person, failed: false, carry: undecidable.filter((it) => !it.slot) };
}

/** Undecided beslut items at which the styrelse is not beslutsmässig by närvaro per §: no one can decide them. */
export function notQuorateItems(st: DecisionState): AgendaItem[] {
    return st.items.filter(
        (it) => it.kind === 'beslut' && !st.decisions.has(it.id) && !quorumAtItem(st, it.number).beslutsmassig,
    );
}

export type Closed = {
    range: string;
    failed: boolean;
    carried: number;
    next?: Date;
    lostAt?: number[];
    /** Minnesanteckningar of a body that prepares. */
    notes?: boolean;
};

/**
 * Closes the meeting in the caller's transaction; undefined if it was closed meanwhile. A meeting that was never
 * beslutsmässig gets no §§: its beslut items go onto the body's next meeting (now, or when that meeting is created).
 * So do the undecided items of one that lost its quorum part-way (`carry`); its §§ stand and are justered.
 */
export function closeNow(
    dd: BotDeps,
    st: DecisionState,
    by: Person,
    failed = false,
    carry: AgendaItem[] = [],
): Closed | undefined {
    const year = meetingYear(st.meeting.startsAt);
    if (!bodyDecides(st.body)) {
        // Minnesanteckningar: numbered by the agenda, never in the § register.
        const order = new Map(st.items.map((it) => [it.id, it.number]));
        const build = () => buildProtokoll(dd, st, order, [], true);
        if (!dd.protokoll.close(st.meeting, year, new Map(), build, by.id, by.slug, true)) return undefined;
        return { range: '', failed: false, carried: 0, notes: true };
    }
    const numbers = failed
        ? new Map<number, number>()
        : numberParagraphs(
              st.items.map((x) => x.id),
              dd.protokoll.lastNumber(st.f.id, st.body.id, year),
          );
    const carried = failed ? st.items.filter((it) => it.kind === 'beslut' && !it.slot) : carry;
    const build = () => buildProtokoll(dd, st, numbers, carried);
    if (!dd.protokoll.close(st.meeting, year, numbers, build, by.id, by.slug, !failed)) return undefined;
    if (!failed) dd.meetings.markNotQuorate(carried.map((it) => it.id));
    const next = carried.length
        ? dd.meetings.upcoming(st.f.id, st.body.id, st.meeting.startsAt).find((m) => m.id !== st.meeting.id)
        : undefined;
    if (next) {
        const items = dd.meetings.uncarried(st.f.id, st.body.id, next.startsAt);
        dd.meetings.carry(next.id, items, insertIndex(dd.meetings.items(next.id)), by.slug);
    }
    if (failed) return { range: '', failed, carried: carried.length, next: next?.startsAt };
    const ns = [...numbers.values()];
    return {
        range: ns.length > 1 ? `§ ${ns[0]}–${ns.at(-1)}/${year}` : formatRef(ns[0], year),
        failed,
        carried: carried.length,
        next: next?.startsAt,
        lostAt: carried.map((it) => it.number),
    };
}

/** What the chef hears when the meeting is closed. */
export function closedText(c: Closed, lang: Lang): string {
    if (c.notes)
        return say(
            lang,
            'Mötet är avslutat. Minnesanteckningarna är klara; de justeras inte och får inga paragrafnummer.',
            'The meeting is closed. The notes are ready; they are not approved by signature and get no § numbers.',
        );
    const where = c.next
        ? say(lang, `mötet ${formatWhen(c.next, 'sv')}`, `the meeting on ${formatWhen(c.next, 'en')}`)
        : say(lang, 'nästa möte när det skapas', 'the next meeting when it is created');
    if (!c.failed) {
        const done = say(
            lang,
            `Mötet är avslutat: ${c.range}. Protokollet går till ordföranden och justerarna.`,
            `The meeting is closed: ${c.range}. The minutes go to the chair and the minute checkers.`,
        );
        if (!c.carried) return done;
        const at = (c.lostAt ?? []).join(', ');
        return `${done} ${say(
            lang,
            `Mötet var inte beslutsmässigt vid punkt ${at}; ${c.carried} ${c.carried === 1 ? 'beslutsärende förs' : 'beslutsärenden förs'} över till ${where} utan beslut.`,
            `The meeting was not quorate at item${c.carried > 1 ? 's' : ''} ${at}; ${c.carried} ${c.carried === 1 ? 'decision item moves' : 'decision items move'} to ${where} undecided.`,
        )}`;
    }
    return say(
        lang,
        `Mötet är avslutat utan beslut: det var inte beslutsmässigt. Ett kort protokoll visar vilka som kom. ${c.carried} beslutsärenden förs över till ${where}.`,
        `The meeting is closed without decisions: it was not quorate. A short record shows who came. ${c.carried} decision items move to ${where}.`,
    );
}

/** After the commit: the posted agenda is updated, the justerare get their cards, the chef the protokoll. */
export async function afterClose(
    dd: BotDeps,
    agenda: AgendaViews,
    meetingId: number,
    chef: Person,
    lang: Lang,
    ctx: TurnContext,
): Promise<void> {
    const failures = await agenda.refreshPosted(meetingId, lang);
    const missed = await sendJustering(dd, meetingId, 'Protokollet är klart för justering.');
    const st = knownClosedState(dd, meetingId);
    const own = protokollReply(dd, st, lang, chef);
    const inChat = ctx.activity.conversation.conversationType === 'personal';
    if (!inChat && !(await sendToPerson(dd, chef, own)))
        failures.push(
            say(
                lang,
                'Skriv "visa protokollet" till mig i en 1:1-chatt för att se utkastet.',
                'Write "show the minutes" to me in a 1:1 chat to see the draft.',
            ),
        );
    // The draft goes to the chef too when someone else (the ordförande) closed the meeting; signers already have it.
    const signed = new Set(signers(st.protokoll.data).map((j) => j.personId));
    for (const other of chefsOf(st).filter((p) => p.id !== chef.id && !signed.has(p.id)))
        await sendToPerson(dd, other, protokollReply(dd, st, 'sv', other, 'Utkast till protokoll.'));
    if (missed.length)
        failures.push(
            say(
                lang,
                `Jag kunde inte nå ${missed.join(' och ')} i en 1:1-chatt. Be dem skriva "visa protokollet" till mig för att justera.`,
                `I could not reach ${missed.join(' and ')} in a 1:1 chat. Ask them to write "show the minutes" to me to approve it.`,
            ),
        );
    if (inChat) await ctx.sendActivity(replyActivity(own));
    if (failures.length) await ctx.sendActivity(failures.join('\n'));
}

/** Registers the "Avsluta mötet" button of the agenda card. */
export function registerClose(app: Application<TurnState>, dd: BotDeps, agenda: AgendaViews): void {
    registerAction(app, dd, {
        verb: 'meeting.close',
        schema: closeSubmit,
        version: meetingVersion(dd),
        forbundOf: meetingForbund(dd),
        prepare: async (ctx, info, data) => {
            const lang = actionLang(ctx, info, data);
            const st = knownDecisionState(dd, meetingIdOf(data.key.record));
            const person = await dd.identity.resolve(ctx, info.user, st.f.id);
            const access = authorize(person, st.f.id, { kind: 'meeting.close' });
            if (!access.ok) return { refused: refusalCard(lang, refusalText(lang, access)) };
            const check = closeCheck(dd, st, person, lang);
            if (!check.ok) return { refused: agenda.reply(st, { lang, person, note: check.text }).card };
            const by = check.by;
            return () => {
                const closed = closeNow(dd, st, by, check.failed, check.carry);
                const now = knownDecisionState(dd, st.meeting.id);
                const note = closed
                    ? closedText(closed, lang)
                    : nothing(lang, 'Mötet är redan avslutat.', 'The meeting is already closed.');
                return {
                    card: agenda.reply(now, { lang, person, note }).card,
                    after: closed ? (turn) => afterClose(dd, agenda, st.meeting.id, by, lang, turn) : undefined,
                };
            };
        },
    });
}
