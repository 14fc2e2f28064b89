import { z } from '@hono/zod-openapi';
import { stockholmInstant } from '../../lib/dates.ts';
import type { Messages } from '../../web/i18n/messages.ts';

/**
 * The building blocks every resource of the open API shares (decision 017): camelCase field names, times
 * as RFC 3339 in UTC, dates as YYYY-MM-DD, a slug as the public id, links as absolute URLs. Built with
 * the dictionary so that the OpenAPI document's descriptions are the site's Swedish words.
 */

/** The largest `limit` a list answers with; the default is DIGG's 20 (FNS.09). */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Far beyond any list we hold; keeps OFFSET arithmetic inside PostgreSQL's integer. */
export const MAX_PAGE = 1_000_000;

/** A time as the API writes it: RFC 3339 in UTC, to the second (DOT.01/04). */
export function presentTimestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

export function timestampField(description: string) {
  return z.string().openapi({ format: 'date-time', description, example: '2026-03-05T09:30:00Z' });
}

export function dateField(description: string) {
  return z.string().openapi({ format: 'date', description, example: '2026-01-01' });
}

/** The public id of a record: its slug, as in the site's addresses. */
export function idField(description: string) {
  return z.string().openapi({ description, example: 'samverkansavtal-sodertorns-hogskola' });
}

export function urlField(description: string) {
  return z.string().openapi({ format: 'uri', description });
}

/**
 * A link to another record: its id, its name and its page (every resource refers to others this way).
 * Extend it for more (`referenceSchema(t).extend({ kind }).openapi('OrganisationReference')`).
 */
export function referenceSchema(t: Messages) {
  const words = t.openData.schemas.reference;
  return z
    .object({
      id: idField(words.id),
      name: z.string().openapi({ description: words.name }),
      url: urlField(words.url),
    })
    .openapi('Reference', { description: words.description });
}

/**
 * A link field that may be empty, with its own description. Not `referenceSchema(t).nullable().openapi()`:
 * that writes the field's description and nullability into the shared `Reference` component itself.
 */
export function nullableReference(t: Messages, description: string) {
  return z.union([referenceSchema(t), z.null()]).openapi({ description });
}

/** The fields every record has: id, its page on the site, when it last changed, and the demo mark. */
export function recordFields(t: Messages) {
  const words = t.openData.schemas.record;
  return {
    id: idField(words.id),
    url: urlField(words.url),
    updatedAt: timestampField(words.updatedAt),
    isExampleData: z.boolean().openapi({ description: words.isExampleData }),
  };
}

/** A query parameter: a slug of a record (lower-case letters, digits and hyphens). */
export function slugParameter(description: string, name: string) {
  return z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .optional()
    .openapi({ param: { name, in: 'query' }, description, example: 'sodertorns-hogskola' });
}

/** `updatedSince`: only records changed at or after this time (RFC 3339 with a zone, or a date). */
export function updatedSinceParameter(t: Messages) {
  return z
    .string()
    .max(40)
    .refine((value) => parseUpdatedSince(value) !== undefined, { params: { reason: 'updatedSince' } })
    .optional()
    .openapi({
      param: { name: 'updatedSince', in: 'query' },
      description: t.openData.parameters.updatedSince,
      example: '2026-01-01T00:00:00Z',
    });
}

/** A query parameter: one day of the calendar, YYYY-MM-DD (a day that exists, years 1900–9999). */
export function dayParameter(description: string, name: string) {
  return z
    .string()
    .max(10)
    .refine(isCalendarDay, { params: { reason: 'day' } })
    .optional()
    .openapi({ param: { name, in: 'query' }, description, format: 'date', example: '2026-01-01' });
}

/**
 * Years a date in a query may have. JavaScript reads year 0000 and 2026-02-30 (rolling it over), and
 * PostgreSQL refuses the first: outside this range, or not in the calendar, a date is a 400, never a 500.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** Whether year, month and day make a day of the calendar within the years a query may name. */
function existsInCalendar(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day in the calendar as YYYY-MM-DD (2026-02-31, 2026-13-01 and 0000-01-01 are refused). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && existsInCalendar(Number(match[1]), Number(match[2]), Number(match[3]));
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2})))?$/;

/**
 * The instant an `updatedSince` value names; a bare date is its midnight in Stockholm, as the API's other
 * day filters read days. Undefined if it is not RFC 3339, or names a day or time that does not exist.
 */
export function parseUpdatedSince(value: string): Date | undefined {
  const match = RFC3339.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.map(Number);
  if (!existsInCalendar(year as number, month as number, day as number)) return undefined;
  if (match[4] === undefined) return stockholmInstant(value, '00:00') ?? undefined;
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) return undefined;
  if (match[7] !== undefined && ((offsetHour as number) > 23 || (offsetMinute as number) > 59))
    return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** `limit` and `page` (FNS.07–09): page numbers start at 1. */
export function pagingParameters(t: Messages) {
  const words = t.openData.parameters;
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_LIMIT)
      .default(DEFAULT_LIMIT)
      .openapi({ param: { name: 'limit', in: 'query' }, description: words.limit, example: DEFAULT_LIMIT }),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE)
      .default(1)
      .openapi({ param: { name: 'page', in: 'query' }, description: words.page, example: 1 }),
  };
}

/** The answer of every list endpoint: the items of one page and the links to the others. */
export function listSchema<Item extends z.ZodType>(t: Messages, name: string, item: Item) {
  const words = t.openData.schemas.list;
  const link = (description: string) => urlField(description);
  return z
    .object({
      items: z.array(item).openapi({ description: words.items }),
      page: z.number().int().min(1).openapi({ description: words.page }),
      limit: z.number().int().min(1).max(MAX_LIMIT).openapi({ description: words.limit }),
      totalItems: z.number().int().min(0).openapi({ description: words.totalItems }),
      totalPages: z.number().int().min(0).openapi({ description: words.totalPages }),
      links: z
        .object({
          self: link(words.self),
          first: link(words.first),
          last: link(words.last),
          prev: link(words.prev).optional(),
          next: link(words.next).optional(),
        })
        .openapi({ description: words.links }),
    })
    .openapi(name);
}

/** An error as RFC 9457 problem details (FEL.01/02), with a Swedish `title` and `detail`. */
export function problemSchema(t: Messages) {
  const words = t.openData.schemas.problem;
  return z
    .object({
      type: z.string().openapi({ format: 'uri', description: words.type }),
      title: z.string().openapi({ description: words.title }),
      status: z.number().int().openapi({ description: words.status }),
      detail: z.string().openapi({ description: words.detail }),
      instance: z.string().openapi({ format: 'uri-reference', description: words.instance }),
      requestId: z.string().openapi({ description: words.requestId }),
      invalidParams: z
        .array(
          z.object({
            name: z.string().openapi({ description: words.parameterName }),
            reason: z.string().openapi({ description: words.parameterReason }),
          }),
        )
        .optional()
        .openapi({ description: words.invalidParams }),
    })
    .openapi('Problem');
}
