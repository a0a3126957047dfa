// Words for decisions and protokoll in the user's language, and the small shared checks the handlers use.
import type { JusteringState } from '../../domain/decision-justering';
import type { Lang } from '../lang';
import { say } from '../reply';
import type { MeetingState } from '../meeting/state';
import { formatWhen } from '../meeting/words';

/** The protokoll's status in words (Swedish for the document, the user's language on cards). */
export function justeringText(j: JusteringState | undefined, lang: Lang, names: (ids: number[]) => string): string {
    if (!j) return say(lang, 'Inget protokoll än', 'No minutes yet');
    if (j.status === 'justerat') return say(lang, 'Justerat', 'Approved (justerat)');
    if (j.status === 'ändring-begärd')
        return say(
            lang,
            `Ändring begärd av ${names(j.requests.map((r) => r.personId))} (version ${j.version})`,
            `Change requested by ${names(j.requests.map((r) => r.personId))} (version ${j.version})`,
        );
    const done = j.done.length ? say(lang, `, justerat av ${names(j.done)}`, `, approved by ${names(j.done)}`) : '';
    return say(
        lang,
        `Utkast version ${j.version} – justeras${done}`,
        `Draft version ${j.version} – being checked${done}`,
    );
}

/** The status of minnesanteckningar, which are never justerade. */
export const notesStatus = (lang: Lang) =>
    say(lang, 'Minnesanteckningar – justeras inte', 'Meeting notes – not signed off (no justering)');

/** `Styrelsen 12 december 2025` style heading for a meeting. */
export const meetingHeading = (st: MeetingState, lang: Lang) =>
    `${st.body.name}, ${formatWhen(st.meeting.startsAt, lang)}`;

/** "Nothing was changed" refusal sentence with a reason. */
export const nothing = (lang: Lang, sv: string, en: string) =>
    say(lang, `${sv} Inget har ändrats.`, `${en} Nothing was changed.`);
