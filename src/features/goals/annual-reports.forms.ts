import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import { optionalText, versionField } from '../register/register.forms.ts';
import { goalSlugs } from './indicators/indicator-catalogue.ts';

/**
 * The annual report's forms (issue 11): a new draft (its year and texts) and a change of a draft's texts.
 * Whether the year is in range or taken is the service's rule (it depends on today and the register), so
 * its message comes back as a refusal next to the year field.
 */

/** A goal's comment field: one per goal, named by its slug. */
export const commentField = (slug: string) => `comment-${slug}`;

const MAX_SUMMARY = 5000;
const MAX_COMMENT = 3000;

const textFields = {
  summary: optionalText(MAX_SUMMARY),
  ...Object.fromEntries(goalSlugs.map((slug) => [commentField(slug), optionalText(MAX_COMMENT)])),
} as Record<'summary' | `comment-${(typeof goalSlugs)[number]}`, ReturnType<typeof optionalText>>;

const yearField = z
  .string()
  .trim()
  .regex(/^\d{4}$/, messageKey('annualReports.errors.yearInvalid'))
  .transform(Number);

export const newReportForm = z.strictObject({ year: yearField, ...textFields });
export const reportTextsForm = z.strictObject({ ...textFields, version: versionField });
/** Publishing names the version the coordinator read on the confirmation page. */
export const publishForm = z.strictObject({ version: versionField });

export const REPORT_FIELDS = ['year', 'summary', ...goalSlugs.map(commentField)] as const;

/** The typed texts as the report stores them: '' for nothing, comments by goal slug. */
export function textsOf(data: Record<string, unknown>): {
  summary: string;
  goalComments: Record<string, string>;
} {
  const goalComments: Record<string, string> = {};
  for (const slug of goalSlugs) {
    const comment = data[commentField(slug)];
    if (typeof comment === 'string' && comment !== '') goalComments[slug] = comment;
  }
  return { summary: typeof data.summary === 'string' ? data.summary : '', goalComments };
}

/** A report's texts as the form shows them. */
export function formValuesOf(texts: { summary: string; goalComments: Record<string, string> }) {
  return {
    summary: texts.summary,
    ...Object.fromEntries(goalSlugs.map((slug) => [commentField(slug), texts.goalComments[slug] ?? ''])),
  } as Record<string, string>;
}
