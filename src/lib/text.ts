// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Whether text holds a C0 control character or DEL. No path, slug or filter of ours does, and PostgreSQL
 * refuses NUL in text outright, so such input is refused before it reaches a query.
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}
