// The sample cards behind `npm run cards` and the card tests: each made by the builder the bot uses, from the
// realistic world in ./card-world (sample förbund, their rosters, meetings, decisions, reports), so the pictures
// show what users get.
import { numberCases } from '../cards/cases';
import type { CardSpec } from '../cards/templates';
import { authorize, type Access, type Person } from '../domain/access';
import { dayOf } from '../domain/deadlines';
import { formatDate } from '../domain/format';
import { must } from '../domain/must';
import { fullFigures } from '../domain/report-figures';
import { followUp } from '../domain/report-followup';
import { sharedFollowUp } from '../domain/report-suppression';
import { validateReport } from '../domain/report-schema';
import { linkPrompt } from '../bot/admin/linking';
import { rosterReply } from '../bot/admin/roster';
import { editorCard } from '../bot/agenda/editor';
import { itemFormCard, justerareFormCard, meetingFormCard } from '../bot/agenda/form-cards';
import { agendaReply } from '../bot/agenda/view';
import { newActionKey } from '../bot/cards/action-key';
import { closeCheck } from '../bot/decisions/close';
import { decisionContext } from '../bot/decisions';
import { presenceFormCard } from '../bot/agenda/presence';
import { decisionFormCard } from '../bot/decisions/decision-form';
import { voteringCard } from '../bot/decisions/votering-card';
import { perCapsulamFormCard, styrelseOf } from '../bot/decisions/per-capsulam-form';
import { perCapsulamReply } from '../bot/decisions/per-capsulam-view';
import { editCard } from '../bot/decisions/protokoll-edit';
import { protokollReply } from '../bot/decisions/protokoll-view';
import { helpFor } from '../bot/help/help';
import { refusalCard, refusalText } from '../bot/refusal';
import type { Reply } from '../bot/reply';
import { deadlineListReply, upcoming } from '../bot/reminders/list';
import { reminderReply } from '../bot/reminders/messages';
import { followUpView } from '../bot/reports/followup-view';
import { formCard } from '../bot/reports/form';
import { unflatten, valuesOf, type FormValues } from '../bot/reports/form-values';
import { reportRecord } from '../bot/reports/submit';
import { ask } from '../qa';
import { planForbund } from '../scheduler/reminder-plan';
import { createReminderRows } from '../storage/reminders';
import { withCardWorld, WORLD_NOW, type CardWorld } from './card-world';

const cardOf = (r: Reply): CardSpec => {
    if (!r.card) throw new Error(`card world: no card in "${r.text.slice(0, 60)}"`);
    return r.card;
};

/** Why the chef cannot close the meeting yet, as the agenda card's note shows it. */
function closeNote(dd: CardWorld['dd'], st: Parameters<typeof closeCheck>[1], chef: Person) {
    const check = closeCheck(dd, st, chef, 'sv');
    return check.ok ? undefined : check.text;
}

function meetingCards(w: CardWorld): CardSpec[] {
    const { dd, f, next, fresh, closed, decidedOne, changeRequested } = w;
    const budget = must(
        next.items.find((it) => it.kind === 'beslut' && it.presenter),
        'a beslut item with a presenter',
    );
    const decided = must(
        decidedOne.items.find((it) => decidedOne.decisions.has(it.id)),
        'a decided item',
    );
    return [
        cardOf(agendaReply(dd, next, { lang: 'sv', posted: true })),
        cardOf(agendaReply(dd, next, { lang: 'sv', person: w.chef, note: closeNote(dd, next, w.chef) })),
        cardOf(agendaReply(dd, closed, { lang: 'en', person: w.ersattare })),
        editorCard(next, 'sv'),
        itemFormCard(next, 'sv'),
        itemFormCard(next, 'en', budget),
        meetingFormCard(f, 'sv', {}),
        meetingFormCard(f, 'en', { st: next }),
        justerareFormCard(next, 'sv'),
        justerareFormCard(fresh, 'sv'),
        decisionFormCard(next, budget, undefined, 'sv'),
        voteringCard(dd, next, budget, 'sv'),
        voteringCard(dd, next, budget, 'en'),
        presenceFormCard(next, 'sv'),
        decisionFormCard(decidedOne, decided, decidedOne.decisions.get(decided.id), 'en'),
        cardOf(protokollReply(dd, closed, 'sv', w.j1)),
        cardOf(protokollReply(dd, changeRequested, 'en', w.chef)),
        editCard(changeRequested, 'sv'),
        perCapsulamFormCard(f, must(styrelseOf(f), 'the styrelse'), w.roster, 'sv'),
        cardOf(perCapsulamReply(dd, w.pcOpen, 'sv', { posted: true })),
        cardOf(perCapsulamReply(dd, w.pcClosed, 'en', { person: w.ledamot })),
    ];
}

function reportCards(w: CardWorld): CardSpec[] {
    const { dd, f, g, month } = w;
    // The form as "rapportera" opens it (values of the stored version), or as a submit with errors comes back.
    const form = (x: typeof f, lang: 'sv' | 'en', submitted?: (v: FormValues) => FormValues) => {
        const insats = x.insatser[0];
        const latest = dd.reports.latest(x.id, insats.id, month);
        const stored = valuesOf(latest?.report);
        const values = submitted ? submitted(stored) : stored;
        const checked = validateReport({ ...unflatten(values), month }, { forbund: x, insats, now: WORLD_NOW });
        return formCard({
            f: x,
            insats,
            month,
            lang,
            key: newActionKey(reportRecord(x.id, insats.id, month), dd.reports.versionCount(x.id, insats.id, month)),
            values,
            errors: submitted && !checked.ok ? checked.errors : [],
            latest: latest && {
                version: latest.version,
                by: dd.roster.bySlug(x.id, latest.submittedBy)?.name ?? latest.submittedBy,
                at: formatDate(latest.submittedAt, 'd MMMM yyyy HH:mm'),
            },
        });
    };
    const follow = (x: typeof f, lang: 'sv' | 'en', masked: boolean) => {
        const insats = x.insatser[0];
        const reports = dd.reports.latestForYear(x.id, 2025, insats.id).map((v) => v.report);
        const rules = dd.reports.followUpRules();
        const december = dd.reports.latest(x.id, insats.id, '2024-12')?.report;
        const figures = masked
            ? sharedFollowUp(x, insats, 2025, reports, december, rules)
            : fullFigures(followUp(x, insats, 2025, reports, december, rules), true);
        if (!figures) throw new Error(`no demo reports for ${insats.name}`);
        return { template: 'report-followup', data: followUpView(x, insats, figures, { lang, rules }).data } as const;
    };
    return [
        // More finished than were taking part.
        form(g, 'en', (v) => ({ ...v, 'avslutade.kvinnor': 40 })),
        form(f, 'sv'),
        follow(f, 'sv', true),
        follow(g, 'en', false),
    ];
}

function deadlineCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const today = dayOf(WORLD_NOW);
    const planned = [f, g].flatMap((x) =>
        planForbund(dd, createReminderRows(w.db), x, dd.roster.list(x.id), WORLD_NOW).map((p) => ({ x, p })),
    );
    const reminders = planned.filter(({ p }) => p.deadline.kind !== 'projektrapport').slice(0, 2);
    return [
        ...reminders.map(({ x, p }, i) => cardOf(reminderReply(dd.reports, x, p, WORLD_NOW, i === 0 ? 'sv' : 'en'))),
        cardOf(deadlineListReply(f, upcoming(dd, f, today), today, 'sv')),
        cardOf(deadlineListReply(g, upcoming(dd, g, today), today, 'en')),
    ];
}

function answerCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const context = decisionContext(dd);
    const asked = (x: typeof f, q: string) => {
        const a = ask(q, x, WORLD_NOW, context(x));
        if (!a.card) throw new Error(`card world: no card for "${q}"`);
        return a.card;
    };
    return [
        asked(f, 'Kontrollera budgeten'),
        asked(g, `Hur mycket får ${g.insatser[0].name} 2026?`),
        asked(f, 'Vad är vår prognos för eget kapital?'),
        asked(g, "What's our eget kapital forecast?"),
        asked(f, 'Hur mycket kostar det?'),
        asked(f, 'Vilka mål har vi?'),
    ];
}

const refused = (lang: 'sv' | 'en', access: Access) => {
    if (access.ok) throw new Error('card world: expected a refusal');
    return refusalCard(lang, refusalText(lang, access));
};

function conversationCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const info = {
        lang: 'sv',
        text: '',
        conversation: { id: '19:ny-kanal@thread.tacv2', kind: 'channel' },
        user: { teamsId: '29:ny' },
    } as const;
    return [
        cardOf(helpFor(f, 'sv')),
        cardOf(helpFor(g, 'en')),
        cardOf(rosterReply(f, dd.roster.list(f.id), 'sv')),
        cardOf(linkPrompt(dd, info)),
        refused('sv', authorize(w.ledamot, f.id, { kind: 'agenda.write' })),
        refused('en', authorize(w.ledamot, f.id, { kind: 'meeting.close' })),
    ];
}

/** Every sample card, numbered per template, and the templates no builder made a sample for. */
export function cardCases() {
    return numberCases(
        withCardWorld((w) => [
            ...meetingCards(w),
            ...reportCards(w),
            ...deadlineCards(w),
            ...answerCards(w),
            ...conversationCards(w),
        ]),
    );
}
