import type { Request } from 'express';

/** The languages of the pages and messages (SPEC §6). */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Accept-Language first, then the configured default. */
export function languageOf(request: Request, fallback: Language): Language {
  if (!request.get('accept-language')) return fallback;
  return (request.acceptsLanguages(...LANGUAGES) || fallback) as Language;
}
