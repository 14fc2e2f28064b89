// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Whether text holds a C0 control character or DEL. No path, slug or filter of ours does, and PostgreSQL
 * refuses NUL in text outright, so such input is refused before it reaches a query.
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/**
 * Text as a person may type it: NUL and other control characters removed, tab and newline kept. PostgreSQL
 * cannot store NUL, and no control character is ever meant in a name or a comment.
 */
export function stripControlCharacters(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
