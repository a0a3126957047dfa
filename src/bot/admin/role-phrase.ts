// Understands role phrases in roster commands: "ledamot för Torsby kommun", "projektägare för Navet", "chair".
import type { Forbund } from '../../domain';
import type { PersonRole, RoleName } from '../../domain/access';
import { foldName as fold } from '../../qa/text';
import { findByName } from '../text';

const SYNONYMS: [RegExp, RoleName][] = [
    [/^(vice ordforande|vice ordf|vice chair(person)?|deputy chair)\b/, 'vice ordförande'],
    [/^(ordforande|ordf|chair(person|man|woman)?)\b/, 'ordförande'],
    [/^(ledamot|ledamoter|board member|member)\b/, 'ledamot'],
    [/^(ersattare|ersattaren|deputy|substitute|alternate)\b/, 'ersättare'],
    [/^(forbundschef|forbundschefen|chef|director)\b/, 'förbundschef'],
    [/^(projektagare|projektagaren|project owner|owner)\b/, 'projektägare'],
    [/^(beredningsgrupp|beredningsgruppen|preparatory group|preparation group)\b/, 'beredningsgrupp'],
    [/^(styrgrupp|styrgruppen|steering group|steering committee)\b/, 'styrgrupp'],
    [/^(ekonom|ekonomen|ekonomiadministrator|economist|accountant)\b/, 'ekonom'],
];
const NEEDS_PART: RoleName[] = ['ledamot', 'ersättare'];
const NEEDS_INSATS: RoleName[] = ['projektägare', 'styrgrupp'];

export type RolePhrase =
    { ok: true; role: PersonRole } | { ok: false; problem: 'unknown-role' | 'unknown-part' | 'unknown-insats' };

/** Parses "<role> [för|for|i|in <part or insats>]" against the förbund's parter and insatser. */
export function parseRolePhrase(phrase: string, f: Forbund): RolePhrase {
    const folded = fold(phrase);
    const hit = SYNONYMS.find(([re]) => re.test(folded));
    if (!hit) return { ok: false, problem: 'unknown-role' };
    const [re, role] = hit;
    const rest = folded
        .replace(re, '')
        .replace(/^\s*(for|i|in|at|pa)\s+/, '')
        .trim();
    if (NEEDS_PART.includes(role)) {
        const part = rest ? findByName(rest, f.parter, (p) => [p.name, p.id, ...p.aliases]) : undefined;
        return part ? { ok: true, role: { role, partId: part.id } } : { ok: false, problem: 'unknown-part' };
    }
    if (NEEDS_INSATS.includes(role)) {
        const insats =
            (rest ? findByName(rest, f.insatser, (i) => [i.name, i.id, ...i.aliases]) : undefined) ??
            (f.insatser.length === 1 && !rest ? f.insatser[0] : undefined);
        return insats ? { ok: true, role: { role, insatsId: insats.id } } : { ok: false, problem: 'unknown-insats' };
    }
    return { ok: true, role: { role } };
}

/** Describes a role for display: "ledamot för Torsby kommun". */
export function describeRole(r: PersonRole, f: Forbund, lang: 'sv' | 'en'): string {
    const target = r.partId
        ? f.parter.find((p) => p.id === r.partId)?.name
        : r.insatsId
          ? f.insatser.find((i) => i.id === r.insatsId)?.name
          : undefined;
    return target ? `${r.role} ${lang === 'en' ? 'for' : 'för'} ${target}` : r.role;
}
