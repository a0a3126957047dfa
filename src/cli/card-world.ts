// A realistic bot world for the card pictures: the whole app on an in-memory database with every förbund in
// data/forbund and its roster, meetings with answers, decisions and a closed protokoll, per capsulam votes and reports.
// Everything is written through the repositories and functions the bot itself uses; the clock is fixed.
import { createHash } from 'node:crypto';
import { justeredText } from '../domain/protokoll';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import type { Body, Forbund } from '../domain';
import type { Person } from '../domain/access';
import { perCapsulamVoters } from '../domain/decision-per-capsulam';
import { invitation } from '../domain/meetings';
import { must } from '../domain/must';
import { validateReport } from '../domain/report-schema';
import { addMonths, OUTCOMES, referrers, surveyIndicators } from '../domain/reports';
import { closeNow } from '../bot/decisions/close';
import { checkDecision } from '../bot/decisions/record-check';
import { knownClosedState, loadDecisionState, type DecisionState } from '../bot/decisions/state';
import type { BotDeps } from '../bot/deps';
import { createLogger } from '../log';
import { FORBUND_DATA_DIR } from '../paths';
import type { ItemFields } from '../storage/meeting-items';
import type { Db } from '../storage/db';
import { seedInsats } from './seed-demo';

/** A Sunday in November: a board meeting is called for December, October's meeting is closed, reports are due. */
export const WORLD_NOW = new Date('2025-11-16T08:00:00Z');

export type CardWorld = ReturnType<typeof buildWorld>;

/** Builds the world, hands it to `use` and closes its database; returns what `use` returns. */
export function withCardWorld<T>(use: (w: CardWorld) => T): T {
    const ids = readdirSync(FORBUND_DATA_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json'))
        .sort();
    const config = loadConfig({ FORBUND: ids.join(','), DATA_DIR: ':memory:', LOG_LEVEL: 'silent' });
    const clock = { now: WORLD_NOW };
    const app = createApp(config, { now: () => clock.now, log: createLogger('silent', {}, () => {}) });
    try {
        return use(buildWorld(app.deps, app.db, clock));
    } finally {
        // Nothing listens and no timer runs: the database is all there is to close.
        app.db.close();
    }
}

const holds = (p: Person, role: string) => p.roles.some((r) => r.role === role);

function buildWorld(dd: BotDeps, db: Db, clock: { now: Date }) {
    const all = dd.forbund.list();
    const [f, g = f] = all;
    const people = (x: Forbund) => dd.roster.list(x.id);
    // People who have used the bot have their Teams id bound; posted cards refresh for them.
    for (const x of all) for (const p of people(x)) dd.roster.bindIdentity(p.id, { teamsUserId: `29:${p.slug}` });
    const roster = people(f);
    const chef = must(
        roster.find((p) => holds(p, 'förbundschef')),
        'a förbundschef in the roster',
    );
    const chair = must(
        roster.find((p) => holds(p, 'ordförande')),
        'an ordförande in the roster',
    );
    const styrelse = must(
        f.bodies.find((b) => b.kind === 'styrelse'),
        'a styrelse',
    );
    const beredning = must(
        f.bodies.find((b) => b.kind !== 'styrelse'),
        'a body besides the styrelse',
    );
    const inv = invitation(f, styrelse, roster);
    const ledamoter = inv.groups.flatMap((gr) => gr.ledamoter);
    const ersattare = inv.groups.flatMap((gr) => gr.ersattare);
    const owner = (x: Forbund) => people(x).find((p) => holds(p, 'projektägare'));

    const budget = {
        title: 'Verksamhetsplan och budget 2026',
        proposal: 'Styrelsen fastställer verksamhetsplan och budget för 2026.',
    };
    const interim = { title: 'Delårsrapport januari–augusti 2025', proposal: 'Styrelsen godkänner delårsrapporten.' };
    const items = (matter: { title: string; proposal: string }): ItemFields[] => [
        { kind: 'information', title: 'Mötets öppnande' },
        { kind: 'beslut', title: 'Godkännande av dagordningen', proposal: 'Styrelsen godkänner dagordningen.' },
        {
            kind: 'beslut',
            title: matter.title,
            presenter: chef.name,
            proposal: matter.proposal,
            details: 'Beredningsgruppen har berett ärendet.\nUnderlaget bifogas.',
            // Changed after December's kallelse (12 November): members see it marked "ändrad".
            links: [
                {
                    title: `Underlag: ${matter.title}`,
                    url: 'https://contoso.sharepoint.com/sites/styrelsen/Delade%20dokument/underlag.pdf',
                    version: 'version 2',
                    addedAt: '2025-09-20T09:00:00.000Z',
                    changedAt: '2025-11-20T09:00:00.000Z',
                },
            ],
        },
        {
            kind: 'information',
            title: `Rapport från ${f.insatser[0].name}`,
            presenter: owner(f)?.name,
            details: 'Deltagare, avslut och avvikelser hittills i år.',
        },
        { kind: 'diskussion', title: 'Övriga frågor' },
    ];
    const meeting = (body: Body, startsAt: string, place: string, matter: { title: string; proposal: string }) =>
        dd.meetings.create(
            {
                forbundId: f.id,
                bodyId: body.id,
                createdBy: chef.id,
                startsAt: new Date(startsAt),
                place,
                items: items(matter),
            },
            chef.slug,
        ).id;
    const answerAll = (id: number) => {
        ledamoter.forEach((p, i) => dd.meetings.answer(id, p, i === ledamoter.length - 1 ? 'förhinder' : 'kommer'));
        if (ersattare[0] !== undefined) dd.meetings.answer(id, ersattare[0], 'kommer');
        dd.meetings.setJusterare(id, [ledamoter[0], ledamoter[1]], chef.id, chef.slug);
    };
    const state = (id: number): DecisionState => must(loadDecisionState(dd, id), `decision state of meeting ${id}`);

    // October's board meeting: held, decided as proposed by the chair, closed by the chef.
    clock.now = new Date('2025-10-01T09:00:00Z');
    const past = meeting(styrelse, '2025-10-17T11:00:00Z', 'Sammanträdesrummet, kommunhuset', interim);
    dd.meetings.markCalled(past, chef.slug);
    answerAll(past);
    clock.now = new Date('2025-10-17T12:30:00Z');
    const decide = (it: DecisionState['items'][number]) => {
        const st = state(past);
        const checked = checkDecision(dd, st, it, { outcome: 'bifall', jav: [], reservationer: [] }, 'sv');
        if (!checked.ok) throw new Error(`card world: ${checked.note}`);
        dd.decisions.record(
            {
                meetingId: past,
                itemId: it.id,
                outcome: 'bifall',
                text: checked.text,
                jav: [],
                reservationer: [],
                recordedBy: chair.id,
            },
            0,
            f.id,
            chair.slug,
        );
    };
    const beslut = state(past).items.filter((it) => it.kind === 'beslut');
    decide(beslut[0]);
    const decidedOne = state(past);
    decide(beslut[1]);
    // The second beslut gives the chef an uppdrag, due before December's meeting (its agenda follows it up).
    const given = must(dd.decisions.latest(beslut[1].id), 'the second decision');
    const uppdrag = dd.uppdrag.add(
        {
            forbundId: f.id,
            bodyId: styrelse.id,
            meetingId: past,
            itemId: beslut[1].id,
            decisionId: given.id,
            what: 'Redovisa en plan för uppföljning av insatserna',
            owner: { personId: chef.id },
            due: '2025-12-05',
            createdBy: chair.id,
        },
        chair.slug,
    );
    dd.transaction(() => closeNow(dd, state(past), chef));
    const closed = knownClosedState(dd, past);
    const protokoll = closed.protokoll;
    const [j1, j2] = protokoll.data.justerare.map((j) =>
        must(
            roster.find((p) => p.id === j.personId),
            `justerare ${j.personId}`,
        ),
    );
    clock.now = new Date('2025-10-21T09:00:00Z');
    const sha = createHash('sha256').update(justeredText(protokoll.data), 'utf8').digest('hex');
    dd.protokoll.addEvent(closed.meeting, 1, j1.id, 'justerat', undefined, j1.slug, sha);
    dd.protokoll.addEvent(
        closed.meeting,
        1,
        j2.id,
        'ändring',
        `Under ${protokoll.data.paragraphs[2]?.ref ?? '§'} ska det stå att beslutet var enhälligt.`,
        j2.slug,
    );
    const changeRequested = knownClosedState(dd, past);

    // December's board meeting: called, posted in the channel, most have answered.
    clock.now = new Date('2025-11-12T09:00:00Z');
    const next = meeting(styrelse, '2025-12-12T12:00:00Z', 'Sammanträdesrummet, kommunhuset', budget);
    dd.meetings.markCalled(next, chef.slug);
    answerAll(next);
    dd.meetings.recordCard(next, '19:styrelsen@thread.tacv2', '1:kallelse', chef.id);
    // Two yrkanden on the budget: bifall from the chair, a change from a ledamot (the votering card shows both).
    const nextBudget = must(
        dd.meetings.items(next).find((it) => it.title === budget.title),
        'the budget item of the next meeting',
    );
    dd.meetings.addYrkande(next, nextBudget.id, { personId: chair.id, outcome: 'bifall' }, chair.id);
    dd.meetings.addYrkande(
        next,
        nextBudget.id,
        {
            personId: ledamoter[1],
            outcome: 'ändrat',
            text: 'Att fastställa budgeten för 2026 med 200 000 kr mindre till administration',
        },
        chair.id,
    );
    // A third yrkande its maker withdrew: the card shows it, struck from the vote.
    const third = dd.meetings.addYrkande(
        next,
        nextBudget.id,
        { personId: ledamoter[0], outcome: 'återremiss' },
        chair.id,
    );
    dd.meetings.withdrawYrkande(third, chair.id);
    // A ledamot who leaves after the budget (item 3) and comes back at item 5 (the närvaro form lists it).
    dd.meetings.setPresence(
        next,
        ledamoter[0],
        [
            { personId: ledamoter[0], change: 'går', itemId: dd.meetings.items(next)[2].id },
            { personId: ledamoter[0], change: 'kommer', itemId: dd.meetings.items(next)[4].id },
        ],
        chef.id,
        chef.slug,
    );
    // A preparatory meeting nobody has answered yet.
    const fresh = meeting(beredning, '2025-12-03T08:00:00Z', 'Förbundets kontor', budget);
    // November's preparatory meeting, held and closed into minnesanteckningar (no quorum, no justering, no §).
    clock.now = new Date('2025-11-01T09:00:00Z');
    const prep = meeting(beredning, '2025-11-05T08:00:00Z', 'Förbundets kontor', budget);
    dd.meetings.markCalled(prep, chef.slug);
    const prepMembers = invitation(f, beredning, roster).members;
    prepMembers.forEach((id, i) => dd.meetings.answer(prep, id, i === 0 ? 'förhinder' : 'kommer'));
    clock.now = new Date('2025-11-05T10:00:00Z');
    dd.transaction(() => closeNow(dd, state(prep), chef));
    const notes = knownClosedState(dd, prep);
    clock.now = new Date('2025-11-12T09:00:00Z');

    // Per capsulam: one open with some votes, one past its deadline with a No.
    const voters = perCapsulamVoters(inv, []).voters;
    const perCapsulam = (title: string, proposal: string, deadline: string) => {
        const id = dd.perCapsulam.create(
            {
                forbundId: f.id,
                bodyId: styrelse.id,
                title,
                proposal,
                deadline: new Date(deadline),
                voters,
                createdBy: chef.id,
            },
            chef.slug,
        );
        return must(dd.perCapsulam.get(id), `per capsulam ${id} just created`);
    };
    clock.now = new Date('2025-11-03T09:00:00Z');
    const pcClosed = perCapsulam(
        'Ändrad attestordning',
        'Styrelsen antar den ändrade attestordningen enligt bilaga.',
        '2025-11-10T11:00:00Z',
    );
    voters.forEach((v, i) => i < 3 && dd.perCapsulam.vote(pcClosed, v.part, v.personId, i === 1 ? 'nej' : 'ja', 'x'));
    clock.now = new Date('2025-11-14T09:00:00Z');
    const pcOpen = perCapsulam(
        'Yttrande över remiss om samordningsförbundens finansiering',
        'Styrelsen lämnar yttrande enligt förbundschefens förslag.',
        '2025-11-21T11:00:00Z',
    );
    voters.forEach((v, i) => i < 2 && dd.perCapsulam.vote(pcOpen, v.part, v.personId, 'ja', 'x'));

    // Monthly reports: the demo data for January–September; in the second förbund October is sent by the project owner.
    clock.now = WORLD_NOW;
    for (const x of all) {
        for (const insats of x.insatser) {
            seedInsats(db, x, insats, 2025, '2025-10', clock.now);
            if (x === f && all.length > 1) continue;
            const previous = must(dd.reports.latest(x.id, insats.id, '2025-09'), 'the seeded 2025-09 report').report;
            const nya = { kvinnor: 1, man: 1, annat: 0 };
            const none = { kvinnor: 0, man: 0, annat: 0 };
            const october = validateReport(
                {
                    month: '2025-10',
                    nya,
                    avslutade: none,
                    pagaende: {
                        ...previous.pagaende,
                        kvinnor: previous.pagaende.kvinnor + 1,
                        man: previous.pagaende.man + 1,
                    },
                    utfall: Object.fromEntries(OUTCOMES.map((o) => [o, 0])),
                    rem: Object.fromEntries(referrers(x).map((r, i) => [r, i === 0 ? 2 : 0])),
                    dagar: 0,
                    dagarFore: 0,
                    ind: Object.fromEntries(surveyIndicators(insats).map((i) => [i.id, { besvarade: 0, positiva: 0 }])),
                    kommentar: 'Två nya deltagare i oktober.',
                },
                { forbund: x, insats, now: clock.now, previous },
            );
            if (!october.ok)
                throw new Error(`card world: October report is invalid: ${JSON.stringify(october.errors)}`);
            const by = owner(x)?.slug ?? 'projektägare';
            dd.reports.insert({
                forbundId: x.id,
                insatsId: insats.id,
                report: october.report,
                submittedBy: by,
                at: clock.now,
            });
        }
    }

    return {
        dd,
        db,
        f,
        g,
        roster,
        chef,
        chair,
        styrelse,
        ledamot: must(
            roster.find((p) => p.id === ledamoter.at(-1)),
            'the last ledamot',
        ),
        ersattare: must(
            roster.find((p) => p.id === ersattare[0]),
            'the first ersättare',
        ),
        month: addMonths('2025-11', -1),
        next: state(next),
        fresh: state(fresh),
        notes,
        decidedOne,
        closed,
        changeRequested,
        j1: j1,
        pcOpen,
        pcClosed,
        uppdrag,
    };
}
