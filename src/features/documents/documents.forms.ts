import { z } from 'zod';
import { messageKey } from '../../web/i18n/message-key.ts';
import { optionalText, requiredText, versionField } from '../register/register.forms.ts';
import { visibilities } from '../register/register.table.ts';
import type { DocumentValues } from './documents.queries.ts';
import { documentKinds } from './documents.table.ts';

/** The fields in the order the form shows them (the error summary follows it). */
export const DOCUMENT_FIELDS = ['fil', 'title', 'kind', 'visibility', 'internalReason'] as const;

const fields = {
  // Optional on upload: an empty title becomes the file's name (documents.service.ts).
  title: optionalText(200),
  kind: z.enum(documentKinds, { error: messageKey('register.choiceMissing') }),
  visibility: z.enum(visibilities, { error: messageKey('register.choiceMissing') }),
  internalReason: optionalText(300),
};

type Context = { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void };

/** An internal document says why: the reason is what a reader of the register is told. */
function checkReason(data: { visibility?: string; internalReason?: string | null }, ctx: Context) {
  if (data.visibility === 'internal' && !data.internalReason)
    ctx.addIssue({
      code: 'custom',
      path: ['internalReason'],
      message: messageKey('documents.reasonMissing'),
    });
}

/** The text fields sent with a new file (multipart; the file itself is read by readUpload). */
export const uploadForm = z.strictObject(fields).superRefine(checkReason);

/** Changing a document's title, kind or visibility (the file stays as it is). */
export const documentForm = z
  .strictObject({ ...fields, title: requiredText(200), version: versionField })
  .superRefine(checkReason);

export type UploadInput = z.output<typeof uploadForm>;

export function documentValues(input: Omit<UploadInput, 'title'> & { title: string }): DocumentValues {
  return {
    title: input.title,
    kind: input.kind,
    visibility: input.visibility,
    internalReason: input.visibility === 'internal' ? input.internalReason : null,
  };
}
