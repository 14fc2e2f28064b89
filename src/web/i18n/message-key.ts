import { z } from 'zod';
import type { Messages } from './messages.ts';

/**
 * What a validation message may need to say more than its text: the value typed (a length, say) and
 * values the rule named (`params` of a custom issue).
 */
export type IssueContext = { input?: unknown; params?: Record<string, unknown> };

/** A dictionary entry a message key may point at. */
type Entry = string | ((issue: IssueContext) => string);

type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Entry
    ? `${Prefix}${K}`
    : T[K] extends (...args: never[]) => unknown
      ? never
      : T[K] extends object
        ? KeysOf<T[K], `${Prefix}${K}.`>
        : never;
}[keyof T & string];

/**
 * A message named by where it sits in the dictionary, e.g. 'account.nameMissing'. Schemas give keys, not
 * sentences, so that nothing is fixed in one language when a module loads; the text is looked up per
 * request (`translate`).
 */
export type MessageKey = KeysOf<Messages>;

/** Marks a string as a message key (checked against the dictionary by the type checker). */
export function messageKey(key: MessageKey): MessageKey {
  return key;
}

/**
 * The text of a message key in a dictionary; a function entry gets what the issue knows. A message that
 * is no key is our own text already (the settings' messages are written in Swedish for the operator):
 * library defaults cannot arrive here, since every check without a message of its own gets a key.
 */
export function translate(t: Messages, message: string, context: IssueContext = {}): string {
  let node: unknown = t;
  for (const part of message.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node === 'string') return node;
  if (typeof node === 'function') return (node as (issue: IssueContext) => string)(context);
  return message;
}

// Any check without a message of its own gets ours: Zod's English defaults never reach anyone.
z.config({ customError: () => messageKey('validation.invalid') });
