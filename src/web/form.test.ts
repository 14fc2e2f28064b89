import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { checkFields, errorList, WHOLE_FORM } from './form.ts';
import { messageKey } from './i18n/message-key.ts';
import { messagesFor } from './i18n/messages.ts';

const t = messagesFor('sv');

describe('checkFields (the one form pattern)', () => {
  const form = z.strictObject({
    name: z
      .string()
      .trim()
      .min(1, messageKey('account.nameMissing'))
      .max(100, messageKey('account.nameTooLong')),
    count: z.coerce.number().int().min(1),
  });

  it('gives the typed values on success', () => {
    expect(checkFields(t, form, { name: ' Ada ', count: '2' })).toEqual({
      ok: true,
      data: { name: 'Ada', count: 2 },
      values: { name: ' Ada ', count: '2' },
    });
  });

  it('gives one Swedish message per field, from message keys, with what was typed kept', () => {
    const result = checkFields(t, form, { name: 'x'.repeat(101), count: 'tre' });
    expect(result).toEqual({
      ok: false,
      form: {
        values: { name: 'x'.repeat(101), count: 'tre' },
        errors: {
          name: 'Namnet får vara högst 100 tecken. Du skrev 101.',
          count: 'Kontrollera uppgiften här.',
        },
      },
    });
  });

  it('never lets a library’s English default through: a check without a message gets ours', () => {
    const result = checkFields(t, z.strictObject({ email: z.email() }), { email: 'inte en adress' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.form.errors.email).toBe(t.validation.invalid);
  });

  it('refuses a field the form does not have as a bad request, not a message', () => {
    expect(() => checkFields(t, form, { name: 'Ada', count: '1', isAdmin: 'true' })).toThrow(AppError);
  });

  it('keeps a message about the whole form apart, and lists messages in the form’s order', () => {
    const dates = z
      .strictObject({ from: z.string(), to: z.string() })
      .refine((value) => value.from <= value.to, { error: messageKey('feedbackViewer.toBeforeFrom') });
    const result = checkFields(t, dates, { from: '2026-12-01', to: '2026-11-01' });
    expect(result.ok ? null : result.form.errors[WHOLE_FORM]).toBe(t.feedbackViewer.toBeforeFrom);
    expect(errorList({ b: 'B', a: 'A', c: 'C' }, ['a', 'b'])).toEqual([
      { field: 'a', message: 'A' },
      { field: 'b', message: 'B' },
      { field: 'c', message: 'C' },
    ]);
  });
});
