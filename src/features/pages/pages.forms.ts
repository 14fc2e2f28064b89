import { z } from 'zod';
import { requiredText, versionField } from '../register/register.forms.ts';

/**
 * A text page's form: the title and the text (paragraphs, "- " lists, "## " headings, [text](link); see
 * PageBody). At most 10 000 characters, so that even text of only å, ä and ö stays within the 64 KiB form.
 */
export const PAGE_BODY_MAX = 10_000;

export const pageForm = z.strictObject({
  title: requiredText(200),
  body: requiredText(PAGE_BODY_MAX),
  version: versionField,
});

export type PageInput = Omit<z.output<typeof pageForm>, 'version'>;

/** The order of the form's fields: for the error summary, and the history's order of changes. */
export const PAGE_FIELDS = ['title', 'body'] as const;
