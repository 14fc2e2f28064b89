import { z } from 'zod';
import { hasControlCharacter } from '../../lib/text.ts';
import { type MessageKey, messageKey, translate } from '../../web/i18n/message-key.ts';
import type { Messages } from '../../web/i18n/messages.ts';

export const OVERVIEW_PATH = '/aterkoppling/oversikt';

export const answerFilters = ['alla', 'ja', 'nej'] as const;
export const statusFilters = ['alla', 'obehandlade', 'behandlade'] as const;

/** What the lists and the CSV file show; null means "no limit". Dates are Stockholm calendar days. */
export type FeedbackFilters = {
  from: string | null;
  to: string | null;
  page: string | null;
  answer: (typeof answerFilters)[number];
  status: (typeof statusFilters)[number];
};

/** The filter fields as typed, to show them again next to their messages. */
export type TypedFilters = { fran: string; till: string; sida: string; svar: string; status: string };

export type FilterError = { field: 'fran' | 'till' | 'sida'; message: string };

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // PostgreSQL has no year 0, and nothing here is older than the product anyway.
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function optionalDate(formatMessage: MessageKey) {
  return z
    .string()
    .trim()
    .max(40, formatMessage)
    .refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), {
      error: formatMessage,
      abort: true,
    })
    .refine((value) => value === '' || isCalendarDate(value), {
      error: messageKey('feedbackViewer.noSuchDate'),
      abort: true,
    })
    .transform((value) => value || null);
}

/** An empty select or a missing parameter means "all". */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? 'alla' : value), z.enum(values));

const filterQuery = z
  .object({
    fran: optionalDate('feedbackViewer.fromInvalid'),
    till: optionalDate('feedbackViewer.toInvalid'),
    // The select offers only our own paths; anything else is checked against the list by the route.
    // Control characters (NUL above all, which PostgreSQL refuses in text) are in no path of ours.
    sida: z
      .string()
      .max(200)
      .refine((value) => !hasControlCharacter(value))
      .transform((value) => value || null),
    svar: choice(answerFilters),
    status: choice(statusFilters),
    sidnr: z.preprocess(
      (value) => (value === '' || value === undefined ? 1 : value),
      z.coerce.number().int().min(1).max(100_000),
    ),
  })
  .refine((query) => !query.fran || !query.till || query.fran <= query.till, {
    path: ['till'],
    error: messageKey('feedbackViewer.toBeforeFrom'),
  });

export type ParsedFilters =
  | { ok: true; filters: FeedbackFilters; pageNumber: number; typed: TypedFilters }
  | { ok: false; errors: FilterError[]; typed: TypedFilters }
  /** A value no form of ours sends (a tampered select or page number): a plain bad request. */
  | { ok: false; errors: null; typed: TypedFilters };

/** Reads the GET form. Only the known parameters count, so a shared link with extras still opens. */
export function parseFilters(t: Messages, query: (name: string) => string | undefined): ParsedFilters {
  const typed: TypedFilters = {
    fran: query('fran') ?? '',
    till: query('till') ?? '',
    sida: query('sida') ?? '',
    svar: query('svar') ?? '',
    status: query('status') ?? '',
  };
  const parsed = filterQuery.safeParse({ ...typed, sidnr: query('sidnr') }, { reportInput: true });
  if (parsed.success) {
    const { fran, till, sida, svar, status, sidnr } = parsed.data;
    return {
      ok: true,
      filters: { from: fran, to: till, page: sida, answer: svar, status },
      pageNumber: sidnr,
      typed,
    };
  }
  const errors: FilterError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'fran' && field !== 'till') return { ok: false, errors: null, typed };
    if (!errors.some((error) => error.field === field))
      errors.push({ field, message: translate(t, issue.message, { input: issue.input }) });
  }
  return { ok: false, errors, typed };
}

/** The filters as a query string, leaving out defaults, for links, the CSV address and `tillbaka`. */
export function filterSearch(filters: FeedbackFilters, pageNumber = 1): string {
  const params = new URLSearchParams();
  if (filters.from) params.set('fran', filters.from);
  if (filters.to) params.set('till', filters.to);
  if (filters.page) params.set('sida', filters.page);
  if (filters.answer !== 'alla') params.set('svar', filters.answer);
  if (filters.status !== 'alla') params.set('status', filters.status);
  if (pageNumber > 1) params.set('sidnr', String(pageNumber));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const markForm = z.strictObject({
  handled: z.enum(['ja', 'nej']),
  tillbaka: z.string().max(2000).optional(),
});

export type Marked = 'behandlad' | 'obehandlad';

/** The status message after marking, from the redirect's `markerad`; anything else shows none. */
export function markedFrom(value: string | undefined): Marked | undefined {
  return value === 'behandlad' || value === 'obehandlad' ? value : undefined;
}

/** After marking, the list with the filters it was sent from, given that they point at the list itself. */
export function backToOverview(tillbaka: string | undefined, marked: Marked): string {
  // Only our own list: a relative path, no host (//evil.example), no backslash or control characters.
  const own = tillbaka !== undefined && /^\/aterkoppling\/oversikt(?:\?[^\\#\s]*)?$/.test(tillbaka);
  const params = new URLSearchParams(own ? (tillbaka.split('?')[1] ?? '') : '');
  params.delete('markerad');
  params.set('markerad', marked);
  return `${OVERVIEW_PATH}?${params}`;
}
