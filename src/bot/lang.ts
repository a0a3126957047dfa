// The language of a message for the whole bot: the Q&A's word-based guess (Swedish unless clearly English).
import { detectLang as detectQuestionLang } from '../qa/lang';
import { fold } from '../qa/text';

export type Lang = 'sv' | 'en';

/** The language of a Teams client locale ('en-US' → 'en'); Swedish for anything else or none. */
export function langOfLocale(locale?: string): Lang {
    return locale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

/** Returns 'en' when the text has more English than Swedish marker words, else 'sv'. */
export function detectLang(text: string): Lang {
    return detectQuestionLang(text, fold(text));
}
