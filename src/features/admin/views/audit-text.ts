import type { Messages } from '../../../web/i18n/messages.ts';

/**
 * Characters that could make one log entry look like several, or hide or reorder text: C0 and C1
 * controls (with \n and \r), the Unicode line and paragraph separators, zero-width and bidi controls.
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Every such character as a visible escape ("\n", "\u2028"), so the text is one line, as stored. */
export function escapeControlCharacters(value: string): string {
  return value.replace(
    HIDDEN,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A record's own entry only: a key like "constructor" must not find Object.prototype's. */
function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function valueText(t: Messages, key: string, value: unknown): string {
  if (typeof value === 'string') {
    if (key === 'role' || key === 'previousRole') return own(t.auth.roles, value) ?? value;
    return value;
  }
  return JSON.stringify(value) ?? String(value);
}

/** An entry's details as label and value texts, each escaped; labels in Swedish where we know the key. */
export function auditDetailItems(t: Messages, detail: unknown): { label: string; value: string }[] {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail))
    return detail === null || detail === undefined
      ? []
      : [{ label: '', value: escapeControlCharacters(JSON.stringify(detail)) }];
  return Object.entries(detail).map(([key, value]) => ({
    label: escapeControlCharacters(own(t.admin.log.detailKeys, key) ?? key),
    value: escapeControlCharacters(valueText(t, key, value)),
  }));
}

/** What the log shows for a person: their name, else their e-mail, escaped like everything else there. */
export function personLabel(t: Messages, person: { name: string; email: string | null }): string {
  return escapeControlCharacters(person.name || person.email || t.admin.unnamed);
}

/** An action's Swedish name; an action we no longer know is shown as stored. */
export function actionLabel(t: Messages, action: string): string {
  return own(t.admin.actions, action) ?? escapeControlCharacters(action);
}
