// The sample cards behind `npm run cards` and the card tests: each made by the builder the bot uses, from the
// realistic world in ./card-world (sample förbund, their rosters, meetings, decisions, reports), so the pictures
// show what users get.
import { numberCases } from '../cards/cases';
import type { CardSpec } from '../cards/templates';
import { authorize, type Access, type Person } from '../domain/access';
import { dayOf } from '../domain/deadlines';
import { formatDate } from '../domain/format';
import { must } from '../domain/must';
import { addMonths as addMonth } from '../domain/reports';
import { fullFigures } from '../domain/report-figures';
import { followUp } from '../domain/report-followup';
import { sharedFollowUp } from '../domain/report-suppression';
import { validateReport } from '../domain/report-schema';
import { plausibilityWarnings } from '../domain/report-plausibility';
import { reportingState, uppfoljningFinsamRows } from '../domain/report-overview';
import { linkPrompt } from '../bot/admin/linking';
import { rosterReply } from '../bot/admin/roster';
import { workbookPreviewCard } from '../bot/files/preview-card';
import { workbookPreview } from '../domain/workbook-preview';
import { ledgerPreview } from '../domain/ledger-preview';
import { ledgerPreviewCard } from '../bot/files/ledger-card';
import { askKind } from '../bot/files/kind-choice';
import { planPreviewCard } from '../bot/files/plan-document';
import type { PlanText } from '../domain';
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
import { uppdragCard } from '../bot/uppdrag/card';
import { refusalCard, refusalText } from '../bot/refusal';
import type { Reply } from '../bot/reply';
import { deadlineListReply, upcoming } from '../bot/reminders/list';
import { reminderReply } from '../bot/reminders/messages';
import { emptyReportForm } from '../bot/reports';
import { followUpView } from '../bot/reports/followup-view';
import { formCard } from '../bot/reports/form';
import { unflatten, valuesOf, type FormValues } from '../bot/reports/form-values';
import { reportRecord } from '../bot/reports/submit';
import { historyView } from '../bot/reports/history';
import { overviewView } from '../bot/reports/overview';
import { uppfoljningView } from '../bot/reports/uppfoljning';
import { messageCard } from '../bot/reply';
import { ask } from '../qa';
import { utfallLookup } from '../bot/utfall';
import { budgetYear, type Forbund } from '../domain';
import type { LedgerEntry } from '../domain/ledger';
import { mapLedger } from '../domain/utfall';
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
        cardOf(agendaReply(dd, w.fresh, { lang: 'sv', person: w.chef })),
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
        cardOf(protokollReply(dd, w.notes, 'sv', w.chef)),
        editCard(changeRequested, 'sv'),
        perCapsulamFormCard(f, must(styrelseOf(f), 'the styrelse'), w.roster, 'sv'),
        cardOf(perCapsulamReply(dd, w.pcOpen, 'sv', { posted: true })),
        cardOf(perCapsulamReply(dd, w.pcClosed, 'en', { person: w.ledamot })),
        uppdragCard(f, w.uppdrag, (id) => dd.roster.byId(id)?.name, 'sv'),
        uppdragCard(f, w.uppdrag, (id) => dd.roster.byId(id)?.name, 'en', {
            title: 'Reminder: Assignment: Redovisa en plan för uppföljning av insatserna',
            text: 'Due Friday 5 December 2025 – in 19 days.',
        }),
    ];
}

function reportCards(w: CardWorld): CardSpec[] {
    const { dd, f, g, month } = w;
    // The form as "rapportera" opens it (values of the stored version), or as a submit with errors comes back.
    const form = (x: typeof f, lang: 'sv' | 'en', submitted?: (v: FormValues) => FormValues, plausibility = false) => {
        const insats = x.insatser[0];
        const latest = dd.reports.latest(x.id, insats.id, month);
        const stored = valuesOf(latest?.report);
        const values = submitted ? submitted(stored) : stored;
        const previous = dd.reports.latest(x.id, insats.id, addMonth(month, -1))?.report;
        const checked = validateReport(
            { ...unflatten(values), month },
            { forbund: x, insats, now: WORLD_NOW, previous: plausibility ? previous : undefined },
        );
        const others = dd.reports.latestForYear(x.id, 2025, insats.id).map((v) => v.report);
        return formCard({
            f: x,
            insats,
            month,
            lang,
            key: newActionKey(reportRecord(x.id, insats.id, month), dd.reports.versionCount(x.id, insats.id, month)),
            values,
            errors: submitted && !checked.ok ? checked.errors : [],
            warnings: plausibility && checked.ok ? plausibilityWarnings(x, insats, checked.report, others) : undefined,
            latest: latest && {
                version: latest.version,
                by: dd.roster.bySlug(x.id, latest.submittedBy)?.name ?? latest.submittedBy,
                at: formatDate(latest.submittedAt, 'd MMMM yyyy HH:mm'),
                sample: latest.sample,
            },
        });
    };
    const follow = (x: typeof f, lang: 'sv' | 'en', masked: boolean, drop: string[] = []) => {
        const insats = x.insatser[0];
        const versions = dd.reports.latestForYear(x.id, 2025, insats.id).filter((v) => !drop.includes(v.month));
        const reports = versions.map((v) => v.report);
        const rules = dd.reports.followUpRules();
        const december = dd.reports.latest(x.id, insats.id, '2024-12')?.report;
        const figures = masked
            ? sharedFollowUp(x, insats, 2025, reports, december, rules)
            : fullFigures(followUp(x, insats, 2025, reports, december, rules), true);
        if (!figures) throw new Error(`no demo reports for ${insats.name}`);
        const notes = masked
            ? undefined
            : reports.map((r) => ({ month: r.month, kommentar: r.kommentar, avvikelse: r.avvikelse }));
        const sample = versions.some((v) => v.sample);
        return {
            template: 'report-followup',
            data: followUpView(x, insats, figures, { lang, rules, sample, notes }).data,
        } as const;
    };
    return [
        // More finished than were taking part.
        form(g, 'en', (v) => ({ ...v, 'avslutade.kvinnor': 40 })),
        form(f, 'sv'),
        follow(f, 'sv', true),
        follow(g, 'en', false),
        // A figure far outside the insats's history: "Spara ändå" / "Ändra".
        form(
            g,
            'sv',
            (v) => ({
                ...v,
                'nya.kvinnor': Number(v['nya.kvinnor'] ?? 0) + 400,
                'pagaende.kvinnor': Number(v['pagaende.kvinnor'] ?? 0) + 400,
                'rem.annan': Number(v['rem.annan'] ?? 0) + 400,
            }),
            true,
        ),
        // Months missing between the reports: "minst", the months named, no shares or status.
        follow(f, 'sv', false, ['2025-05', '2025-06']),
    ];
}

/** The chef's report overviews: a month's history, rapportläge and the Uppföljning Finsam figures. */
function reportOverviewCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const name = (x: typeof f) => (slug: string) => dd.roster.bySlug(x.id, slug)?.name ?? slug;
    const history = (x: typeof f, month: string, lang: 'sv' | 'en') => {
        const insats = x.insatser[0];
        const v = historyView(x, insats, month, dd.reports.history(x.id, insats.id, month), lang, name(x));
        return messageCard(v.title, v.text, v.facts);
    };
    const states = (x: typeof f) =>
        x.insatser.map((insats) =>
            reportingState(
                x,
                insats,
                2025,
                dd.reports.latestForYear(x.id, 2025, insats.id),
                dd.reports.latest(x.id, insats.id, '2024-12')?.report,
                WORLD_NOW,
            ),
        );
    const overview = (x: typeof f, lang: 'sv' | 'en') => {
        const v = overviewView(states(x), lang, WORLD_NOW);
        return messageCard(v.title, v.text, v.facts);
    };
    const uppfoljning = (x: typeof f, lang: 'sv' | 'en') => {
        const rows = uppfoljningFinsamRows(
            x,
            2025,
            (id) => dd.reports.latestForYear(x.id, 2025, id),
            (id) => dd.reports.latest(x.id, id, '2024-12')?.report,
            WORLD_NOW,
        );
        const v = uppfoljningView(rows, 2025, 'https://finsam.example.invalid/d/uppfoljning', lang);
        return messageCard(v.title, v.text, v.facts);
    };
    return [history(g, '2025-10', 'en'), overview(f, 'sv'), uppfoljning(g, 'sv')];
}

function deadlineCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const today = dayOf(WORLD_NOW);
    const planned = [f, g].flatMap((x) =>
        planForbund(dd, createReminderRows(w.db), x, dd.roster.list(x.id), WORLD_NOW).map((p) => ({ x, p })),
    );
    const reminders = planned.filter(({ p }) => p.deadline.kind !== 'projektrapport').slice(0, 2);
    return [
        ...reminders.map(({ x, p }, i) =>
            cardOf(reminderReply(emptyReportForm(dd.reports), x, p, WORLD_NOW, i === 0 ? 'sv' : 'en')),
        ),
        cardOf(deadlineListReply(f, upcoming(dd, f, today), today, 'sv')),
        cardOf(deadlineListReply(g, upcoming(dd, g, today), today, 'en')),
    ];
}

/**
 * Invented utfall for the pictures: January–October of the world's year, each post's first konto near its monthly
 * budget share (varied), intäkter a twelfth of the allotted funds, and one konto no rule maps.
 */
/** An invented ledger for the förbund's konto mapping: ten months of its year in force. */
function sampleLedger(x: Forbund) {
    const year = WORLD_NOW.getFullYear();
    const y = must(budgetYear(x, year), `plan year ${year}`);
    const rules = x.utfall?.mapping ?? [];
    const entries: LedgerEntry[] = [];
    for (let m = 1; m <= 10; m++) {
        const period = `${year}-${String(m).padStart(2, '0')}`;
        rules.forEach((r, i) => {
            const konto = r.konton.split('-')[0];
            const objekt = r.objekt ? [r.objekt] : [];
            if (r.intakt) entries.push({ konto, objekt, period, ore: -Math.round(y.allotted.kr / 12) * 100 });
            const post = y.posts.find((p) => p.id === r.post);
            if (!post || rules.findIndex((o) => o.post === r.post) !== i) return;
            const factor = 0.85 + ((i * 37) % 30) / 100 + (m % 3) * 0.02;
            entries.push({ konto, objekt, period, ore: Math.round((post.amount.kr / 12) * factor) * 100 });
        });
    }
    entries.push({ konto: '7990', objekt: [], period: `${year}-09`, ore: 1250000 });
    return { kind: 'csv' as const, years: [], source: 'rader' as const, entries, balanceKonton: 0, warnings: [] };
}

function seedUtfall(dd: CardWorld['dd'], x: Forbund): void {
    const year = WORLD_NOW.getFullYear();
    dd.utfall.save(x.id, mapLedger(x, sampleLedger(x), WORLD_NOW), {
        fileName: 'huvudbok-2025.se',
        fileKind: 'SIE 4',
        sha256: 'exempel',
        generated: `${year}-11-05`,
        by: 'exempel',
    });
}

function answerCards(w: CardWorld): CardSpec[] {
    const { dd, f, g } = w;
    const context = decisionContext(dd);
    const asked = (x: typeof f, q: string) => {
        const a = ask(q, x, WORLD_NOW, {
            plan: dd.forbund.planText(x.id),
            utfall: utfallLookup(dd, x.id),
            ...context(x),
        });
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
        asked(g, 'Vad gör beredningsgruppen?'),
        asked(f, 'What does the board do?'),
        ...[f, g].map(
            (x) => (
                seedUtfall(dd, x),
                asked(x, x === f ? 'Hur ligger vi till mot budget?' : 'How are we doing against budget?')
            ),
        ),
    ];
}

/** A plan document as the preview shows it, from a seed plan text (as if printed to PDF and read back). */
function samplePlanDocument(plan: PlanText | undefined, pages: number, ocr: boolean) {
    const sections = [...new Set((plan?.passages ?? []).map((p) => p.headings[0]).filter(Boolean))];
    return {
        markdown: '',
        pages,
        ocr,
        title: plan?.title ?? 'Verksamhetsplan',
        sections: sections.length,
        firstHeadings: sections.slice(0, 5),
        passages: plan?.passages.length ?? 0,
    };
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
        cardOf(workbookPreviewCard(workbookPreview(f, f), 'budget.xlsx', 'preview:1|0|sampleNonce1', 'sv')),
        cardOf(
            workbookPreviewCard(workbookPreview(g, undefined, 'en'), 'budget.xlsx', 'preview:2|0|sampleNonce2', 'en'),
        ),
        ...(['sv', 'en'] as const).map((lang) => {
            const x = lang === 'sv' ? f : g;
            const imp = mapLedger(x, sampleLedger(x), WORLD_NOW);
            const reading = { imp, fileKind: 'SIE 4', generated: '2026-11-05', company: x.name };
            const stored = dd.utfall.current(x.id, imp.year);
            const p = ledgerPreview(
                x,
                { ...imp, lines: imp.lines.map((l, i) => (i === 0 ? { ...l, kr: l.kr + 5000 } : l)) },
                stored,
                lang,
            );
            return cardOf(
                ledgerPreviewCard(x, 'huvudbok.se', reading, p, `ledger:${lang === 'sv' ? 1 : 2}|0|sampleNonce3`, lang),
            );
        }),
        cardOf(
            askKind(
                dd,
                f,
                '29:ny',
                'lista.csv',
                {
                    workbook: [{ where: 'arbetsboken', reason: 'filen är ingen Excel-arbetsbok (.xlsx)' }],
                    ledger: { sv: '-', en: '-' },
                },
                'sv',
            ),
        ),
        cardOf(
            planPreviewCard(
                samplePlanDocument(dd.forbund.planText(f.id), 14, false),
                'Verksamhetsplan 2024.pdf',
                'planens text från installationen',
                'plan:1|0|sampleNonce5',
                'sv',
            ),
        ),
        cardOf(
            planPreviewCard(
                samplePlanDocument(dd.forbund.planText(g.id), 22, true),
                'Verksamhetsplan 2025 (skannad).pdf',
                'version 1 (Verksamhetsplan 2024.pdf), in force from 3 February 2025',
                'plan:2|0|sampleNonce6',
                'en',
            ),
        ),
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
            ...reportOverviewCards(w),
        ]),
    );
}
