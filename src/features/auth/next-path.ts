/** Where to go after signing in when nothing (or nothing safe) was asked for. */
export const DEFAULT_NEXT_PATH = '/mina-uppgifter';

/**
 * Only our own relative paths are followed after sign-in, so a crafted link cannot send someone who just
 * signed in to another site (`//evil.example`, `/\evil.example`, `https://…`, control characters).
 */
export function safeNextPath(raw: string | undefined | null): string {
  if (!raw || raw.length > 500) return DEFAULT_NEXT_PATH;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!/^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(raw)) return DEFAULT_NEXT_PATH;
  // The sign-in pages themselves are no place to land after signing in.
  if (raw === '/logga-in' || raw.startsWith('/logga-in/') || raw.startsWith('/logga-in?'))
    return DEFAULT_NEXT_PATH;
  return raw;
}
