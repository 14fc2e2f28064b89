import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';
import { AppError } from '../lib/errors.ts';
import { Refusal } from '../lib/refusal.ts';
import type { MessageKey } from './i18n/message-key.ts';

/**
 * Reads a submitted form as plain string fields. Anything but a form is refused (415); a field sent
 * twice or a file is a bad request (400). Malformed UTF-8 arrives as U+FFFD and is handled as text.
 */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `content-type ${type}`);
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof Error && 'status' in error) throw error;
    throw new AppError('BAD_REQUEST', 'unreadable form body');
  }
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string')
      throw new AppError('BAD_REQUEST', `field ${name} is not a single text value`);
    fields[name] = value;
  }
  return fields;
}

/**
 * Reads a form that carries one file (multipart/form-data only): the file's name and bytes, and the text
 * fields. No file, or an empty one, is `file: undefined` (the form shows its message); a file larger than
 * `maxBytes` is refused with the caller's message next to the file field (413); a second file or a field
 * sent twice is a bad request (400). The body limit for the route (security.ts LARGE_BODIES) has already
 * stopped anything far larger before it was read.
 */
export async function readUpload(
  c: Context<AppEnv>,
  { field: fileField, maxBytes, tooLarge }: { field: string; maxBytes: number; tooLarge: MessageKey },
): Promise<{ file: { name: string; bytes: Uint8Array } | undefined; fields: Record<string, string> }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `content-type ${type}`);
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof Error && 'status' in error) throw error;
    throw new AppError('BAD_REQUEST', 'unreadable upload');
  }
  const fields: Record<string, string> = Object.create(null);
  let file: { name: string; bytes: Uint8Array } | undefined;
  for (const [name, value] of Object.entries(body)) {
    if (name === fileField && value instanceof File) {
      if (value.size > maxBytes) throw new Refusal(tooLarge, { field: fileField, status: 413 });
      if (value.size > 0)
        file = { name: value.name.slice(0, 200), bytes: new Uint8Array(await value.arrayBuffer()) };
    } else if (name === fileField && value === '') {
      // No file chosen: some clients send the part as an empty text value.
    } else if (typeof value === 'string') {
      fields[name] = value;
    } else {
      throw new AppError('BAD_REQUEST', `field ${name} is not a single value`);
    }
  }
  return { file, fields };
}
