import type { Context } from 'hono';
import type { AppEnv } from '../app-deps.ts';
import { AppError } from '../lib/errors.ts';

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
