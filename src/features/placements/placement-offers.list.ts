import { hasControlCharacter } from '../../lib/text.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { isIdText } from '../register/register.forms.ts';
import { isIsoDate } from './placement-offers.forms.ts';
import type { CapacityFilters } from './placement-offers.queries.ts';
import { parseTerm } from './placement-terms.ts';
import type { PlacementKind } from './placements.table.ts';

export const CAPACITY_PATH = '/praktik/platser';

/** The kinds as the list's address names them (`typ=`), Swedish and short. */
export const KIND_PARAMS: Record<string, PlacementKind> = {
  vfu: 'vfu_teacher',
  vil: 'vfu_care',
  apl: 'apl',
  praktik: 'internship',
};
export const PARAM_OF_KIND = Object.fromEntries(
  Object.entries(KIND_PARAMS).map(([param, kind]) => [kind, param]),
) as Record<PlacementKind, string>;

/** The filter fields as typed, to show again next to their messages. */
export type TypedCapacityFilters = {
  termin: string;
  typ: string;
  program: string;
  forvaltning: string;
  omrade: string;
  fran: string;
  till: string;
  lediga: string;
};

export type CapacityFilterError = {
  field: 'termin' | 'program' | 'omrade' | 'fran' | 'till';
  message: string;
};

export type ParsedCapacityFilters =
  | { ok: true; filters: CapacityFilters; page: number; typed: TypedCapacityFilters }
  | { ok: false; errors: CapacityFilterError[]; typed: TypedCapacityFilters }
  /** A value no form of ours sends (a tampered select, page number or checkbox): a plain bad request. */
  | { ok: false; errors: null; typed: TypedCapacityFilters };

const plainText = (value: string) => !hasControlCharacter(value);

/**
 * Reads the list's GET form. The term (default: `defaultTerm`), dates and texts are typed, so a wrong one
 * is a message by its field (422); the selects, checkbox and page number are ours, so a wrong one is 400.
 * Unknown parameters are ignored: a shared link with extras still opens.
 */
export function parseCapacityFilters(
  t: Messages,
  query: (name: string) => string | undefined,
  defaultTerm: string,
): ParsedCapacityFilters {
  const typed: TypedCapacityFilters = {
    termin: query('termin') ?? '',
    typ: query('typ') ?? '',
    program: query('program') ?? '',
    forvaltning: query('forvaltning') ?? '',
    omrade: query('omrade') ?? '',
    fran: query('fran') ?? '',
    till: query('till') ?? '',
    lediga: query('lediga') ?? '',
  };
  const text = t.placementOffers.list;
  const sida = query('sida') ?? '';
  const bad =
    (typed.typ !== '' && !(typed.typ in KIND_PARAMS)) ||
    (typed.forvaltning !== '' && !isIdText(typed.forvaltning)) ||
    (typed.lediga !== '' && typed.lediga !== '1') ||
    (sida !== '' && !/^[1-9][0-9]{0,4}$/.test(sida));
  if (bad) return { ok: false, errors: null, typed };
  const errors: CapacityFilterError[] = [];
  const term = typed.termin.trim() === '' ? defaultTerm : parseTerm(typed.termin);
  if (term === undefined) errors.push({ field: 'termin', message: text.termInvalid });
  const program = typed.program.trim();
  const area = typed.omrade.trim();
  for (const [field, value] of [
    ['program', program],
    ['omrade', area],
  ] as const) {
    if (value.length > 100 || !plainText(value)) errors.push({ field, message: text.tooLong });
  }
  const from = typed.fran.trim();
  const to = typed.till.trim();
  if (from !== '' && !isIsoDate(from)) errors.push({ field: 'fran', message: text.dateInvalid });
  if (to !== '' && !isIsoDate(to)) errors.push({ field: 'till', message: text.dateInvalid });
  else if (isIsoDate(from) && isIsoDate(to) && to < from)
    errors.push({ field: 'till', message: text.toBeforeFrom });
  if (errors.length > 0 || term === undefined) return { ok: false, errors, typed };
  return {
    ok: true,
    typed,
    page: sida === '' ? 1 : Number(sida),
    filters: {
      term,
      kind: typed.typ === '' ? null : (KIND_PARAMS[typed.typ] ?? null),
      programme: program || null,
      administrationId: typed.forvaltning === '' ? null : Number(typed.forvaltning),
      area: area || null,
      from: from || null,
      to: to || null,
      onlyFree: typed.lediga === '1',
    },
  };
}

/** The filters as a query string (defaults left out), for the page links. */
export function capacitySearch(filters: CapacityFilters, page = 1): string {
  const params = new URLSearchParams();
  params.set('termin', filters.term);
  if (filters.kind) params.set('typ', PARAM_OF_KIND[filters.kind]);
  if (filters.programme) params.set('program', filters.programme);
  if (filters.administrationId !== null) params.set('forvaltning', String(filters.administrationId));
  if (filters.area) params.set('omrade', filters.area);
  if (filters.from) params.set('fran', filters.from);
  if (filters.to) params.set('till', filters.to);
  if (filters.onlyFree) params.set('lediga', '1');
  if (page > 1) params.set('sida', String(page));
  return `?${params}`;
}
