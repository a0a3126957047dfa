// Guesses whether a message is English or Swedish from common words; Swedish is the default.
export type Lang = 'sv' | 'en';

const EN = new Set(
    "what whats what's how is are the our of for does do did when who which show list much many will should can me my next last this year budget check help please forecast equity goal goals board meeting members decide decided about report add remove link".split(
        ' ',
    ),
);
const SV = new Set(
    'vad hur är och för vår vårt våra av i på när vem vilka vilken visa lista mycket många ska kan jag mig nästa förra året år budgeten kontrollera hjälp prognos eget kapital mål styrelsen möte får ha om till lägg ta bort koppla'.split(
        ' ',
    ),
);

/** Returns 'en' when the text has more English than Swedish marker words, else 'sv'. */
export function detectLang(text: string): Lang {
    const words = text
        .toLowerCase()
        .split(/[^\p{L}']+/u)
        .filter(Boolean);
    let en = 0;
    let sv = 0;
    for (const w of words) {
        if (EN.has(w)) en++;
        if (SV.has(w)) sv++;
    }
    if (/[åäö]/i.test(text)) sv++;
    return en > sv ? 'en' : 'sv';
}
