import { z } from 'zod';
import { optionalText, requiredText, versionField } from '../register/register.forms.ts';

/** The fields of a focus area as its form sends them. */
const focusAreaFields = {
  name: requiredText(200),
  description: optionalText(2000),
};

export const newFocusAreaForm = z.strictObject(focusAreaFields);

export const focusAreaForm = z.strictObject({ ...focusAreaFields, version: versionField });

export type FocusAreaInput = z.output<typeof newFocusAreaForm>;

/** The order of the form's fields: for the error summary. */
export const FOCUS_AREA_FIELDS = ['name', 'description'] as const;
