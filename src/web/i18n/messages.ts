import { sv } from './sv.ts';

/**
 * The interface's dictionaries, one per language, all of one shape (`Messages`): a missing translation is
 * a type error. Only Swedish exists yet; English (`en.ts`) comes with its issue. UI text is always looked
 * up through the request (`c.var.t` in routes, `useT()` in views), never bound at import time, so the
 * same view renders in the request's language.
 */
export type Messages = typeof sv;

export type Language = 'sv';

const dictionaries: Record<Language, Messages> = { sv };

export const DEFAULT_LANGUAGE: Language = 'sv';

/** The language a request is answered in: the signed-in person's choice where it exists, else Swedish. */
export function languageFor(preferred: string | null | undefined): Language {
  return preferred !== null && preferred !== undefined && preferred in dictionaries
    ? (preferred as Language)
    : DEFAULT_LANGUAGE;
}

export function messagesFor(language: Language): Messages {
  return dictionaries[language];
}
