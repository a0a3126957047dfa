// Zod fields every card submit shares: the card's language and optional free text, trimmed (empty is absent).
import { z } from 'zod';

/** The language the card was made in; anything else is treated as not given. */
export const cardLangField = z.enum(['sv', 'en']).optional().catch(undefined);

/** Optional text of at most `max` characters, trimmed; blank becomes undefined. */
export const optionalText = (max: number) =>
    z
        .string()
        .max(max)
        .optional()
        .transform((s) => s?.trim() || undefined);
