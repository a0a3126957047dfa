// Which language a question is in: English or Swedish function and domain words, Swedish by default.
import type { Lang } from './types';

const EN = new Set(
    'what whats how is are was the our of for does do did when who whom which show list much many will should can could me next last this year years check help please forecast equity goal goals board members need total costs cost income result share each every set aside in get getting work development contribution contribute municipality municipalities state allocation approved final there anything wrong with at end opening closing partners parties often meet owns owner project employs director participants aiming support percentage tell joke write poem exchange rate today won game night kind report reports reported reporting month months january february march may june july august october not yet has have submitted new meeting meetings agenda attendance deadlines deadline remind add remove link roles decisions decided about minutes compare and why chair chairs change changes between from falling grow beginning substitute substitutes vice'.split(
        ' ',
    ),
);
const SV = new Set(
    'vad hur och for var vart vara av i pa nar vem vilka vilken vilket visa mycket manga ska kan nasta forra aret ar budgeten kontrollera eget kapital mal malet styrelsen har vi det om till med kostar totala intakter kostnader blir hade finns nagra tack mot sitter maste hette bildades ingar lagger betalar bidrar tjanar alla tillsammans'.split(
        ' ',
    ),
);

/** 'en' when the folded words are more English than Swedish; any å/ä/ö counts for Swedish. */
export function detectLang(raw: string, folded: string): Lang {
    let en = 0;
    let sv = /[åäö]/i.test(raw) ? 1 : 0;
    for (const w of folded.split(' ')) {
        if (EN.has(w)) en++;
        if (SV.has(w)) sv++;
    }
    return en > sv ? 'en' : 'sv';
}
