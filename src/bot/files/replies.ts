// The answers a sent file gets that are not previews: a refusal naming what to change, always with "nothing changed".
import type { Lang } from '../lang';
import { messageCard, say, type Reply } from '../reply';

/** "The file was not imported" with the reason and that nothing changed. */
export function notImported(lang: Lang, sv: string, en: string, title?: [string, string]): Reply {
    const text = `${say(lang, sv, en)} ${say(lang, 'Inget har ändrats.', 'Nothing was changed.')}`;
    const [tsv, ten] = title ?? ['Filen lästes inte in', 'The file was not imported'];
    return { text, card: messageCard(say(lang, tsv, ten), text) };
}
