// Answers to beslutsregister questions: a § by reference, an utdrag, the latest meeting's decisions, decisions about X.
import { must } from '../../domain/must';
import type { BotDeps } from '../deps';
import type { Person } from '../../domain/access';
import { parseRef } from '../../domain/decisions';
import type { Paragraph } from '../../domain/protokoll';
import { say, type Reply } from '../reply';
import type { LinkedTurn } from '../turn';
import { bodyFromText } from '../meeting/parse';
import { formatWhen } from '../meeting/words';
import { documentModel } from './documents';
import { maySeeProtokoll, protokollLinks } from './protokoll-view';
import { entryLine, matching, registerEntries } from './register';
import { loadDecisionState, type DecisionState } from './state';

const MAX_LINES = 10;

/** The § a message names (`§ 14/2025`), with its meeting state; a sentence when there is none. */
function lookup(
    dd: BotDeps,
    info: LinkedTurn,
): { missing: string } | { st: DecisionState; p: Paragraph; itemId: number } {
    const f = info.forbund;
    const ref = parseRef(info.text);
    const body = bodyFromText(f, info.text);
    const at = ref && dd.protokoll.findParagraph(f.id, body?.id, ref.number, ref.year);
    const st = at && loadDecisionState(dd, at.meetingId);
    const p = at && st?.protokoll?.data.paragraphs.find((x) => x.itemId === at.itemId);
    if (!ref || !at || !st || !p) {
        const which = ref ? `§ ${ref.number}/${ref.year}` : say(info.lang, 'den paragrafen', 'that paragraph');
        return {
            missing: say(
                info.lang,
                `Jag hittar ingen ${which} i protokollen.`,
                `I can't find ${which} in the minutes.`,
            ),
        };
    }
    return { st, p, itemId: at.itemId };
}

/** "visa § 14/2025": the decision with a link when the asker may see the protokoll. */
export function answerRef(dd: BotDeps, info: LinkedTurn, asker?: Person): Reply {
    const found = lookup(dd, info);
    if ('missing' in found) return { text: found.missing };
    const e = registerEntries(dd, found.st.f.id, found.st.body.id).find(
        (x) => x.meetingId === found.st.meeting.id && x.itemId === found.itemId,
    );
    const text = e
        ? entryLine(dd, e, asker).replace(/^- /, '')
        : `**${found.p.ref}** ${found.p.title}: ${found.p.details ?? ''}`;
    return { text };
}

/** "protokollsutdrag § 14/2025": the formatted extract in chat and as a document at a signed link. */
export function answerExtract(dd: BotDeps, info: LinkedTurn, asker?: Person): Reply {
    const found = lookup(dd, info);
    if ('missing' in found) return { text: found.missing };
    const { st, itemId } = found;
    if (!maySeeProtokoll(st, asker))
        return {
            text: say(
                info.lang,
                `${found.p.ref} finns i ett protokoll som inte är justerat än; utdrag lämnas när det är justerat.`,
                `${found.p.ref} is in minutes that are not approved yet; extracts are given once approved.`,
            ),
        };
    const doc = must(documentModel(dd, st, itemId), 'the § lookup found');
    const links = protokollLinks(dd, st.meeting.id, itemId);
    const text = [
        `**${doc.heading}**`,
        ...doc.meta,
        ...doc.sections.flatMap((s) => [`**${s.title}**`, ...s.lines]),
        `[${say(info.lang, 'Utdrag (HTML)', 'Extract (HTML)')}](${links.html}) · [PDF](${links.pdf})`,
    ].join('\n');
    return { text };
}

/** "beslut från senaste styrelsemötet": every decision of the body's latest closed meeting. */
export function answerLatest(dd: BotDeps, info: LinkedTurn, asker?: Person): Reply {
    const f = info.forbund;
    const body =
        bodyFromText(f, info.text) ??
        must(
            f.bodies.find((b) => b.kind === 'styrelse'),
            'a styrelse (the schema requires one)',
        );
    const id = dd.protokoll.closedMeetings(f.id, body.id)[0];
    const st = id ? loadDecisionState(dd, id) : undefined;
    if (!st)
        return {
            text: say(
                info.lang,
                `${body.name} har inget avslutat möte med protokoll än.`,
                `${body.name} has no closed meeting with minutes yet.`,
            ),
        };
    const lines = registerEntries(dd, f.id, body.id)
        .filter((e) => e.meetingId === id)
        .map((e) => entryLine(dd, e, asker));
    const head = say(
        info.lang,
        `Beslut från ${body.name.toLowerCase()}s möte ${formatWhen(st.meeting.startsAt, 'sv')}:`,
        `Decisions from the ${body.name} meeting on ${formatWhen(st.meeting.startsAt, 'en')}:`,
    );
    return { text: [head, ...(lines.length ? lines : [say(info.lang, 'Inga beslut.', 'No decisions.')])].join('\n') };
}

/** "vilka beslut har fattats om Navet?": register entries whose title or text mentions the topic. */
export function answerAbout(dd: BotDeps, info: LinkedTurn, asker: Person | undefined, topic: string): Reply {
    const hits = matching(registerEntries(dd, info.forbund.id), topic);
    const clean = topic.replace(/^(?:the|den|det)\s+/i, '');
    if (!hits.length)
        return {
            text: say(
                info.lang,
                `Jag hittar inga beslut om "${clean}" i beslutsregistret.`,
                `I find no decisions about "${clean}" in the register.`,
            ),
        };
    const more =
        hits.length > MAX_LINES
            ? [say(info.lang, `… och ${hits.length - MAX_LINES} till.`, `… and ${hits.length - MAX_LINES} more.`)]
            : [];
    const head = say(
        info.lang,
        `Beslut om "${clean}" i beslutsregistret:`,
        `Decisions about "${clean}" in the register:`,
    );
    return { text: [head, ...hits.slice(0, MAX_LINES).map((e) => entryLine(dd, e, asker)), ...more].join('\n') };
}
