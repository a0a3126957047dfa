// Which version of a förbund's data or plan an answer comes from, said in its source line in both languages.
import { formatDate } from './format';

/** "version 2 (budget 2027.xlsx), aktiv från 12 oktober 2026" and its English twin. */
export type Edition = { sv: string; en: string };

/** The edition of a stored version in force from `activeFrom` (yyyy-MM-dd, a Stockholm day). */
export function editionOf(version: number, source: string, activeFrom: string | undefined): Edition {
    const day = activeFrom ? new Date(`${activeFrom}T12:00:00Z`) : undefined;
    return {
        sv: `version ${version} (${source})${day ? `, aktiv från ${formatDate(day)}` : ', förslag'}`,
        en: `version ${version} (${source})${day ? `, in force from ${formatDate(day, 'd MMMM yyyy', 'en')}` : ', förslag'}`,
    };
}
