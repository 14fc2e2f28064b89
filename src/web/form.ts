import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-deps.ts';
import { AppError } from '../lib/errors.ts';
import { Refusal } from '../lib/refusal.ts';
import { readForm } from './form-body.ts';
import { translate } from './i18n/message-key.ts';
import type { Messages } from './i18n/messages.ts';

/** Where a message that concerns the whole form, not one field, is kept in `errors`. */
export const WHOLE_FORM = '_form';

/**
 * A form to show again: what was typed, as it was sent, and one message per field in the request's
 * language. Views take this; nothing typed is lost.
 */
export type FormState<Field extends string = string> = {
  values: Partial<Record<Field, string>>;
  errors: Partial<Record<Field | typeof WHOLE_FORM, string>>;
};

export type FieldOf<S extends z.ZodType> = keyof z.input<S> & string;

export type ParsedForm<S extends z.ZodType> =
  | { ok: true; data: z.output<S>; values: Record<string, string> }
  | { ok: false; form: FormState<FieldOf<S>> };

/**
 * The one way a route reads a form. Not a form of ours — another content type (415), a file, a field sent
 * twice, a field the form does not have (400, `z.strictObject`) — is refused outright. A form of ours with
 * values the rules refuse comes back as `{ ok: false, form }`, to render again with status 422. Messages
 * are message keys in the schema, looked up here per request (message-key.ts).
 */
export async function parseForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  options: { hidden?: string[] } = {},
): Promise<ParsedForm<S>> {
  return checkFields(c.var.t, schema, await readForm(c), options);
}

/** As `parseForm`, for fields already read (a query string, say). */
export function checkFields<S extends z.ZodType>(
  t: Messages,
  schema: S,
  fields: Record<string, string>,
  { hidden = [] }: { hidden?: string[] } = {},
): ParsedForm<S> {
  // A field left out (an unticked radio group, a stripped field) is checked as empty, so it gets the
  // field's own message ("Skriv din e-postadress"), never a generic one.
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const filled = { ...Object.fromEntries(shape.map((name) => [name, ''])), ...fields };
  const result = schema.safeParse(filled, { reportInput: true });
  if (result.success) return { ok: true, data: result.data, values: fields };
  if (result.error.issues.some((issue) => issue.code === 'unrecognized_keys'))
    throw new AppError('BAD_REQUEST', 'a field the form does not have');
  // A hidden field (the version, the next path) is never typed: a bad one is not our form.
  if (result.error.issues.some((issue) => hidden.includes(String(issue.path[0]))))
    throw new AppError('BAD_REQUEST', 'a hidden field is not what the form sent');
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : WHOLE_FORM;
    const params = 'params' in issue ? (issue.params as Record<string, unknown> | undefined) : undefined;
    errors[field] ??= translate(t, issue.message, { input: issue.input, params });
  }
  return { ok: false, form: { values: fields, errors } as FormState<FieldOf<S>> };
}

/**
 * A refusal from a service as the message next to its field, to show the form again; anything else
 * (another error, or a refusal without a field) is thrown on, to `app.onError`.
 */
export function fieldErrorsFor(c: Context<AppEnv>, error: unknown): Record<string, string> {
  if (!(error instanceof Refusal) || error.field === undefined) throw error;
  return { [error.field]: translate(c.var.t, error.reason, { params: error.params }) };
}

/** The messages in the order of the form's fields, for the error summary at the top. */
export function errorList(
  errors: Partial<Record<string, string>>,
  order: readonly string[],
): { field: string; message: string }[] {
  const known = order.filter((field) => errors[field] !== undefined);
  const rest = Object.keys(errors).filter((field) => !order.includes(field));
  return [...known, ...rest].map((field) => ({ field, message: errors[field] as string }));
}
